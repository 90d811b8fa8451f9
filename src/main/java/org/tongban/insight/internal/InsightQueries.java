package org.tongban.insight.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The dashboards' reads: sums over the day tables in a period, optionally of one department. */
@Component
class InsightQueries {

    /** Sums of case_day by a key, before names are given. */
    record Sum(String key, long submitted, long zeroVisit, long concluded, long onTime, long late, long days) {}

    record KeyCount(String key, long count) {}

    private static final String SUMS = """
            select %s as key, sum(submitted), sum(zero_visit), sum(concluded), sum(on_time), sum(late),
                   sum(handling_days)
              from insight.case_day
             where day between :from and :to and (cast(:dep as text) is null or department_code = :dep)
             group by 1 order by 2 desc, 1 limit :limit""";

    private final JdbcClient jdbc;

    InsightQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Sum> sums(String key, LocalDate from, LocalDate to, @Nullable String department, int limit) {
        return jdbc.sql(SUMS.formatted(key))
                .param("from", from)
                .param("to", to)
                .param("dep", department)
                .param("limit", limit)
                .query((rs, i) -> new Sum(
                        rs.getString(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .list();
    }

    Sum total(LocalDate from, LocalDate to, @Nullable String department) {
        var rows = sums("'all'", from, to, department, 1);
        return rows.isEmpty() ? new Sum("all", 0, 0, 0, 0, 0, 0) : rows.getFirst();
    }

    long openOverdue(LocalDate today, @Nullable String department) {
        return jdbc.sql("""
                        select coalesce(sum(open), 0) from insight.open_due
                         where due_date < :today and (cast(:dep as text) is null or department_code = :dep)""")
                .param("today", today)
                .param("dep", department)
                .query(Long.class)
                .single();
    }

    List<KeyCount> ratings(LocalDate from, LocalDate to, @Nullable String department) {
        return jdbc.sql("""
                        select level::text, sum(rated) from insight.rating_day
                         where day between :from and :to and (cast(:dep as text) is null or department_code = :dep)
                         group by level order by level""")
                .param("from", from)
                .param("to", to)
                .param("dep", department)
                .query((rs, i) -> new KeyCount(rs.getString(1), rs.getLong(2)))
                .list();
    }

    long[] rectification(LocalDate from, LocalDate to, @Nullable String department) {
        return jdbc.sql("""
                        select coalesce(sum(rated) filter (where level <= 2), 0), coalesce(sum(rectified), 0)
                          from insight.rating_day
                         where day between :from and :to and (cast(:dep as text) is null or department_code = :dep)""")
                .param("from", from)
                .param("to", to)
                .param("dep", department)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    long[] licences(LocalDate from, LocalDate to, @Nullable String department) {
        return jdbc.sql("""
                        select coalesce(sum(issued), 0), coalesce(sum(shown), 0) from insight.licence_day
                         where day between :from and :to and (cast(:dep as text) is null or department_code = :dep)""")
                .param("from", from)
                .param("to", to)
                .param("dep", department)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
    }

    List<KeyCount> activeUsers(LocalDate from, LocalDate to, @Nullable String department) {
        return jdbc.sql("""
                        select channel, count(distinct applicant_id) from insight.active_user
                         where day between :from and :to and (cast(:dep as text) is null or department_code = :dep)
                         group by channel order by channel""")
                .param("from", from)
                .param("to", to)
                .param("dep", department)
                .query((rs, i) -> new KeyCount(rs.getString(1), rs.getLong(2)))
                .list();
    }
}
