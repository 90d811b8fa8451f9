package org.tongban.insight.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseFacts;
import org.tongban.cases.CaseFigures;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemView;
import org.tongban.shared.WorkingDayCalendar;

/**
 * Keeps {@code insight.case_fact} and its sums in {@code insight.case_day}. Each refresh takes an advisory lock on
 * the case number, reads the case as it stands now from the cases module, and writes the difference to the row it
 * had: an event delivered twice, late or out of order changes nothing that a single delivery did not.
 */
@Component
public class CaseFactStore {

    private final JdbcClient jdbc;
    private final CaseFigures cases;
    private final CatalogManagement catalog;
    private final WorkingDayCalendar calendar;
    private final Clock clock;

    CaseFactStore(
            JdbcClient jdbc, CaseFigures cases, CatalogManagement catalog, WorkingDayCalendar calendar, Clock clock) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.catalog = catalog;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** Brings the case's row up to date with the cases module. */
    @Transactional
    public void refresh(String number) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(:n))")
                .param("n", number)
                .query((rs, i) -> 1)
                .list();
        cases.facts(number).ifPresent(this::write);
    }

    /** Writes the facts of a case read just now (the caller holds the lock or is the only writer). */
    @Transactional
    public void write(CaseFacts facts) {
        var item = catalog.version(facts.itemCode(), facts.itemVersion());
        var fact = CaseFact.of(facts, item.map(ItemView::zeroVisit).orElse(false), clock.getZone(), calendar);
        var old = find(facts.number());
        if (old.isPresent() && old.get().equals(fact)) return;
        old.ifPresent(o -> add(o, -1));
        add(fact, 1);
        upsert(fact);
        item.ifPresent(this::name);
        jdbc.sql("""
                        insert into insight.active_user (day, channel, department_code, applicant_id)
                        values (:d, :c, :dep, :a) on conflict do nothing""")
                .param("d", fact.submittedDay())
                .param("c", fact.channel())
                .param("dep", fact.departmentCode())
                .param("a", fact.applicant())
                .update();
    }

    Optional<CaseFact> find(String number) {
        return jdbc.sql("select * from insight.case_fact where number = :n")
                .param("n", number)
                .query(CaseFactStore::row)
                .optional();
    }

    private void add(CaseFact fact, int sign) {
        if (fact.concludedAt() == null && fact.dueDate() != null) {
            jdbc.sql("""
                            insert into insight.open_due (due_date, department_code, open) values (:due, :dep, :n)
                            on conflict (due_date, department_code) do update set open = open_due.open + excluded.open""")
                    .param("due", fact.dueDate())
                    .param("dep", fact.departmentCode())
                    .param("n", sign)
                    .update();
        }
        var s = fact.sums();
        jdbc.sql("""
                        insert into insight.case_day (day, department_code, item_code, channel, submitted, zero_visit,
                                                      concluded, on_time, late, handling_days)
                        values (:day, :dep, :item, :ch, :a, :b, :c, :d, :e, :f)
                        on conflict (day, department_code, item_code, channel) do update set
                            submitted = case_day.submitted + excluded.submitted,
                            zero_visit = case_day.zero_visit + excluded.zero_visit,
                            concluded = case_day.concluded + excluded.concluded,
                            on_time = case_day.on_time + excluded.on_time,
                            late = case_day.late + excluded.late,
                            handling_days = case_day.handling_days + excluded.handling_days""")
                .param("day", fact.submittedDay())
                .param("dep", fact.departmentCode())
                .param("item", fact.itemCode())
                .param("ch", fact.channel())
                .param("a", sign * s[0])
                .param("b", sign * s[1])
                .param("c", sign * s[2])
                .param("d", sign * s[3])
                .param("e", sign * s[4])
                .param("f", sign * s[5])
                .update();
    }

    private void upsert(CaseFact f) {
        jdbc.sql("""
                        insert into insight.case_fact (number, item_code, department_code, channel, applicant_id,
                            zero_visit, submitted_at, submitted_day, due_date, concluded_at, outcome, concluded,
                            on_time, late, handling_days)
                        values (:n, :item, :dep, :ch, :a, :zv, :sa, :sd, :due, :ca, :o, :c, :ot, :l, :hd)
                        on conflict (number) do update set item_code = excluded.item_code,
                            department_code = excluded.department_code, channel = excluded.channel,
                            applicant_id = excluded.applicant_id, zero_visit = excluded.zero_visit,
                            submitted_at = excluded.submitted_at, submitted_day = excluded.submitted_day,
                            due_date = excluded.due_date, concluded_at = excluded.concluded_at,
                            outcome = excluded.outcome, concluded = excluded.concluded, on_time = excluded.on_time,
                            late = excluded.late, handling_days = excluded.handling_days""")
                .param("n", f.number())
                .param("item", f.itemCode())
                .param("dep", f.departmentCode())
                .param("ch", f.channel())
                .param("a", f.applicant())
                .param("zv", f.zeroVisit())
                .param("sa", Timestamp.from(f.submittedAt()))
                .param("sd", f.submittedDay())
                .param("due", f.dueDate())
                .param("ca", f.concludedAt() == null ? null : Timestamp.from(f.concludedAt()))
                .param("o", f.outcome())
                .param("c", f.concluded())
                .param("ot", f.onTime())
                .param("l", f.late())
                .param("hd", f.handlingDays())
                .update();
    }

    private void name(ItemView item) {
        jdbc.sql("""
                        insert into insight.item_name (item_code, name_zh, name_en) values (:c, :zh, :en)
                        on conflict (item_code) do update set name_zh = excluded.name_zh, name_en = excluded.name_en
                        where item_name.name_zh <> excluded.name_zh or item_name.name_en <> excluded.name_en""")
                .param("c", item.code())
                .param("zh", item.nameZh())
                .param("en", item.nameEn())
                .update();
    }

    static CaseFact row(ResultSet rs, int i) throws SQLException {
        var concluded = rs.getTimestamp("concluded_at");
        return new CaseFact(
                rs.getString("number"),
                rs.getString("item_code"),
                rs.getString("department_code"),
                rs.getString("channel"),
                rs.getObject("applicant_id", UUID.class),
                rs.getBoolean("zero_visit"),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getObject("submitted_day", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                concluded == null ? null : concluded.toInstant(),
                rs.getString("outcome"),
                rs.getBoolean("concluded"),
                rs.getBoolean("on_time"),
                rs.getBoolean("late"),
                rs.getInt("handling_days"));
    }
}
