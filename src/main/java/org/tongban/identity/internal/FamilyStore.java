package org.tongban.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.identity.FamilyMember;

/** The family grants (ADR 0043, {@code identity.family_grant}): the one place that reads and writes them. */
@Component
public class FamilyStore {

    /** The relation seen from the other side: the relative is the principal's PARENT, so the principal is a CHILD. */
    static final Map<String, String> INVERSE = Map.of(
            "PARENT", "CHILD",
            "CHILD", "PARENT",
            "GRANDPARENT", "GRANDCHILD",
            "GRANDCHILD", "GRANDPARENT",
            "SPOUSE", "SPOUSE",
            "SIBLING", "SIBLING",
            "OTHER", "OTHER");

    public static final List<String> RELATIONSHIPS =
            List.of("PARENT", "CHILD", "SPOUSE", "SIBLING", "GRANDPARENT", "GRANDCHILD", "OTHER");

    private static final String SELECT = """
            select g.id, g.principal_id, pp.name, pp.sex, g.relative_id, rp.name, rp.sex, g.relationship, g.scope,
                   g.valid_to, g.kind, g.status, g.created_by, g.principal_challenge, g.relative_challenge, g.created_at
              from identity.family_grant g
              join identity.account pa on pa.id = g.principal_id join identity.person pp on pp.id = pa.person_id
              join identity.account ra on ra.id = g.relative_id join identity.person rp on rp.id = ra.person_id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    FamilyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One grant as stored; {@code status} is {@code EXPIRED} for an active one past its end. */
    public record Grant(
            UUID id,
            UUID principal,
            String principalName,
            String principalSex,
            UUID relative,
            String relativeName,
            String relativeSex,
            String relationship,
            List<String> scopes,
            Instant validTo,
            String kind,
            String status,
            UUID createdBy,
            byte[] principalChallenge,
            byte @Nullable [] relativeChallenge,
            Instant createdAt) {

        /** The last day in force (the grant ends at the following midnight, Asia/Shanghai). */
        public java.time.LocalDate lastDay() {
            return validTo.atZone(AgentGrants.ZONE).toLocalDate().minusDays(1);
        }

        public boolean inForce() {
            return status.equals("ACTIVE");
        }

        /** The word for the relative as the principal sees them, e.g. {@code family.rel.CHILD.MALE} (儿子). */
        public String relativeKey() {
            return "family.rel." + relationship + "." + relativeSex;
        }

        /** The word for the principal as the relative sees them, e.g. {@code family.rel.PARENT.FEMALE} (母亲). */
        public String principalKey() {
            return "family.rel." + INVERSE.getOrDefault(relationship, "OTHER") + "." + principalSex;
        }
    }

    void insert(
            UUID id,
            UUID principal,
            UUID relative,
            String relationship,
            String scope,
            Instant validTo,
            String kind,
            String status,
            UUID createdBy,
            byte[] challenge) {
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into identity.family_grant (id, principal_id, relative_id, relationship, scope, valid_to, kind,
                       status, created_by, principal_challenge, confirmed_at, accepted_at, created_at)
                values (:id, :p, :r, :rel, :sc, :to, :k, :st, :by, :ch, :conf, :acc, :now)""")
                .param("id", id)
                .param("p", principal)
                .param("r", relative)
                .param("rel", relationship)
                .param("sc", scope)
                .param("to", Timestamp.from(validTo))
                .param("k", kind)
                .param("st", status)
                .param("by", createdBy)
                .param("ch", challenge)
                .param("conf", status.equals("ACTIVE") ? now : null)
                .param("acc", status.equals("ACTIVE") ? now : null)
                .param("now", now)
                .update();
    }

    /** Moves a grant from one status to the next; false when it was no longer in the first (a race, a replay). */
    boolean move(UUID id, String from, String to, byte @Nullable [] relativeChallenge) {
        var column = to.equals("CONFIRMED") ? "confirmed_at" : "accepted_at";
        return jdbc.sql("update identity.family_grant set status = :to, " + column
                                + " = :now, relative_challenge = coalesce(:ch, relative_challenge)"
                                + " where id = :id and status = :from")
                        .param("to", to)
                        .param("now", Timestamp.from(clock.instant()))
                        .param("ch", relativeChallenge)
                        .param("id", id)
                        .param("from", from)
                        .update()
                == 1;
    }

    boolean revoke(UUID id, UUID by) {
        return jdbc.sql("""
                        update identity.family_grant set status = 'REVOKED', revoked_at = :now, revoked_by = :by
                         where id = :id and status <> 'REVOKED' and (principal_id = :by or relative_id = :by)""")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("by", by)
                        .param("id", id)
                        .update()
                == 1;
    }

    /** The grant if this account is its principal or its relative; anyone else's is empty. */
    public Optional<Grant> of(UUID id, UUID account) {
        return jdbc.sql(SELECT + " where g.id = :id and (g.principal_id = :a or g.relative_id = :a)")
                .param("id", id)
                .param("a", account)
                .query(this::row)
                .optional();
    }

    /** Every grant this account gives or holds, newest first. */
    public List<Grant> all(UUID account) {
        return jdbc.sql(SELECT
                        + " where g.principal_id = :a or g.relative_id = :a order by g.created_at desc limit 200")
                .param("a", account)
                .query(this::row)
                .list();
    }

    /** The people this actor may act for now: active grants held, before their end. */
    public List<FamilyMember> inForce(UUID actor) {
        return jdbc
                .sql(SELECT + """
                         where g.relative_id = :a and g.status = 'ACTIVE' and g.valid_to > :now
                         order by g.created_at""")
                .param("a", actor)
                .param("now", Timestamp.from(clock.instant()))
                .query(this::row)
                .list()
                .stream()
                .map(g -> new FamilyMember(
                        g.id(),
                        g.principal(),
                        g.principalName(),
                        INVERSE.getOrDefault(g.relationship(), "OTHER"),
                        g.principalSex(),
                        g.scopes(),
                        g.validTo()))
                .toList();
    }

    private Grant row(ResultSet rs, int i) throws SQLException {
        var validTo = rs.getTimestamp(10).toInstant();
        var status = rs.getString(12);
        if (status.equals("ACTIVE") && !validTo.isAfter(clock.instant())) status = "EXPIRED";
        return new Grant(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getString(3),
                rs.getString(4),
                rs.getObject(5, UUID.class),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                List.of(rs.getString(9).split(",")),
                validTo,
                rs.getString(11),
                status,
                rs.getObject(13, UUID.class),
                rs.getBytes(14),
                rs.getBytes(15),
                rs.getTimestamp(16).toInstant());
    }
}
