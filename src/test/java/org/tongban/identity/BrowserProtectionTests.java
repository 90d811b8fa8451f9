package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.licenses.LicenseStatus;
import org.tongban.licenses.internal.LicenseWallet;

/**
 * The review's low findings on what the browser is told: no content security, referrer or permissions policy, and
 * QR and PDF links built from the Host header the caller sends.
 */
class BrowserProtectionTests extends IntegrationTest {

    @Autowired
    LicenseWallet wallet;

    @Test
    void pagesAndTheApiSendAContentSecurityReferrerAndPermissionsPolicy() throws Exception {
        var http = HttpClient.newHttpClient();
        for (var path : new String[] {"/", "/login", "/api/v1/catalog/items"}) {
            var response = http.send(
                    HttpRequest.newBuilder(URI.create(BASE + path)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .as(path)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'")
                            .contains("script-src 'self'")
                            .contains("object-src 'none'")
                            .contains("frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("Referrer-Policy"))
                    .as(path)
                    .hasValue("same-origin");
            assertThat(response.headers().firstValue("Permissions-Policy"))
                    .as(path)
                    .hasValueSatisfying(p -> assertThat(p).contains("camera=()").contains("geolocation=()"));
        }
    }

    @Test
    void aLicensePdfLinksThePlatformsOwnAddressWhateverTheHostHeaderSays() throws Exception {
        var web = signedIn("citizen");
        var account = java.util.UUID.fromString(tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(web.json("GET", "/api/v1/me", null).body())
                .get("accountId")
                .asString());
        var id = wallet.mine(account, null, 100).licenses().stream()
                .filter(l -> l.status() == LicenseStatus.VALID)
                .findFirst()
                .orElseThrow()
                .identifier();
        var pdf = rawGet("/citizen/licenses/" + id + "/license.pdf", "evil.example", web.sessionCookie());
        try (var document = Loader.loadPDF(pdf)) {
            var text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            assertThat(text).doesNotContain("evil.example").contains("/verify/licenses/" + id);
        }
    }

    /** A GET with a Host header of the caller's choosing (the JDK client will not send one); returns the body. */
    private static byte[] rawGet(String path, String host, String cookie) throws IOException {
        try (var socket = new Socket("localhost", PORT)) {
            var request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nCookie: SESSION=" + cookie
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            var all = socket.getInputStream().readAllBytes();
            int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            var head = new String(all, 0, split, StandardCharsets.ISO_8859_1);
            assertThat(head).as(request).startsWith("HTTP/1.1 200");
            var body = Arrays.copyOfRange(all, split + 4, all.length);
            return head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked") ? unchunk(body) : body;
        }
    }

    private static byte[] unchunk(byte[] body) {
        var out = new ByteArrayOutputStream();
        int i = 0;
        while (true) {
            int eol = indexOf(Arrays.copyOfRange(body, i, body.length), "\r\n".getBytes(StandardCharsets.US_ASCII)) + i;
            int size =
                    Integer.parseInt(new String(body, i, eol - i, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
            if (size == 0) return out.toByteArray();
            out.write(body, eol + 2, size);
            i = eol + 2 + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] part) {
        outer:
        for (int i = 0; i <= data.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) if (data[i + j] != part[j]) continue outer;
            return i;
        }
        throw new IllegalArgumentException("not found");
    }
}
