package org.tongban.licenses.internal;

import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongban.licenses.LicenseStatus;

/**
 * The rows of the {@code licenses.license} register and its batches; status changes, their history and the status
 * list are {@link LicenseStatusStore}'s. Every statement joins the caller's transaction.
 */
@Repository
public class LicenseStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    LicenseStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A license row to insert. */
    public record NewLicense(
            long id,
            String identifier,
            String type,
            String serial,
            int version,
            String issuerDepartment,
            String issuerCreditCode,
            HolderKind holderKind,
            byte[] holderIdx,
            String holderNameMasked,
            String holderIdMasked,
            byte[] content,
            byte[] signature,
            String keyId,
            LocalDate issueDate,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            boolean exclusive,
            @Nullable String previous,
            @Nullable String caseNumber,
            @Nullable UUID batchId,
            @Nullable String requestKey,
            String issuedBy,
            Instant issuedAt) {}

    /** A license row as stored. */
    public record StoredLicense(
            long id,
            String identifier,
            String type,
            int version,
            String issuerDepartment,
            String issuerCreditCode,
            HolderKind holderKind,
            byte[] holderIdx,
            String holderNameMasked,
            String holderIdMasked,
            byte[] content,
            byte[] signature,
            String keyId,
            LocalDate issueDate,
            LocalDate validFrom,
            @Nullable LocalDate validTo,
            LicenseStatus status,
            @Nullable String statusReason,
            @Nullable Instant statusChangedAt,
            @Nullable String previous,
            @Nullable String caseNumber,
            String issuedBy,
            Instant issuedAt) {

        /** The status as it reads today: a valid license past its last day is expired. */
        public LicenseStatus effectiveStatus(LocalDate today) {
            return status == LicenseStatus.VALID && validTo != null && validTo.isBefore(today)
                    ? LicenseStatus.EXPIRED
                    : status;
        }
    }

    /** Draws {@code n} license ids (also status-list positions) from the sequence in one round trip. */
    public long[] allocate(int n) {
        var ids = jdbc.sql("select nextval('licenses.license_seq') from generate_series(1, :n)")
                .param("n", n)
                .query(Long.class)
                .list();
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Inserts licenses in one statement (arrays unnested server-side: one round trip however many rows); a row that
     * would break a unique rule (a second active license of an exclusive type, a repeated case or request key) is
     * skipped. Returns the ids inserted.
     */
    public Set<Long> insertAll(List<NewLicense> rows) {
        if (rows.isEmpty()) return Set.of();
        var sql = """
                insert into licenses.license (id, identifier, type, serial, version, issuer_department, issuer_credit_code,
                       holder_kind, holder_id_type, holder_idx, holder_name_masked, holder_id_masked, content, signature,
                       key_id, issue_date, valid_from, valid_to, status, exclusive, previous_identifier, case_number,
                       batch_id, request_key, issued_by, issued_at)
                select id, identifier, type, serial, version, dept, credit, kind, id_type, idx, name_masked, id_masked,
                       content, signature, kid, issue_date, valid_from, valid_to, 'VALID', exclusive, previous, case_number,
                       batch_id, request_key, issued_by, issued_at
                  from unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::smallint[], ?::text[], ?::text[], ?::text[],
                              ?::text[], ?::bytea[], ?::text[], ?::text[], ?::bytea[], ?::bytea[], ?::text[], ?::date[],
                              ?::date[], ?::date[], ?::boolean[], ?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[],
                              ?::timestamptz[])
                       as r(id, identifier, type, serial, version, dept, credit, kind, id_type, idx, name_masked, id_masked,
                            content, signature, kid, issue_date, valid_from, valid_to, exclusive, previous, case_number,
                            batch_id, request_key, issued_by, issued_at)
                on conflict do nothing
                returning id""";
        int n = rows.size();
        var inserted = new HashSet<Long>();
        template.query(
                connection -> {
                    var ps = connection.prepareStatement(sql);
                    int p = 1;
                    for (var column : COLUMNS) {
                        var values = column.type().equals("bytea")
                                ? rows.stream().map(column.value()).toArray(byte[][]::new)
                                : rows.stream().map(column.value()).toArray();
                        ps.setArray(p++, connection.createArrayOf(column.type(), values));
                    }
                    return ps;
                },
                (ResultSet rs) -> {
                    inserted.add(rs.getLong(1));
                });
        if (inserted.size() > n) throw new IllegalStateException("inserted more rows than given");
        return inserted;
    }

    /** A column that {@link #insertAll} sends as one array parameter of its {@code unnest}. */
    private record Column(String type, Function<NewLicense, @Nullable Object> value) {}

    /** The columns of {@link #insertAll}, in the order of its {@code unnest}. */
    private static final List<Column> COLUMNS = List.of(
            new Column("bigint", NewLicense::id),
            new Column("text", NewLicense::identifier),
            new Column("text", NewLicense::type),
            new Column("text", NewLicense::serial),
            new Column("smallint", r -> (short) r.version()),
            new Column("text", NewLicense::issuerDepartment),
            new Column("text", NewLicense::issuerCreditCode),
            new Column("text", r -> r.holderKind().name()),
            new Column("text", r -> r.holderKind().idType()),
            new Column("bytea", NewLicense::holderIdx),
            new Column("text", NewLicense::holderNameMasked),
            new Column("text", NewLicense::holderIdMasked),
            new Column("bytea", NewLicense::content),
            new Column("bytea", NewLicense::signature),
            new Column("text", NewLicense::keyId),
            new Column("text", r -> r.issueDate().toString()),
            new Column("text", r -> r.validFrom().toString()),
            new Column("text", r -> r.validTo() == null ? null : String.valueOf(r.validTo())),
            new Column("boolean", NewLicense::exclusive),
            new Column("text", NewLicense::previous),
            new Column("text", NewLicense::caseNumber),
            new Column("text", r -> r.batchId() == null ? null : String.valueOf(r.batchId())),
            new Column("text", NewLicense::requestKey),
            new Column("text", NewLicense::issuedBy),
            new Column("text", r -> r.issuedAt().toString()));

    public Optional<StoredLicense> find(String identifier) {
        return jdbc.sql("select * from licenses.license where identifier = :i")
                .param("i", identifier)
                .query(LicenseStore::stored)
                .optional();
    }

    public Optional<StoredLicense> find(long id) {
        return jdbc.sql("select * from licenses.license where id = :i")
                .param("i", id)
                .query(LicenseStore::stored)
                .optional();
    }

    /** Locks a license row for a status change. */
    public Optional<StoredLicense> lock(String identifier) {
        return jdbc.sql("select * from licenses.license where identifier = :i for update")
                .param("i", identifier)
                .query(LicenseStore::stored)
                .optional();
    }

    /** The holder's valid or suspended license of a type (for exclusive types there is at most one). */
    public List<StoredLicense> active(String type, byte[] holderIdx) {
        return jdbc.sql("""
                select * from licenses.license
                 where type = :t and holder_idx = :h and status in ('VALID', 'SUSPENDED') order by id desc""")
                .param("t", type)
                .param("h", holderIdx)
                .query(LicenseStore::stored)
                .list();
    }

    /** Of these holders, those who already hold an active license of an exclusive type. */
    public Set<ByteBuffer> activeHolders(String type, List<byte[]> holderIdxs) {
        if (holderIdxs.isEmpty()) return Set.of();
        var found = new HashSet<ByteBuffer>();
        template.query(
                connection -> {
                    // One index probe per holder (a lateral subquery with equality on the whole index key) rather than
                    // "holder_idx = any(?)": while a large import grows the table faster than its statistics follow,
                    // the
                    // planner used the index for the type only and compared every row of the type with the whole list,
                    // 150 ms per thousand rows at 30,000 licenses and growing.
                    var ps = connection.prepareStatement("""
                    select l.holder_idx from unnest(?::bytea[]) as h(idx)
                     cross join lateral (select holder_idx from licenses.license
                                          where type = ? and holder_idx = h.idx and exclusive
                                            and status in ('VALID', 'SUSPENDED') limit 1) l""");
                    ps.setArray(1, connection.createArrayOf("bytea", holderIdxs.toArray(byte[][]::new)));
                    ps.setString(2, type);
                    return ps;
                },
                (ResultSet rs) -> {
                    found.add(ByteBuffer.wrap(rs.getBytes(1)));
                });
        return found;
    }

    /** Of these request keys of one actor, those already used (an import run again). */
    public Set<String> usedRequestKeys(String issuedBy, List<String> keys) {
        if (keys.isEmpty()) return Set.of();
        var found = new HashSet<String>();
        template.query(
                connection -> {
                    var ps = connection.prepareStatement("""
                    select l.request_key from unnest(?::text[]) as k(key)
                     cross join lateral (select request_key from licenses.license
                                          where issued_by = ? and request_key = k.key limit 1) l""");
                    ps.setArray(1, connection.createArrayOf("text", keys.toArray()));
                    ps.setString(2, issuedBy);
                    return ps;
                },
                (ResultSet rs) -> {
                    found.add(rs.getString(1));
                });
        return found;
    }

    public Optional<StoredLicense> byCase(String caseNumber, String type) {
        return jdbc.sql("select * from licenses.license where case_number = :c and type = :t")
                .param("c", caseNumber)
                .param("t", type)
                .query(LicenseStore::stored)
                .optional();
    }

    public Optional<StoredLicense> byRequest(String issuedBy, String requestKey) {
        return jdbc.sql("select * from licenses.license where issued_by = :b and request_key = :k")
                .param("b", issuedBy)
                .param("k", requestKey)
                .query(LicenseStore::stored)
                .optional();
    }

    /** The licenses of any of these holders, newest first, those with an id below {@code before} (keyset paging). */
    public List<StoredLicense> ofHolders(List<byte[]> holderIdxs, long before, int limit) {
        if (holderIdxs.isEmpty()) return List.of();
        return template.query(
                connection -> {
                    var ps = connection.prepareStatement("""
                    select * from licenses.license where holder_idx = any(?) and id < ? order by id desc limit ?""");
                    ps.setArray(1, connection.createArrayOf("bytea", holderIdxs.toArray(byte[][]::new)));
                    ps.setLong(2, before);
                    ps.setInt(3, limit);
                    return ps;
                },
                LicenseStore::stored);
    }

    /** What a department issued, newest first, a page at a time. */
    public List<StoredLicense> ofIssuer(String department, long before, int limit) {
        return jdbc.sql("""
                select * from licenses.license where issuer_department = :d and id < :before order by id desc limit :n""")
                .param("d", department)
                .param("before", before)
                .param("n", limit)
                .query(LicenseStore::stored)
                .list();
    }

    public void insertBatch(
            UUID id,
            String type,
            String department,
            String fileName,
            int rows,
            int issued,
            int refused,
            String by,
            Instant at) {
        jdbc.sql("""
                insert into licenses.batch (id, type, department, file_name, rows, issued, refused, imported_by, imported_at)
                values (:id, :type, :dept, :file, :rows, :issued, :refused, :by, :at)""")
                .param("id", id)
                .param("type", type)
                .param("dept", department)
                .param("file", fileName)
                .param("rows", rows)
                .param("issued", issued)
                .param("refused", refused)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
    }

    private static StoredLicense stored(ResultSet rs, int row) throws SQLException {
        var validTo = rs.getDate("valid_to");
        return new StoredLicense(
                rs.getLong("id"),
                rs.getString("identifier"),
                rs.getString("type"),
                rs.getInt("version"),
                rs.getString("issuer_department"),
                rs.getString("issuer_credit_code"),
                HolderKind.valueOf(rs.getString("holder_kind")),
                rs.getBytes("holder_idx"),
                rs.getString("holder_name_masked"),
                rs.getString("holder_id_masked"),
                rs.getBytes("content"),
                rs.getBytes("signature"),
                rs.getString("key_id"),
                rs.getDate("issue_date").toLocalDate(),
                rs.getDate("valid_from").toLocalDate(),
                validTo == null ? null : validTo.toLocalDate(),
                LicenseStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getTimestamp("status_changed_at") == null
                        ? null
                        : rs.getTimestamp("status_changed_at").toInstant(),
                rs.getString("previous_identifier"),
                rs.getString("case_number"),
                rs.getString("issued_by"),
                rs.getTimestamp("issued_at").toInstant());
    }
}
