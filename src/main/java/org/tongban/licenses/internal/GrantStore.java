package org.tongban.licenses.internal;

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
import org.springframework.stereotype.Repository;

/** The {@code licenses.use_grant} authorisations and their {@code licenses.use_log}. Joins the caller's transaction. */
@Repository
public class GrantStore {

    private final JdbcClient jdbc;

    GrantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A grant as stored. */
    public record StoredGrant(
            UUID id,
            long licenseId,
            UUID holderAccount,
            GranteeKind granteeKind,
            String grantee,
            String purpose,
            @Nullable String caseNumber,
            LocalDate validUntil,
            Instant createdAt,
            @Nullable Instant withdrawnAt) {

        /** Whether it works on a day: withdrawn is final, and a grant is good through its last day. */
        public GrantStatus status(LocalDate today) {
            return withdrawnAt != null
                    ? GrantStatus.WITHDRAWN
                    : validUntil.isBefore(today) ? GrantStatus.EXPIRED : GrantStatus.ACTIVE;
        }
    }

    /** A use of a grant. */
    public record StoredUse(
            UUID grantId,
            GrantUse.By actorKind,
            String actor,
            @Nullable String department,
            @Nullable String caseNumber,
            GrantUse.Disclosed what,
            Instant at,
            GranteeKind granteeKind,
            String grantee,
            String purpose) {}

    /**
     * Inserts a grant; false when the holder's request key was used already (the first grant stands), or when a grant
     * of the license to the same grantee is in force (V72's index; a concurrent one waits for the first to commit).
     */
    public boolean insert(StoredGrant g, @Nullable String requestKey) {
        return jdbc.sql("""
                insert into licenses.use_grant (id, license_id, holder_account, grantee_kind, grantee, purpose, case_number,
                       valid_until, created_at, request_key)
                values (:id, :license, :holder, :kind, :grantee, :purpose, :case, :until, :at, :key)
                on conflict do nothing""")
                        .param("id", g.id())
                        .param("license", g.licenseId())
                        .param("holder", g.holderAccount())
                        .param("kind", g.granteeKind().name())
                        .param("grantee", g.grantee())
                        .param("purpose", g.purpose())
                        .param("case", g.caseNumber())
                        .param("until", java.sql.Date.valueOf(g.validUntil()))
                        .param("at", Timestamp.from(g.createdAt()))
                        .param("key", requestKey)
                        .update()
                == 1;
    }

    /**
     * Marks the grants of a license to a grantee that are past their last day as lapsed, so that the index of grants
     * in force ({@code use_grant_one_in_force}, V72) lets a new one be given; they read as expired as before.
     */
    public void lapse(long licenseId, GranteeKind kind, String grantee, LocalDate today, Instant now) {
        jdbc.sql("""
                update licenses.use_grant set lapsed_at = :now
                 where license_id = :l and grantee_kind = :k and grantee = :g and case_number is null
                   and withdrawn_at is null and lapsed_at is null and valid_until < :today""")
                .param("now", Timestamp.from(now))
                .param("l", licenseId)
                .param("k", kind.name())
                .param("g", grantee)
                .param("today", java.sql.Date.valueOf(today))
                .update();
    }

    /** The holder's grant of a license to a grantee that is in force today, if any (one at most, V72). */
    public Optional<StoredGrant> inForce(long licenseId, GranteeKind kind, String grantee, LocalDate today) {
        return jdbc.sql("""
                select * from licenses.use_grant
                 where license_id = :l and grantee_kind = :k and grantee = :g and case_number is null
                   and withdrawn_at is null and valid_until >= :today
                 order by created_at limit 1""")
                .param("l", licenseId)
                .param("k", kind.name())
                .param("g", grantee)
                .param("today", java.sql.Date.valueOf(today))
                .query(GrantStore::grant)
                .optional();
    }

    /** The grants to a department that are in force today, those ending soonest first, at most {@code limit}. */
    public List<StoredGrant> toDepartment(String department, LocalDate today, int limit) {
        return jdbc.sql("""
                select * from licenses.use_grant
                 where grantee_kind = 'DEPARTMENT' and grantee = :d and withdrawn_at is null and valid_until >= :today
                 order by valid_until, created_at, id limit :n""")
                .param("d", department)
                .param("today", java.sql.Date.valueOf(today))
                .param("n", limit)
                .query(GrantStore::grant)
                .list();
    }

    /** The grant a holder made with a request key. */
    public Optional<StoredGrant> byRequest(UUID holder, String requestKey) {
        return jdbc.sql("select * from licenses.use_grant where holder_account = :h and request_key = :k")
                .param("h", holder)
                .param("k", requestKey)
                .query(GrantStore::grant)
                .optional();
    }

    public Optional<StoredGrant> find(UUID id) {
        return jdbc.sql("select * from licenses.use_grant where id = :id")
                .param("id", id)
                .query(GrantStore::grant)
                .optional();
    }

    /** Locks a grant for withdrawal. */
    public Optional<StoredGrant> lock(UUID id) {
        return jdbc.sql("select * from licenses.use_grant where id = :id for update")
                .param("id", id)
                .query(GrantStore::grant)
                .optional();
    }

    /** A license's grants, newest first. */
    public List<StoredGrant> ofLicense(long licenseId) {
        return jdbc.sql("select * from licenses.use_grant where license_id = :l order by created_at desc, id")
                .param("l", licenseId)
                .query(GrantStore::grant)
                .list();
    }

    /** The grants made by using a license in a case, newest first. */
    public List<StoredGrant> ofCase(String caseNumber) {
        return jdbc.sql("select * from licenses.use_grant where case_number = :c order by created_at desc, id")
                .param("c", caseNumber)
                .query(GrantStore::grant)
                .list();
    }

    /** The grant still in force that a case made for a license, if any (a corrected application uses it again). */
    public Optional<StoredGrant> activeForCase(long licenseId, String caseNumber, LocalDate today) {
        return jdbc.sql("""
                select * from licenses.use_grant
                 where license_id = :l and case_number = :c and withdrawn_at is null and valid_until >= :today
                 order by created_at desc limit 1""")
                .param("l", licenseId)
                .param("c", caseNumber)
                .param("today", java.sql.Date.valueOf(today))
                .query(GrantStore::grant)
                .optional();
    }

    /** Withdraws a grant; false when it was withdrawn already. */
    public boolean withdraw(UUID id, Instant at) {
        return jdbc.sql("update licenses.use_grant set withdrawn_at = :at where id = :id and withdrawn_at is null")
                        .param("id", id)
                        .param("at", Timestamp.from(at))
                        .update()
                == 1;
    }

    public void log(
            UUID grantId,
            GrantUse.By actorKind,
            String actor,
            @Nullable String department,
            @Nullable String caseNumber,
            GrantUse.Disclosed what,
            Instant at) {
        jdbc.sql("""
                insert into licenses.use_log (grant_id, actor_kind, actor, department, case_number, what, at)
                values (:g, :kind, :actor, :dept, :case, :what, :at)""")
                .param("g", grantId)
                .param("kind", actorKind.name())
                .param("actor", actor)
                .param("dept", department)
                .param("case", caseNumber)
                .param("what", what.name())
                .param("at", Timestamp.from(at))
                .update();
    }

    /** Every use of a license's grants, newest first, at most {@code limit}. */
    public List<StoredUse> uses(long licenseId, int limit) {
        return jdbc.sql("""
                select u.grant_id, u.actor_kind, u.actor, u.department, u.case_number, u.what, u.at, g.grantee_kind,
                       g.grantee, g.purpose
                  from licenses.use_log u join licenses.use_grant g on g.id = u.grant_id
                 where g.license_id = :l order by u.at desc, u.id desc limit :n""")
                .param("l", licenseId)
                .param("n", limit)
                .query((rs, i) -> new StoredUse(
                        rs.getObject(1, UUID.class),
                        GrantUse.By.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        GrantUse.Disclosed.valueOf(rs.getString(6)),
                        rs.getTimestamp(7).toInstant(),
                        GranteeKind.valueOf(rs.getString(8)),
                        rs.getString(9),
                        rs.getString(10)))
                .list();
    }

    private static StoredGrant grant(ResultSet rs, int row) throws SQLException {
        var withdrawn = rs.getTimestamp("withdrawn_at");
        return new StoredGrant(
                rs.getObject("id", UUID.class),
                rs.getLong("license_id"),
                rs.getObject("holder_account", UUID.class),
                GranteeKind.valueOf(rs.getString("grantee_kind")),
                rs.getString("grantee"),
                rs.getString("purpose"),
                rs.getString("case_number"),
                rs.getDate("valid_until").toLocalDate(),
                rs.getTimestamp("created_at").toInstant(),
                withdrawn == null ? null : withdrawn.toInstant());
    }
}
