package org.tongban.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Requests written byte by byte on a socket, for what a well-behaved client library refuses to send: invalid
 * UTF-8 in the request line, non-ASCII bytes in a header, a chunked body of any size.
 */
public final class RawHttp {

    public record Answer(int status, String head, String body) {}

    private RawHttp() {}

    /** Sends the head (request line and headers, CRLF-separated, without the blank line) and the body bytes. */
    public static Answer send(int port, byte[] head, byte[] body) {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(head);
            out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Posts a chunked body of {@code total} bytes repeating {@code fill}, stopping early when the server answers
     * (and closes) before it has read everything.
     */
    public static Answer chunked(int port, String path, String contentType, long total, byte fill) {
        try (var socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            var out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                            + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            var chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, fill);
            if (contentType.contains("json")) chunk[0] = '"';
            try {
                for (long sent = 0; sent < total; sent += chunk.length) {
                    writeChunk(out, chunk);
                    chunk[0] = fill;
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedEarly) {
                // The server refused before the end: its answer is what the test wants.
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeChunk(OutputStream out, byte[] chunk) throws IOException {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static Answer read(InputStream in) throws IOException {
        var all = new ByteArrayOutputStream();
        var buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
                if (complete(all.toString(StandardCharsets.UTF_8))) break;
            }
        } catch (java.net.SocketException reset) {
            // A server that closes while we still write may reset the connection after its answer.
        }
        var text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        var head = end < 0 ? text : text.substring(0, end);
        var body = end < 0 ? "" : text.substring(end + 4);
        int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
        return new Answer(status, head, body);
    }

    /** A whole answer with a Content-Length has arrived (chunked answers are read to the end). */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) return false;
        var m = java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(text.substring(0, end));
        if (!m.find())
            return text.substring(0, end).toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")
                    && text.endsWith("0\r\n\r\n");
        return text.getBytes(StandardCharsets.UTF_8).length - end - 4 >= Integer.parseInt(m.group(1));
    }
}
