package org.tongban.audit.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * CSV as RFC 4180 writes it (every cell quoted, quotes doubled, CRLF), with one addition for the spreadsheet the
 * auditor opens it in: a cell that a spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a
 * carriage return) is prefixed with an apostrophe, since the trail holds text that outsiders typed.
 */
final class TrailCsv {

    private TrailCsv() {}

    static void header(Writer out, List<String> cells) throws IOException {
        row(out, cells);
    }

    static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String cell(String value) {
        var safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
