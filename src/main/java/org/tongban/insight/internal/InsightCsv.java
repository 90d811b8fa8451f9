package org.tongban.insight.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * CSV for Excel: UTF-8 with a byte order mark, headers in the caller's language, quoted fields, and a cell that a
 * spreadsheet would take for a formula prefixed with an apostrophe.
 */
@Component
public class InsightCsv {

    private final Insight insight;

    InsightCsv(Insight insight) {
        this.insight = insight;
    }

    /** A table of figures: {@code items}, {@code departments}, {@code channels} or {@code days}. */
    public byte[] figures(List<Figures.Row> rows, Locale locale) {
        var out = new StringBuilder("\uFEFF");
        line(
                out,
                List.of(
                        h("name", locale),
                        h("submitted", locale),
                        h("zeroVisit", locale),
                        h("zeroVisitRate", locale),
                        h("concluded", locale),
                        h("onTimeRate", locale),
                        h("lateRate", locale),
                        h("averageDays", locale)));
        for (var r : rows) {
            line(
                    out,
                    List.of(
                            r.name(),
                            Long.toString(r.submitted()),
                            Long.toString(r.zeroVisit()),
                            r.zeroVisitRate() + "%",
                            Long.toString(r.concluded()),
                            r.onTimeRate() + "%",
                            r.lateRate() + "%",
                            Double.toString(r.averageDays())));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The cases or licences behind a figure. */
    public byte[] lines(List<Insight.Line> lines, Locale locale) {
        var out = new StringBuilder("\uFEFF");
        line(
                out,
                List.of(
                        h("number", locale),
                        h("item", locale),
                        h("department", locale),
                        h("channel", locale),
                        h("day", locale),
                        h("due", locale),
                        h("state", locale),
                        h("level", locale)));
        for (var l : lines) {
            line(
                    out,
                    List.of(
                            l.id(),
                            l.item(),
                            l.department(),
                            l.channel(),
                            l.day().toString(),
                            l.due() == null ? "" : l.due().toString(),
                            l.state(),
                            l.level()));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private String h(String key, Locale locale) {
        return insight.text("insight.csv." + key, locale);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.append(',');
            var v = cells.get(i);
            if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) v = "'" + v;
            out.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }
}
