package org.tongban.documents.internal;

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
import org.tongban.documents.DocumentRefusedException;
import org.tongban.documents.DocumentType;

/** Stores the receipts of dispatched documents (收文) and their steps. */
@Component
public class Incoming {

    private static final String SELECT = """
            select r.id, r.document_id, r.department, r.kind, r.status, r.registration_no, r.proposal,
                   r.instruction, r.handling, r.delivered_at, r.done_at, r.urged_at, d.doc_type, d.title, d.number,
                   d.department as issuer, r.version
              from documents.receipt r join documents.document d on d.id = r.document_id""";

    private final JdbcClient jdbc;

    Incoming(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void deliver(UUID document, String department, String kind, Instant at) {
        jdbc.sql("""
                        insert into documents.receipt (id, document_id, department, kind, status, delivered_at, version)
                        values (:id, :doc, :dep, :kind, 'DELIVERED', :at, 0) on conflict do nothing""")
                .param("id", UUID.randomUUID())
                .param("doc", document)
                .param("dep", department)
                .param("kind", kind)
                .param("at", Timestamp.from(at))
                .update();
    }

    /** The receipt, row-locked, when it is this department's. */
    Optional<ReceiptView> lock(UUID id, String department) {
        return jdbc.sql(SELECT + " where r.id = :id and r.department = :dep for update of r")
                .param("id", id)
                .param("dep", department)
                .query(this::map)
                .optional();
    }

    Optional<ReceiptView> find(UUID id, String department) {
        return jdbc.sql(SELECT + " where r.id = :id and r.department = :dep")
                .param("id", id)
                .param("dep", department)
                .query(this::map)
                .optional();
    }

    Optional<ReceiptView> ofDocument(UUID document, String department) {
        return jdbc.sql(SELECT + " where r.document_id = :doc and r.department = :dep")
                .param("doc", document)
                .param("dep", department)
                .query(this::map)
                .optional();
    }

    List<ReceiptView> ofDocument(UUID document) {
        return jdbc.sql(SELECT + " where r.document_id = :doc order by r.kind desc, r.department")
                .param("doc", document)
                .query(this::mapWithoutSteps)
                .list();
    }

    List<ReceiptView> incoming(String department, @Nullable ReceiptStatus status, int limit) {
        return jdbc.sql(SELECT + " " + """
                         where r.department = :dep and (cast(:s as text) is null or r.status = :s)
                         order by r.delivered_at desc limit :limit""")
                .param("dep", department)
                .param("s", status == null ? null : status.name())
                .param("limit", limit)
                .query(this::mapWithoutSteps)
                .list();
    }

    /** The next 收文 register number of the department for a year, in the signing-for transaction. */
    String registrationNumber(String department, int year) {
        int n = jdbc.sql("""
                        insert into documents.receipt_counter (department, year, last_value) values (:d, :y, 1)
                        on conflict (department, year)
                        do update set last_value = documents.receipt_counter.last_value + 1 returning last_value""")
                .param("d", department)
                .param("y", year)
                .query(Integer.class)
                .single();
        return "收〔" + year + "〕" + n + "号";
    }

    void move(
            UUID id,
            ReceiptStatus from,
            ReceiptStatus to,
            @Nullable String column,
            @Nullable String value,
            Instant at) {
        var set = column == null ? "" : ", " + column + " = :value";
        var extra = to == ReceiptStatus.SIGNED_FOR
                ? ", signed_for_at = :at"
                : to == ReceiptStatus.DONE ? ", done_at = :at" : "";
        int n = jdbc.sql("update documents.receipt set status = :to, version = version + 1" + set + extra
                        + " where id = :id and status = :from")
                .param("id", id)
                .param("from", from.name())
                .param("to", to.name())
                .param("value", value)
                .param("at", Timestamp.from(at))
                .update();
        if (n != 1) throw DocumentRefusedException.conflict("documents.error.wrongState");
    }

    void urged(UUID id, Instant at) {
        jdbc.sql("update documents.receipt set urged_at = :at where id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    void step(UUID receipt, String step, UUID actor, String actorName, @Nullable String opinion, Instant at) {
        jdbc.sql("""
                        insert into documents.receipt_step (receipt_id, seq, step, actor, actor_name, opinion, at)
                        values (:id, (select coalesce(max(seq), 0) + 1 from documents.receipt_step where receipt_id = :id),
                          :step, :actor, :name, :opinion, :at)""")
                .param("id", receipt)
                .param("step", step)
                .param("actor", actor)
                .param("name", actorName)
                .param("opinion", opinion)
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * 办结率: of the documents delivered to each department in the period, how many are concluded; department code to
     * {delivered, done}.
     */
    List<Rate> completion(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select department, count(*), count(*) filter (where status = 'DONE')
                          from documents.receipt
                         where delivered_at >= cast(:from as date) and delivered_at < cast(:to as date) + 1
                         group by department order by department""")
                .param("from", from)
                .param("to", to)
                .query((rs, i) -> new Rate(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** Delivered and concluded receipts of one department in a period. */
    public record Rate(String department, long delivered, long done) {
        public int percent() {
            return delivered == 0 ? 0 : (int) Math.round(100.0 * done / delivered);
        }
    }

    private ReceiptView map(ResultSet rs, int i) throws SQLException {
        var id = rs.getObject(1, UUID.class);
        return view(rs, steps(id));
    }

    private ReceiptView mapWithoutSteps(ResultSet rs, int i) throws SQLException {
        return view(rs, List.of());
    }

    private List<DocumentStore.StepView> steps(UUID receipt) {
        return jdbc.sql("""
                        select step, '' as department, actor_name, opinion, at from documents.receipt_step
                         where receipt_id = :id order by seq""")
                .param("id", receipt)
                .query((rs, i) -> new DocumentStore.StepView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    private static ReceiptView view(ResultSet rs, List<DocumentStore.StepView> steps) throws SQLException {
        var done = rs.getTimestamp(11);
        var urged = rs.getTimestamp(12);
        return new ReceiptView(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                ReceiptStatus.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                rs.getTimestamp(10).toInstant(),
                done == null ? null : done.toInstant(),
                urged == null ? null : urged.toInstant(),
                DocumentType.valueOf(rs.getString(13)),
                rs.getString(14),
                rs.getString(15),
                rs.getString(16),
                steps);
    }
}
