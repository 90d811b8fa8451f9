package org.tongban.appeals.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code appeals} schema: requests and what happened to them. */
@Component
public class AppealStore {

    public record Row(
            UUID id,
            String number,
            String kind,
            String category,
            String regionCode,
            String title,
            String body,
            UUID requester,
            @Nullable String creditCode,
            @Nullable String enterpriseName,
            String departmentCode,
            String status,
            Instant submittedAt,
            LocalDate routedAt,
            LocalDate deadline,
            @Nullable String reply,
            @Nullable Instant repliedAt,
            @Nullable String rating,
            boolean reopened) {}

    public record Event(
            String kind, String departmentCode, @Nullable String note, Instant at) {}

    private final JdbcClient jdbc;

    AppealStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String nextNumber(LocalDate today) {
        long n = jdbc.sql("select nextval('appeals.request_number')")
                .query(Long.class)
                .single();
        return "SQ" + today.getYear() + String.format("%06d", n);
    }

    void insert(Row r) {
        jdbc.sql("""
                insert into appeals.request (id, number, kind, category, region_code, title, body, requester,
                       credit_code, enterprise_name, department_code, status, submitted_at, routed_at, deadline)
                values (:id, :number, :kind, :category, :region, :title, :body, :requester, :cc, :ename, :dep,
                       'SUBMITTED', :at, :routed, :deadline)""")
                .param("id", r.id())
                .param("number", r.number())
                .param("kind", r.kind())
                .param("category", r.category())
                .param("region", r.regionCode())
                .param("title", r.title())
                .param("body", r.body())
                .param("requester", r.requester())
                .param("cc", r.creditCode())
                .param("ename", r.enterpriseName())
                .param("dep", r.departmentCode())
                .param("at", Timestamp.from(r.submittedAt()))
                .param("routed", Date.valueOf(r.routedAt()))
                .param("deadline", Date.valueOf(r.deadline()))
                .update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("select * from appeals.request where id = :id")
                .param("id", id)
                .query(AppealStore::row)
                .optional();
    }

    /** Locks the request's row for the rest of the transaction, so that two steps on it run one after the other. */
    void lock(UUID id) {
        jdbc.sql("select id from appeals.request where id = :id for update")
                .param("id", id)
                .query()
                .listOfRows();
    }

    /** The requester's own requests in one channel: for the enterprise of this code, or as a person (null). */
    List<Row> ofRequester(UUID requester, @Nullable String creditCode) {
        return jdbc.sql("""
                select * from appeals.request where requester = :r
                   and credit_code is not distinct from :cc order by submitted_at desc limit 200""")
                .param("r", requester)
                .param("cc", creditCode)
                .query(AppealStore::row)
                .list();
    }

    List<Row> ofDepartment(String department, boolean open) {
        return jdbc.sql("""
                select * from appeals.request where department_code = :d
                   and (status in ('SUBMITTED', 'ACCEPTED')) = :open order by deadline, submitted_at limit 200""")
                .param("d", department)
                .param("open", open)
                .query(AppealStore::row)
                .list();
    }

    void update(UUID id, String sql, java.util.Map<String, ?> params) {
        var spec = jdbc.sql("update appeals.request set " + sql + ", version = version + 1 where id = :id")
                .param("id", id);
        for (var e : params.entrySet()) spec = spec.param(e.getKey(), e.getValue());
        spec.update();
    }

    void event(UUID id, String kind, UUID actor, String department, @Nullable String note) {
        jdbc.sql("""
                insert into appeals.request_event (request_id, kind, actor, department_code, note, at)
                values (:id, :kind, :actor, :dep, :note, now())""")
                .param("id", id)
                .param("kind", kind)
                .param("actor", actor)
                .param("dep", department)
                .param("note", note)
                .update();
    }

    List<Event> events(UUID id) {
        return jdbc.sql(
                        "select kind, department_code, note, at from appeals.request_event where request_id = :id order by id")
                .param("id", id)
                .query((rs, i) -> new Event(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    static Row row(ResultSet rs, int i) throws SQLException {
        var replied = rs.getTimestamp("replied_at");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getString("number"),
                rs.getString("kind"),
                rs.getString("category"),
                rs.getString("region_code"),
                rs.getString("title"),
                rs.getString("body"),
                rs.getObject("requester", UUID.class),
                rs.getString("credit_code"),
                rs.getString("enterprise_name"),
                rs.getString("department_code"),
                rs.getString("status"),
                rs.getTimestamp("submitted_at").toInstant(),
                rs.getDate("routed_at").toLocalDate(),
                rs.getDate("deadline").toLocalDate(),
                rs.getString("reply"),
                replied == null ? null : replied.toInstant(),
                rs.getString("rating"),
                rs.getBoolean("reopened"));
    }
}
