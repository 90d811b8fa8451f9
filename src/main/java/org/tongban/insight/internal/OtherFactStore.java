package org.tongban.insight.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the ratings' and licences' read models. Each fact is inserted once by its key (the rated case's number,
 * the licence's identifier, the show event's id) and its day's sum moves only with the row actually inserted or
 * changed, so a redelivered event changes nothing.
 */
@Component
class OtherFactStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    OtherFactStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, clock.getZone());
    }

    @Transactional
    void rated(String caseNumber, String department, String item, int level, Instant at) {
        var inserted = jdbc.sql("""
                        insert into insight.rating_fact (case_number, department_code, item_code, level, rated_day)
                        values (:n, :dep, :item, :level, :day) on conflict do nothing""")
                .param("n", caseNumber)
                .param("dep", department)
                .param("item", item)
                .param("level", level)
                .param("day", day(at))
                .update();
        if (inserted == 0) return;
        jdbc.sql("""
                        insert into insight.rating_day (day, department_code, level, rated) values (:day, :dep, :level, 1)
                        on conflict (day, department_code, level) do update set rated = rating_day.rated + 1""")
                .param("day", day(at))
                .param("dep", department)
                .param("level", level)
                .update();
    }

    @Transactional
    void rectified(String caseNumber) {
        jdbc.sql("""
                        update insight.rating_fact set rectified = true where case_number = :n and not rectified
                        returning rated_day, department_code, level""")
                .param("n", caseNumber)
                .query((rs, i) -> {
                    jdbc.sql("""
                                    update insight.rating_day set rectified = rectified + 1
                                     where day = :day and department_code = :dep and level = :level""")
                            .param("day", rs.getObject(1, LocalDate.class))
                            .param("dep", rs.getString(2))
                            .param("level", rs.getInt(3))
                            .update();
                    return 1;
                })
                .list();
    }

    @Transactional
    void issued(String identifier, String type, String department, Instant at) {
        var inserted = jdbc.sql("""
                        insert into insight.licence_fact (identifier, type, department_code, issued_day)
                        values (:id, :type, :dep, :day) on conflict do nothing""")
                .param("id", identifier)
                .param("type", type)
                .param("dep", department)
                .param("day", day(at))
                .update();
        if (inserted > 0) licenceDay(department, day(at), 1, 0);
    }

    @Transactional
    void shown(UUID id, String identifier, String department, Instant at) {
        var inserted = jdbc.sql("""
                        insert into insight.licence_show (id, identifier, department_code, shown_day)
                        values (:id, :lic, :dep, :day) on conflict do nothing""")
                .param("id", id)
                .param("lic", identifier)
                .param("dep", department)
                .param("day", day(at))
                .update();
        if (inserted > 0) licenceDay(department, day(at), 0, 1);
    }

    private void licenceDay(String department, LocalDate day, int issued, int shown) {
        jdbc.sql("""
                        insert into insight.licence_day (day, department_code, issued, shown) values (:day, :dep, :i, :s)
                        on conflict (day, department_code) do update set issued = licence_day.issued + excluded.issued,
                            shown = licence_day.shown + excluded.shown""")
                .param("day", day)
                .param("dep", department)
                .param("i", issued)
                .param("s", shown)
                .update();
    }
}
