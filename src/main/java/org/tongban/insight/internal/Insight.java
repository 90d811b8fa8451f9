package org.tongban.insight.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.documents.DocumentFigures;
import org.tongban.identity.DepartmentView;
import org.tongban.identity.Departments;
import org.tongban.insight.InsightAudit;
import org.tongban.insight.InsightNotFoundException;
import org.tongban.shared.Bilingual;

/**
 * The dashboards for pages and API: whose figures the caller sees (the province for managers, the own department
 * for department admins, checked here), the figures with names, and the cases behind each.
 */
@Service
public class Insight {

    public static final List<Integer> PERIODS = List.of(7, 30, 90, 365);
    static final int DRILL_LIMIT = 200;
    static final int EXPORT_LIMIT = 100_000;

    /** One case or licence behind a figure, in words. */
    public record Line(
            String id,
            String item,
            String department,
            String channel,
            LocalDate day,
            @Nullable LocalDate due,
            String state,
            String level) {}

    private final InsightQueries queries;
    private final DrillQueries drills;
    private final Departments departments;
    private final DocumentFigures documents;
    private final AuditManagement audit;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final Clock clock;

    Insight(
            InsightQueries queries,
            DrillQueries drills,
            Departments departments,
            DocumentFigures documents,
            AuditManagement audit,
            MessageSource messages,
            JdbcClient jdbc,
            Clock clock) {
        this.queries = queries;
        this.drills = drills;
        this.departments = departments;
        this.documents = documents;
        this.audit = audit;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The period in days, one of {@link #PERIODS}; anything else is the default 30. */
    public static int period(@Nullable Integer days) {
        return days != null && PERIODS.contains(days) ? days : 30;
    }

    /**
     * The department whose figures a department admin sees: the own one. Asking for another is refused as not
     * found and audited.
     */
    public String departmentOf(UUID me, @Nullable String asked) {
        var own = departments.departmentOf(me).orElseThrow(InsightNotFoundException::new);
        if (asked != null && !asked.isBlank() && !asked.equals(own)) {
            audit.recordNow(
                    AuditRecord.denied(InsightAudit.INSIGHT_ACCESS_DENIED, me.toString(), asked, Map.of("own", own)));
            throw new InsightNotFoundException();
        }
        return own;
    }

    @Transactional(readOnly = true)
    public Figures figures(@Nullable String department, int days, Locale locale) {
        var to = today();
        var from = to.minusDays(period(days) - 1L);
        var names = departmentNames(locale);
        var items = itemNames(locale);
        var total = row(queries.total(from, to, department), "");
        var rect = queries.rectification(from, to, department);
        var lic = queries.licences(from, to, department);
        var docs = documents.completion(from, to).stream()
                .filter(c -> department == null || c.department().equals(department))
                .toList();
        return new Figures(
                from,
                to,
                department,
                department == null ? null : names.getOrDefault(department, department),
                total,
                queries.sums("item_code", from, to, department, 15).stream()
                        .map(s -> row(s, items.getOrDefault(s.key(), s.key())))
                        .toList(),
                department != null
                        ? List.of()
                        : queries.sums("department_code", from, to, null, 30).stream()
                                .map(s -> row(s, names.getOrDefault(s.key(), s.key())))
                                .toList(),
                queries.sums("channel", from, to, department, 10).stream()
                        .map(s -> row(s, channel(s.key(), locale)))
                        .toList(),
                days(queries.sums("day::text", from, to, department, 400), from, to),
                queries.openOverdue(to, department),
                queries.ratings(from, to, department).stream()
                        .map(k -> new Figures.Count(k.key(), level(k.key(), locale), k.count()))
                        .toList(),
                rect[0],
                rect[1],
                lic[0],
                lic[1],
                docs.stream().mapToLong(DocumentFigures.Completion::delivered).sum(),
                docs.stream().mapToLong(DocumentFigures.Completion::done).sum(),
                queries.activeUsers(from, to, department).stream()
                        .map(k -> new Figures.Count(k.key(), channel(k.key(), locale), k.count()))
                        .toList());
    }

    /** The cases or licences behind a figure, in words; at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Line> drill(Drill drill, Locale locale, int limit) {
        var names = departmentNames(locale);
        var items = itemNames(locale);
        return drills.find(drill, today(), Math.min(limit, EXPORT_LIMIT)).stream()
                .map(f -> new Line(
                        f.id(),
                        f.item() == null ? "" : items.getOrDefault(f.item(), f.item()),
                        names.getOrDefault(f.department(), f.department()),
                        f.channel() == null ? "" : channel(f.channel(), locale),
                        f.day(),
                        f.due(),
                        state(f, locale),
                        f.level() == null ? "" : level(f.level().toString(), locale)))
                .toList();
    }

    /** Records a CSV export of figures or of the cases behind one. */
    public void exported(UUID me, String what, int rows) {
        audit.recordNow(AuditRecord.success(
                InsightAudit.INSIGHT_EXPORTED, me.toString(), what, Map.of("rows", Integer.toString(rows))));
    }

    public String text(String key, Locale locale) {
        var text = messages.getMessage(key, null, key, locale);
        return text == null ? key : text;
    }

    private String channel(String code, Locale locale) {
        return text("insight.channel." + code, locale);
    }

    private String level(String level, Locale locale) {
        return text("insight.level." + level, locale);
    }

    private String state(DrillQueries.Found f, Locale locale) {
        if (f.outcome() == null)
            return text(f.level() == null && f.item() == null ? "insight.state.issued" : "insight.state.open", locale);
        var word = text("insight.outcome." + f.outcome(), locale);
        return f.late() ? word + " · " + text("insight.state.late", locale) : word;
    }

    /** Each day's sums in date order; up to 90 days with the days without cases as zeros, so a line is a line. */
    private static List<Figures.Row> days(List<InsightQueries.Sum> sums, LocalDate from, LocalDate to) {
        var byDay = new java.util.TreeMap<String, Figures.Row>();
        for (var s : sums) byDay.put(s.key(), row(s, s.key()));
        if (!from.isBefore(to.minusDays(90))) {
            for (var d = from; !d.isAfter(to); d = d.plusDays(1)) {
                byDay.putIfAbsent(d.toString(), new Figures.Row(d.toString(), d.toString(), 0, 0, 0, 0, 0, 0));
            }
        }
        return List.copyOf(byDay.values());
    }

    private static Figures.Row row(InsightQueries.Sum s, String name) {
        return new Figures.Row(
                s.key(), name, s.submitted(), s.zeroVisit(), s.concluded(), s.onTime(), s.late(), s.days());
    }

    Map<String, String> departmentNames(Locale locale) {
        var map = new HashMap<String, String>();
        for (DepartmentView d : departments.departments()) {
            map.put(d.code(), Bilingual.pick(locale, d.nameZh(), d.nameEn()));
        }
        return map;
    }

    Map<String, String> itemNames(Locale locale) {
        var map = new HashMap<String, String>();
        jdbc.sql("select item_code, name_zh, name_en from insight.item_name")
                .query((rs, i) -> map.put(rs.getString(1), Bilingual.pick(locale, rs.getString(2), rs.getString(3))))
                .list();
        return map;
    }
}
