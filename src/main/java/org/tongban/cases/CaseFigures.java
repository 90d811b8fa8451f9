package org.tongban.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts of cases for read models kept elsewhere (the insight module's dashboards, ADR 0044): one case by its
 * number, as its events announce it, and all cases in number order for a first fill.
 */
@Service
public class CaseFigures {

    private static final String COLUMNS = """
            select number, item_code, item_version, department_code,
                   case when enterprise_code is null then 'PERSON' else 'ENTERPRISE' end as channel,
                   applicant_id, status, submitted_at, due_date, concluded_at, outcome
              from cases.case_file""";

    private final JdbcClient jdbc;

    CaseFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case as it stands now. */
    @Transactional(readOnly = true)
    public Optional<CaseFacts> facts(String number) {
        return jdbc.sql(COLUMNS + " where number = :n")
                .param("n", number)
                .query(CaseFigures::row)
                .optional();
    }

    /** Up to {@code limit} cases after this number (or from the first when empty), in number order. */
    @Transactional(readOnly = true)
    public List<CaseFacts> after(String number, int limit) {
        return jdbc.sql(COLUMNS + " where number > :n order by number limit :l")
                .param("n", number)
                .param("l", limit)
                .query(CaseFigures::row)
                .list();
    }

    private static CaseFacts row(ResultSet rs, int i) throws SQLException {
        var due = rs.getObject("due_date", LocalDate.class);
        var concluded = rs.getTimestamp("concluded_at");
        return new CaseFacts(
                rs.getString("number"),
                rs.getString("item_code"),
                rs.getInt("item_version"),
                rs.getString("department_code"),
                rs.getString("channel"),
                rs.getObject("applicant_id", UUID.class),
                rs.getString("status"),
                rs.getTimestamp("submitted_at").toInstant(),
                due,
                concluded == null ? null : concluded.toInstant(),
                rs.getString("outcome"));
    }
}
