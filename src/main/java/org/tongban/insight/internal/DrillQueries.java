package org.tongban.insight.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The cases (or licences) behind a figure, newest first, from the read models. */
@Component
class DrillQueries {

    /** One case or licence behind a figure, before names are given. */
    record Found(
            String id,
            @Nullable String item,
            String department,
            @Nullable String channel,
            LocalDate day,
            @Nullable LocalDate due,
            @Nullable String outcome,
            boolean late,
            @Nullable Integer level) {}

    private final JdbcClient jdbc;

    DrillQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Found> find(Drill d, LocalDate today, int limit) {
        var where = new ArrayList<String>();
        var params = new TreeMap<String, Object>();
        String sql;
        if (d.ofLicences()) {
            sql = """
                    select identifier, null, department_code, null, issued_day, null, null, false, null
                      from insight.licence_fact l where %s order by issued_day desc, identifier limit :limit""";
            range(where, params, "l.issued_day", d);
            department(where, params, "l.department_code", d);
        } else if (d.ofRatings()) {
            sql = """
                    select c.number, c.item_code, c.department_code, c.channel, r.rated_day, c.due_date, c.outcome,
                           c.late, r.level
                      from insight.rating_fact r join insight.case_fact c on c.number = r.case_number
                     where %s order by r.rated_day desc, c.number limit :limit""";
            range(where, params, "r.rated_day", d);
            department(where, params, "r.department_code", d);
            if (d.figure().equals("bad")) where.add("r.level <= 2");
            if (d.figure().equals("rectified")) where.add("r.rectified");
            if (d.level() != null) {
                where.add("r.level = :level");
                params.put("level", d.level());
            }
            caseFilters(where, params, d);
        } else {
            sql = """
                    select c.number, c.item_code, c.department_code, c.channel, c.submitted_day, c.due_date,
                           c.outcome, c.late, null
                      from insight.case_fact c where %s order by c.submitted_day desc, c.number limit :limit""";
            if (d.figure().equals("openOverdue")) {
                where.add("c.concluded_at is null and c.due_date < :today");
                params.put("today", today);
            } else {
                range(where, params, "c.submitted_day", d);
            }
            department(where, params, "c.department_code", d);
            switch (d.figure()) {
                case "zeroVisit" -> where.add("c.zero_visit");
                case "concluded" -> where.add("c.concluded");
                case "onTime" -> where.add("c.on_time");
                case "late" -> where.add("c.late");
                default -> {}
            }
            caseFilters(where, params, d);
        }
        if (where.isEmpty()) where.add("true");
        var spec = jdbc.sql(sql.formatted(String.join(" and ", where))).param("limit", limit);
        for (Map.Entry<String, Object> e : params.entrySet()) spec = spec.param(e.getKey(), e.getValue());
        return spec.query((rs, i) -> new Found(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class),
                        rs.getString(7),
                        rs.getBoolean(8),
                        (Integer) rs.getObject(9)))
                .list();
    }

    private static void range(List<String> where, Map<String, Object> params, String column, Drill d) {
        if (d.day() != null) {
            where.add(column + " = :day");
            params.put("day", d.day());
        } else {
            where.add(column + " between :from and :to");
            params.put("from", d.from());
            params.put("to", d.to());
        }
    }

    private static void department(List<String> where, Map<String, Object> params, String column, Drill d) {
        if (d.department() == null) return;
        where.add(column + " = :dep");
        params.put("dep", d.department());
    }

    private static void caseFilters(List<String> where, Map<String, Object> params, Drill d) {
        if (d.item() != null) {
            where.add("c.item_code = :item");
            params.put("item", d.item());
        }
        if (d.channel() != null) {
            where.add("c.channel = :channel");
            params.put("channel", d.channel());
        }
    }
}
