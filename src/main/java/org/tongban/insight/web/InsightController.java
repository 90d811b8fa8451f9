package org.tongban.insight.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.insight.InsightNotFoundException;
import org.tongban.insight.internal.Drill;
import org.tongban.insight.internal.Figures;
import org.tongban.insight.internal.Insight;
import org.tongban.insight.internal.InsightCsv;
import org.tongban.shared.CurrentAccount;

/**
 * The dashboards (效能监管): the province's for managers under {@code /console/insight}, the own department's for
 * department admins under {@code /office/insight}; each with the cases behind a figure, CSV and the wall screen.
 */
@Controller
class InsightController {

    private final Insight insight;
    private final InsightCsv csv;

    InsightController(Insight insight, InsightCsv csv) {
        this.insight = insight;
        this.csv = csv;
    }

    @GetMapping("/console/insight")
    @PreAuthorize("hasAuthority('insight:province')")
    String province(@RequestParam(required = false) @Nullable Integer days, Locale locale, Model model) {
        return dashboard(null, "/console/insight", days, locale, model, "insight/dashboard");
    }

    @GetMapping("/console/insight/wall")
    @PreAuthorize("hasAuthority('insight:province')")
    String provinceWall(@RequestParam(required = false) @Nullable Integer days, Locale locale, Model model) {
        return dashboard(null, "/console/insight", days, locale, model, "insight/wall");
    }

    @GetMapping("/office/insight")
    @PreAuthorize("hasAuthority('insight:department')")
    String department(
            @RequestParam(required = false) @Nullable Integer days,
            @RequestParam(required = false) @Nullable String department,
            @CurrentAccount UUID me,
            Locale locale,
            Model model) {
        return dashboard(
                insight.departmentOf(me, department), "/office/insight", days, locale, model, "insight/dashboard");
    }

    @GetMapping("/office/insight/wall")
    @PreAuthorize("hasAuthority('insight:department')")
    String departmentWall(
            @RequestParam(required = false) @Nullable Integer days,
            @CurrentAccount UUID me,
            Locale locale,
            Model model) {
        return dashboard(insight.departmentOf(me, null), "/office/insight", days, locale, model, "insight/wall");
    }

    @GetMapping("/console/insight/cases")
    @PreAuthorize("hasAuthority('insight:province')")
    String provinceCases(Params p, Locale locale, Model model) {
        return drill(p.drill(p.department, insight), "/console/insight", p, locale, model);
    }

    @GetMapping("/office/insight/cases")
    @PreAuthorize("hasAuthority('insight:department')")
    String departmentCases(Params p, @CurrentAccount UUID me, Locale locale, Model model) {
        return drill(p.drill(insight.departmentOf(me, p.department), insight), "/office/insight", p, locale, model);
    }

    @GetMapping("/console/insight/cases.csv")
    @PreAuthorize("hasAuthority('insight:province')")
    ResponseEntity<byte[]> provinceCasesCsv(Params p, @CurrentAccount UUID me, Locale locale) {
        return linesCsv(p.drill(p.department, insight), me, locale);
    }

    @GetMapping("/office/insight/cases.csv")
    @PreAuthorize("hasAuthority('insight:department')")
    ResponseEntity<byte[]> departmentCasesCsv(Params p, @CurrentAccount UUID me, Locale locale) {
        return linesCsv(p.drill(insight.departmentOf(me, p.department), insight), me, locale);
    }

    @GetMapping("/console/insight/figures.csv")
    @PreAuthorize("hasAuthority('insight:province')")
    ResponseEntity<byte[]> provinceCsv(
            @RequestParam(defaultValue = "items") String table,
            @RequestParam(required = false) @Nullable Integer days,
            @CurrentAccount UUID me,
            Locale locale) {
        return figuresCsv(insight.figures(null, Insight.period(days), locale), table, me, locale);
    }

    @GetMapping("/office/insight/figures.csv")
    @PreAuthorize("hasAuthority('insight:department')")
    ResponseEntity<byte[]> departmentCsv(
            @RequestParam(defaultValue = "items") String table,
            @RequestParam(required = false) @Nullable Integer days,
            @CurrentAccount UUID me,
            Locale locale) {
        var dep = insight.departmentOf(me, null);
        return figuresCsv(insight.figures(dep, Insight.period(days), locale), table, me, locale);
    }

    private String dashboard(
            @Nullable String department, String base, @Nullable Integer days, Locale locale, Model model, String view) {
        var period = Insight.period(days);
        model.addAttribute("f", insight.figures(department, period, locale));
        model.addAttribute("base", base);
        model.addAttribute("days", period);
        model.addAttribute("periods", Insight.PERIODS);
        return view;
    }

    private String drill(Drill drill, String base, Params p, Locale locale, Model model) {
        model.addAttribute("drill", drill);
        model.addAttribute("lines", insight.drill(drill, locale, 200));
        model.addAttribute("base", base);
        model.addAttribute("days", Insight.period(p.days));
        model.addAttribute("query", p.query());
        return "insight/drill";
    }

    private ResponseEntity<byte[]> linesCsv(Drill drill, UUID me, Locale locale) {
        var lines = insight.drill(drill, locale, 100_000);
        insight.exported(me, drill.figure(), lines.size());
        return file(csv.lines(lines, locale), "insight-" + drill.figure() + ".csv");
    }

    private ResponseEntity<byte[]> figuresCsv(Figures f, String table, UUID me, Locale locale) {
        List<Figures.Row> rows = switch (table) {
            case "items" -> f.byItem();
            case "departments" -> f.byDepartment();
            case "channels" -> f.byChannel();
            case "days" -> f.byDay();
            default -> throw new InsightNotFoundException();
        };
        insight.exported(me, table, rows.size());
        return file(csv.figures(rows, locale), "insight-" + table + ".csv");
    }

    static ResponseEntity<byte[]> file(byte[] body, String name) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(body);
    }

    /** The drill-down's parameters, bound from the query string. */
    static final class Params {
        String figure = "all";

        @Nullable
        Integer days;

        @Nullable
        String department;

        @Nullable
        String item;

        @Nullable
        String channel;

        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        @Nullable
        LocalDate day;

        @Nullable
        Integer level;

        public void setFigure(String figure) {
            this.figure = figure;
        }

        public void setDays(@Nullable Integer days) {
            this.days = days;
        }

        public void setDepartment(@Nullable String department) {
            this.department = department;
        }

        public void setItem(@Nullable String item) {
            this.item = item;
        }

        public void setChannel(@Nullable String channel) {
            this.channel = channel;
        }

        public void setDay(@Nullable LocalDate day) {
            this.day = day;
        }

        public void setLevel(@Nullable Integer level) {
            this.level = level;
        }

        Drill drill(@Nullable String scope, Insight insight) {
            if (!Drill.FIGURES.contains(figure)) throw new InsightNotFoundException();
            var to = insight.today();
            var from = to.minusDays(Insight.period(days) - 1L);
            return new Drill(figure, from, to, blank(scope), blank(item), blank(channel), day, level);
        }

        String query() {
            var q = new StringBuilder("figure=").append(figure).append("&days=").append(Insight.period(days));
            if (department != null) q.append("&department=").append(enc(department));
            if (item != null) q.append("&item=").append(enc(item));
            if (channel != null) q.append("&channel=").append(enc(channel));
            if (day != null) q.append("&day=").append(day);
            if (level != null) q.append("&level=").append(level);
            return q.toString();
        }

        private static String enc(String v) {
            return java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8);
        }

        private static @Nullable String blank(@Nullable String v) {
            return v == null || v.isBlank() ? null : v.strip();
        }
    }
}
