package org.tongban.licenses.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as spreadsheets write it: comma-separated, fields in double quotes when they hold commas, quotes or
 * line breaks ({@code ""} for a quote), CRLF or LF line ends. UTF-8 (with or without the byte-order mark that Excel
 * writes), or GB18030 when the bytes are not UTF-8: a Chinese Excel saves "CSV" in the GBK family by default.
 */
public final class Csv {

    private Csv() {}

    /** Thrown when the file cannot be read as CSV: an unterminated quote. */
    public static final class MalformedCsvException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int row;

        MalformedCsvException(int row) {
            super("unterminated quote in row " + row);
            this.row = row;
        }

        public int row() {
            return row;
        }
    }

    /** A row of the file: the line it starts on (1 = the first line) and its fields. */
    public record Row(int line, List<String> fields) {}

    /** The rows of a file; blank lines are skipped, but count in the line numbers. */
    public static List<Row> parse(byte[] bytes) {
        return parse(decode(bytes));
    }

    static String decode(byte[] bytes) {
        int start =
                bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF
                        ? 3
                        : 0;
        var buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(buffer)
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }

    static List<Row> parse(String text) {
        var rows = new ArrayList<Row>();
        var row = new ArrayList<String>();
        var field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int line = 1;
        int rowStart = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') line++;
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (!fieldStarted && field.isEmpty()) quoted = true;
                    else field.append(c);
                    fieldStarted = true;
                }
                case ',' -> {
                    row.add(field.toString());
                    field.setLength(0);
                    fieldStarted = false;
                }
                case '\r' -> {
                    /* part of CRLF, or a stray CR: ignored */
                }
                case '\n' -> {
                    row.add(field.toString());
                    field.setLength(0);
                    fieldStarted = false;
                    if (!(row.size() == 1 && row.getFirst().isBlank())) rows.add(new Row(rowStart, List.copyOf(row)));
                    row.clear();
                    line++;
                    rowStart = line;
                }
                default -> {
                    field.append(c);
                    fieldStarted = true;
                }
            }
        }
        if (quoted) throw new MalformedCsvException(rowStart);
        if (fieldStarted || !field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            if (!(row.size() == 1 && row.getFirst().isBlank())) rows.add(new Row(rowStart, List.copyOf(row)));
        }
        return rows;
    }
}
