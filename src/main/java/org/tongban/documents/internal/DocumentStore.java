package org.tongban.documents.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.documents.DocumentRefusedException;
import org.tongban.documents.DocumentType;

/** Stores outgoing documents, their steps and countersignatures. */
@Component
public class DocumentStore {

    private static final String COLUMNS = """
            d.id, d.department, d.drafter, d.doc_type, d.status, d.copy_number, d.classification, d.secrecy_period,
            d.urgency, d.issuer_mark, d.title, d.main_recipients, d.body, d.attachment_note, d.issuer_signature,
            d.written_on, d.seal_kind, d.notes, d.attachments, d.cc_recipients, d.printed_by, d.printed_on,
            d.countersigners, d.checker, d.signer, d.signer_name, d.signed_at, d.number, d.number_year,
            d.number_seq, d.created_at, d.version,
            array(select c.department from documents.countersignature c where c.document_id = d.id) as countersigned
            """;

    private final JdbcClient jdbc;

    DocumentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(OfficialDocument d, Instant now) {
        withContent(
                        jdbc.sql("""
                        insert into documents.document (id, department, drafter, doc_type, status, copy_number,
                          classification, secrecy_period, urgency, issuer_mark, title, main_recipients, body,
                          attachment_note, issuer_signature, written_on, seal_kind, notes, attachments, cc_recipients,
                          printed_by, countersigners, created_at, updated_at, version)
                        values (:id, :department, :drafter, :type, :status, :copy, :cls, :period, :urgency, :mark,
                          :title, :main, :body, :note, :signature, :written, :seal, :notes, :attachments, :cc,
                          :printedBy, :countersigners, :now, :now, 0)""")
                                .param("id", d.id())
                                .param("department", d.department())
                                .param("drafter", d.drafter()),
                        d)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Writes the document back; refused when another transaction changed it since it was read. */
    void update(OfficialDocument d, Instant now) {
        int n = withContent(jdbc.sql("""
                        update documents.document set doc_type = :type, status = :status, copy_number = :copy,
                          classification = :cls, secrecy_period = :period, urgency = :urgency, issuer_mark = :mark,
                          title = :title, main_recipients = :main, body = :body, attachment_note = :note,
                          issuer_signature = :signature, written_on = :written, seal_kind = :seal, notes = :notes,
                          attachments = :attachments, cc_recipients = :cc, printed_by = :printedBy,
                          countersigners = :countersigners, checker = :checker, signer = :signer,
                          signer_name = :signerName, signed_at = :signedAt, number = :number,
                          number_year = :year, number_seq = :seq, printed_on = :printedOn,
                          updated_at = :now, version = version + 1
                         where id = :id and version = :version""").param("id", d.id()).param("version", d.version()), d)
                .param("checker", d.checker())
                .param("signer", d.signer())
                .param("signerName", d.signerName())
                .param("signedAt", d.signedAt() == null ? null : Timestamp.from(d.signedAt()))
                .param("number", d.number())
                .param("year", d.numberYear())
                .param("seq", d.numberSeq())
                .param("printedOn", d.printedOn())
                .param("now", Timestamp.from(now))
                .update();
        if (n != 1) throw DocumentRefusedException.conflict("documents.error.concurrent");
    }

    /** Binds the document's status and its GB/T 9704 elements, which an insert and an update write alike. */
    private static JdbcClient.StatementSpec withContent(JdbcClient.StatementSpec sql, OfficialDocument d) {
        var c = d.content();
        return sql.param("type", c.type().name())
                .param("status", d.status().name())
                .param("copy", c.copyNumber())
                .param(
                        "cls",
                        c.classification() == null ? null : c.classification().name())
                .param("period", c.secrecyPeriod())
                .param("urgency", c.urgency() == null ? null : c.urgency().name())
                .param("mark", c.issuerMark())
                .param("title", c.title())
                .param("main", c.mainRecipients().toArray(String[]::new))
                .param("body", c.body())
                .param("note", c.attachmentNote())
                .param("signature", c.issuerSignature())
                .param("written", c.writtenOn())
                .param("seal", c.sealKind().name())
                .param("notes", c.notes())
                .param("attachments", c.attachments())
                .param("cc", c.ccRecipients().toArray(String[]::new))
                .param("printedBy", c.printedBy())
                .param("countersigners", c.countersigners().toArray(String[]::new));
    }

    /** The document, row-locked until the transaction ends, so two steps on one document queue. */
    Optional<OfficialDocument> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from documents.document d where d.id = :id for update of d")
                .param("id", id)
                .query(DocumentStore::map)
                .optional();
    }

    Optional<OfficialDocument> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from documents.document d where d.id = :id")
                .param("id", id)
                .query(DocumentStore::map)
                .optional();
    }

    void countersignature(UUID document, String department, UUID actor, String opinion, Instant at) {
        jdbc.sql("""
                        insert into documents.countersignature (document_id, department, actor, opinion, at)
                        values (:id, :department, :actor, :opinion, :at)""")
                .param("id", document)
                .param("department", department)
                .param("actor", actor)
                .param("opinion", opinion)
                .param("at", Timestamp.from(at))
                .update();
    }

    void clearCountersignatures(UUID document) {
        jdbc.sql("delete from documents.countersignature where document_id = :id")
                .param("id", document)
                .update();
    }

    void step(
            UUID document,
            String step,
            String department,
            UUID actor,
            String actorName,
            @Nullable String opinion,
            Instant at) {
        jdbc.sql("""
                        insert into documents.step (document_id, seq, step, department, actor, actor_name, opinion, at)
                        values (:id, (select coalesce(max(seq), 0) + 1 from documents.step where document_id = :id),
                          :step, :department, :actor, :name, :opinion, :at)""")
                .param("id", document)
                .param("step", step)
                .param("department", department)
                .param("actor", actor)
                .param("name", actorName)
                .param("opinion", opinion)
                .param("at", Timestamp.from(at))
                .update();
    }

    List<StepView> steps(UUID document) {
        return jdbc.sql("""
                        select step, department, actor_name, opinion, at from documents.step
                         where document_id = :id order by seq""")
                .param("id", document)
                .query((rs, i) -> new StepView(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .list();
    }

    void sealed(UUID id, byte[] pdf, String sm3, byte[] signature, String keyId, Instant at) {
        jdbc.sql("""
                        update documents.document set pdf = :pdf, pdf_sm3 = :sm3, signature = :sig, key_id = :kid,
                          sealed_at = :at where id = :id""")
                .param("id", id)
                .param("pdf", pdf)
                .param("sm3", sm3)
                .param("sig", signature)
                .param("kid", keyId)
                .param("at", Timestamp.from(at))
                .update();
    }

    void dispatched(UUID id, Instant at) {
        jdbc.sql("update documents.document set dispatched_at = :at where id = :id")
                .param("id", id)
                .param("at", Timestamp.from(at))
                .update();
    }

    Optional<SealedCopy> sealedCopy(UUID id) {
        return jdbc.sql("select pdf, signature, key_id, pdf_sm3, sealed_at from documents.document where id = :id "
                        + "and pdf is not null")
                .param("id", id)
                .query((rs, i) -> new SealedCopy(
                        rs.getBytes(1),
                        rs.getBytes(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional();
    }

    /** The department's documents in a state (or all), newest first. */
    List<DocumentRow> ofDepartment(String department, @Nullable DocumentStatus status, int limit) {
        return jdbc.sql("""
                        select id, doc_type, status, title, number, department, updated_at
                          from documents.document
                         where department = :d and (cast(:s as text) is null or status = :s)
                         order by updated_at desc limit :limit""")
                .param("d", department)
                .param("s", status == null ? null : status.name())
                .param("limit", limit)
                .query(DocumentStore::row)
                .list();
    }

    Map<DocumentStatus, Long> counts(String department) {
        var out = new EnumMap<DocumentStatus, Long>(DocumentStatus.class);
        for (var s : DocumentStatus.values()) out.put(s, 0L);
        jdbc.sql("select status, count(*) from documents.document where department = :d group by status")
                .param("d", department)
                .query((rs, i) -> out.put(DocumentStatus.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return out;
    }

    /** Documents waiting for this department's countersignature. */
    List<DocumentRow> toCountersign(String department, int limit) {
        return jdbc.sql("""
                        select id, doc_type, status, title, number, department, updated_at
                          from documents.document d
                         where status = 'COUNTERSIGN' and :d = any(countersigners)
                           and not exists (select 1 from documents.countersignature c
                                            where c.document_id = d.id and c.department = :d)
                         order by updated_at limit :limit""")
                .param("d", department)
                .param("limit", limit)
                .query(DocumentStore::row)
                .list();
    }

    /**
     * The archive (整理归档): dispatched documents the department issued or received, by number, title, issuing
     * department and date of signing.
     */
    List<DocumentRow> archive(
            String department,
            @Nullable String number,
            @Nullable String title,
            @Nullable String issuer,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            int limit) {
        return jdbc.sql("""
                        select id, doc_type, status, title, number, department, updated_at
                          from documents.document d
                         where status = 'DISPATCHED'
                           and (department = :d or exists (select 1 from documents.receipt r
                                                            where r.document_id = d.id and r.department = :d))
                           and (cast(:number as text) is null or number like '%' || :number || '%')
                           and (cast(:title as text) is null or title like '%' || :title || '%')
                           and (cast(:issuer as text) is null or department = :issuer)
                           and (cast(:from as date) is null or signed_at >= cast(:from as date))
                           and (cast(:to as date) is null or signed_at < cast(:to as date) + 1)
                         order by signed_at desc limit :limit""")
                .param("d", department)
                .param("number", number)
                .param("title", title)
                .param("issuer", issuer)
                .param("from", from)
                .param("to", to)
                .param("limit", limit)
                .query(DocumentStore::row)
                .list();
    }

    private static DocumentRow row(ResultSet rs, int i) throws SQLException {
        return new DocumentRow(
                rs.getObject(1, UUID.class),
                DocumentType.valueOf(rs.getString(2)),
                DocumentStatus.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getString(6),
                rs.getTimestamp(7).toInstant());
    }

    private static OfficialDocument map(ResultSet rs, int i) throws SQLException {
        var draft = new Draft(
                DocumentType.valueOf(rs.getString("doc_type")),
                rs.getString("copy_number"),
                rs.getString("classification") == null
                        ? null
                        : Draft.Classification.valueOf(rs.getString("classification")),
                rs.getString("secrecy_period"),
                rs.getString("urgency") == null ? null : Draft.Urgency.valueOf(rs.getString("urgency")),
                rs.getString("issuer_mark"),
                rs.getString("title"),
                strings(rs.getArray("main_recipients")),
                rs.getString("body"),
                rs.getString("attachment_note"),
                rs.getString("issuer_signature"),
                rs.getObject("written_on", LocalDate.class),
                Draft.SealKind.valueOf(rs.getString("seal_kind")),
                rs.getString("notes"),
                rs.getString("attachments"),
                strings(rs.getArray("cc_recipients")),
                rs.getString("printed_by"),
                strings(rs.getArray("countersigners")));
        var signedAt = rs.getTimestamp("signed_at");
        return new OfficialDocument(
                rs.getObject("id", UUID.class),
                rs.getString("department"),
                rs.getObject("drafter", UUID.class),
                draft,
                DocumentStatus.valueOf(rs.getString("status")),
                rs.getObject("checker", UUID.class),
                rs.getObject("signer", UUID.class),
                rs.getString("signer_name"),
                signedAt == null ? null : signedAt.toInstant(),
                rs.getString("number"),
                (Integer) rs.getObject("number_year"),
                (Integer) rs.getObject("number_seq"),
                rs.getObject("printed_on", LocalDate.class),
                new HashSet<>(strings(rs.getArray("countersigned"))),
                rs.getTimestamp("created_at").toInstant(),
                rs.getInt("version"));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        if (array == null) return List.of();
        return Arrays.asList((String[]) array.getArray());
    }

    /** A line of a list. */
    public record DocumentRow(
            UUID id,
            DocumentType type,
            DocumentStatus status,
            String title,
            @Nullable String number,
            String department,
            Instant updatedAt) {}

    /** One opinion along the way. */
    public record StepView(
            String step,
            String department,
            String actorName,
            @Nullable String opinion,
            Instant at) {}

    /** The sealed PDF and its detached SM2 signature. */
    public record SealedCopy(byte[] pdf, byte[] signature, String keyId, String sm3, Instant sealedAt) {}
}
