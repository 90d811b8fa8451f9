package org.tongban.insight.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.insight.InsightNotFoundException;
import org.tongban.insight.internal.Drill;
import org.tongban.insight.internal.Figures;
import org.tongban.insight.internal.Insight;
import org.tongban.shared.CurrentAccount;

/** The dashboards as JSON, mirroring {@code /console/insight} and {@code /office/insight} with the same checks. */
@RestController
@Tag(
        name = "Insight",
        description = "效能监管: the figures of the province or of the own department, and the cases behind them")
class InsightApiController {

    private final Insight insight;

    InsightApiController(Insight insight) {
        this.insight = insight;
    }

    @GetMapping("/api/v1/insight/province")
    @PreAuthorize("hasAuthority('insight:province')")
    @Operation(summary = "The province's figures for the cases filed in the last 7, 30, 90 or 365 days")
    Figures province(@RequestParam(required = false) @Nullable Integer days, Locale locale) {
        return insight.figures(null, Insight.period(days), locale);
    }

    @GetMapping("/api/v1/insight/department")
    @PreAuthorize("hasAuthority('insight:department')")
    @Operation(summary = "The own department's figures; another department is not found")
    Figures department(
            @RequestParam(required = false) @Nullable Integer days,
            @RequestParam(required = false) @Nullable String department,
            @CurrentAccount UUID me,
            Locale locale) {
        return insight.figures(insight.departmentOf(me, department), Insight.period(days), locale);
    }

    @GetMapping("/api/v1/insight/province/cases")
    @PreAuthorize("hasAuthority('insight:province')")
    @Operation(summary = "The cases (or licences) behind a figure of the province, newest first, at most 200")
    List<Insight.Line> provinceCases(
            @RequestParam(defaultValue = "all") String figure,
            @RequestParam(required = false) @Nullable Integer days,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String item,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
            @RequestParam(required = false) @Nullable Integer level,
            Locale locale) {
        return insight.drill(drill(figure, days, department, item, channel, day, level), locale, 200);
    }

    @GetMapping("/api/v1/insight/department/cases")
    @PreAuthorize("hasAuthority('insight:department')")
    @Operation(summary = "The cases (or licences) behind a figure of the own department; another is not found")
    List<Insight.Line> departmentCases(
            @RequestParam(defaultValue = "all") String figure,
            @RequestParam(required = false) @Nullable Integer days,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String item,
            @RequestParam(required = false) @Nullable String channel,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate day,
            @RequestParam(required = false) @Nullable Integer level,
            @CurrentAccount UUID me,
            Locale locale) {
        var own = insight.departmentOf(me, department);
        return insight.drill(drill(figure, days, own, item, channel, day, level), locale, 200);
    }

    private Drill drill(
            String figure,
            @Nullable Integer days,
            @Nullable String department,
            @Nullable String item,
            @Nullable String channel,
            @Nullable LocalDate day,
            @Nullable Integer level) {
        if (!Drill.FIGURES.contains(figure)) throw new InsightNotFoundException();
        var to = insight.today();
        var from = to.minusDays(Insight.period(days) - 1L);
        return new Drill(figure, from, to, blank(department), blank(item), blank(channel), day, level);
    }

    private static @Nullable String blank(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
