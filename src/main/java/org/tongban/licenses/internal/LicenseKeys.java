package org.tongban.licenses.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseKeyStore;
import org.tongban.licenses.LicenseKeyStore.KeyInfo;
import org.tongban.licenses.LicenseRefusedException;

/**
 * The operator's view of the signing keys (运维): which keys verify, rotation on demand (a planned change), and
 * revocation of a compromised key. Keys also rotate by themselves when their signing period ends. Licenses signed with
 * an old key keep verifying until that key's {@code notAfter}, unless it was revoked; new licenses and show tokens use
 * the new key at once. The root key, which every verifier pins, is rotated by two people: an operator proposes, another
 * operator or a government manager approves (四眼原则); the same person cannot do both.
 */
@Service
public class LicenseKeys {

    private static final Set<String> USES =
            Set.of(LicenseKeyStore.ISSUER, LicenseKeyStore.STATUS, LicenseKeyStore.ROOT);
    /** How long a proposal to rotate the root key waits for its approval. */
    public static final Duration PROPOSAL_LIFETIME = Duration.ofHours(24);

    private final LicenseKeyStore keys;
    private final Publications publications;
    private final LicenseTypes types;
    private final JdbcClient jdbc;
    private final AuditManagement audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    LicenseKeys(
            LicenseKeyStore keys,
            Publications publications,
            LicenseTypes types,
            JdbcClient jdbc,
            AuditManagement audit,
            org.springframework.context.ApplicationEventPublisher events) {
        this.keys = keys;
        this.publications = publications;
        this.types = types;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
    }

    /** A proposal to rotate the root key, and what became of it. */
    public record RootRotation(
            UUID id,
            String reason,
            String proposedBy,
            Instant proposedAt,
            Instant expiresAt,
            @Nullable String decidedBy,
            @Nullable Instant decidedAt,
            @Nullable String newKid) {}

    /** Every key whose signatures still verify, newest first. */
    public List<KeyInfo> keys() {
        return keys.verifiable(Instant.now());
    }

    /**
     * Replaces the current key of an owner (an issuing department, or {@code PLATFORM} for the status key). The new
     * key reaches the trust list at once on this node. The root key is not rotated alone: see
     * {@link #proposeRootRotation}.
     *
     * @throws InvalidLicenseException an owner that issues no license type, or an unknown use
     * @throws LicenseRefusedException the root key (forbidden: it takes two people)
     */
    public KeyInfo rotate(String owner, String use, UUID operator) {
        checkOwner(owner, use);
        if (use.equals(LicenseKeyStore.ROOT)) {
            audit.recordNow(AuditRecord.denied(
                    LicenseAudit.LICENCE_ROOT_ROTATION_REFUSED,
                    operator.toString(),
                    LicenseKeyStore.PLATFORM,
                    Map.of("reason", "ALONE")));
            throw new LicenseRefusedException(
                    "licenses.error.rootRotationNeedsTwo", LicenseRefusedException.Kind.FORBIDDEN);
        }
        var created = keys.rotate(owner, use, operator.toString());
        publications.keysChanged();
        return created;
    }

    /**
     * Revokes a compromised key from an instant on (now, or earlier: since when it may have been in other hands).
     * Nothing it signed at or after that instant verifies, online or offline (the trust list names the revocation);
     * its owner signs with a new key at once.
     *
     * @throws InvalidLicenseException no reason, a time in the future, an unknown key, or the root key (its
     *     compromise is answered by rotating it, with two people)
     */
    public KeyInfo revoke(String kid, @Nullable Instant from, @Nullable String reason, UUID operator) {
        var now = Instant.now();
        var errors = new HashMap<String, String>();
        var key = kid == null ? null : keys.key(kid).orElse(null);
        if (key == null) errors.put("kid", "licenses.error.unknownKey");
        else if (key.use().equals(LicenseKeyStore.ROOT)) errors.put("kid", "licenses.error.rootNotRevocable");
        var clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty() || clean.length() > 500) errors.put("reason", "licenses.error.keyRevocationReason");
        if (from != null && from.isAfter(now)) errors.put("from", "licenses.error.revocationInFuture");
        if (!errors.isEmpty()) throw new InvalidLicenseException(errors);
        var revoked = keys.revoke(kid, from == null ? now : from, clean, operator.toString());
        publications.keysChanged();
        publications.statusChanged();
        return revoked;
    }

    /**
     * An operator proposes to rotate the root key; it happens when someone else approves it within
     * {@link #PROPOSAL_LIFETIME}. One proposal waits at a time.
     *
     * @throws InvalidLicenseException no reason
     * @throws LicenseRefusedException another proposal is waiting (conflict)
     */
    @Transactional
    public RootRotation proposeRootRotation(UUID operator, @Nullable String reason) {
        var clean = reason == null ? "" : reason.strip();
        if (clean.isEmpty() || clean.length() > 500) {
            throw new InvalidLicenseException(Map.of("reason", "licenses.error.keyRevocationReason"));
        }
        var now = Instant.now();
        jdbc.sql(
                        "update licenses.root_rotation set decided_at = expires_at where decided_at is null and expires_at <= :now")
                .param("now", Timestamp.from(now))
                .update();
        var id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    insert into licenses.root_rotation (id, reason, proposed_by, proposed_at, expires_at)
                    values (:id, :r, :by, :at, :exp)""")
                    .param("id", id)
                    .param("r", clean)
                    .param("by", operator.toString())
                    .param("at", Timestamp.from(now))
                    .param("exp", Timestamp.from(now.plus(PROPOSAL_LIFETIME)))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new LicenseRefusedException(
                    "licenses.error.rootRotationPending", LicenseRefusedException.Kind.CONFLICT);
        }
        events.publishEvent(AuditRecord.success(
                LicenseAudit.LICENCE_ROOT_ROTATION_PROPOSED,
                operator.toString(),
                id.toString(),
                Map.of("reason", clean, "expiresAt", now.plus(PROPOSAL_LIFETIME).toString())));
        return rotation(id);
    }

    /**
     * A second person approves a waiting proposal: the root key is rotated, and the next trust list is signed by the
     * new root (verifiers pin the new root key; docs/licenses.md).
     *
     * @throws LicenseRefusedException the proposer approving their own proposal (forbidden); no such waiting
     *     proposal, or it expired (conflict)
     */
    @Transactional
    public KeyInfo approveRootRotation(UUID proposal, UUID approver) {
        var now = Instant.now();
        var open = jdbc.sql(
                        "select proposed_by, decided_at, expires_at from licenses.root_rotation where id = :id for update")
                .param("id", proposal)
                .query((rs, i) -> new Object[] {
                    rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3).toInstant()
                })
                .optional()
                .orElse(null);
        if (open == null || open[1] != null || !now.isBefore((Instant) open[2])) {
            audit.recordNow(AuditRecord.denied(
                    LicenseAudit.LICENCE_ROOT_ROTATION_REFUSED,
                    approver.toString(),
                    proposal.toString(),
                    Map.of("reason", open == null ? "NOT_FOUND" : open[1] != null ? "DECIDED" : "EXPIRED")));
            throw new LicenseRefusedException(
                    "licenses.error.rootRotationNotOpen", LicenseRefusedException.Kind.CONFLICT);
        }
        if (open[0].equals(approver.toString())) {
            audit.recordNow(AuditRecord.denied(
                    LicenseAudit.LICENCE_ROOT_ROTATION_REFUSED,
                    approver.toString(),
                    proposal.toString(),
                    Map.of("reason", "SAME_PERSON")));
            throw new LicenseRefusedException(
                    "licenses.error.rootRotationSamePerson", LicenseRefusedException.Kind.FORBIDDEN);
        }
        var created = keys.rotate(LicenseKeyStore.PLATFORM, LicenseKeyStore.ROOT, approver.toString());
        jdbc.sql("update licenses.root_rotation set decided_by = :by, decided_at = :at, new_kid = :kid where id = :id")
                .param("by", approver.toString())
                .param("at", Timestamp.from(now))
                .param("kid", created.kid())
                .param("id", proposal)
                .update();
        events.publishEvent(AuditRecord.success(
                LicenseAudit.LICENCE_ROOT_ROTATION_APPROVED,
                approver.toString(),
                proposal.toString(),
                Map.of("proposedBy", (String) open[0], "newKid", created.kid())));
        publications.keysChanged();
        return created;
    }

    /** The latest proposals to rotate the root key, newest first. */
    @Transactional(readOnly = true)
    public List<RootRotation> rootRotations() {
        return jdbc
                .sql("select id from licenses.root_rotation order by proposed_at desc limit 20")
                .query((rs, i) -> rs.getObject(1, UUID.class))
                .list()
                .stream()
                .map(this::rotation)
                .toList();
    }

    private RootRotation rotation(UUID id) {
        return jdbc.sql("""
                select id, reason, proposed_by, proposed_at, expires_at, decided_by, decided_at, new_kid
                  from licenses.root_rotation where id = :id""")
                .param("id", id)
                .query((rs, i) -> new RootRotation(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(),
                        rs.getString(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getString(8)))
                .single();
    }

    private void checkOwner(String owner, String use) {
        var platform = owner.equals(LicenseKeyStore.PLATFORM);
        boolean issuer = types.all().stream().anyMatch(t -> t.issuedBy(owner));
        if (!USES.contains(use)
                || (platform ? use.equals(LicenseKeyStore.ISSUER) : !(issuer && use.equals(LicenseKeyStore.ISSUER)))) {
            throw new InvalidLicenseException(Map.of("owner", "licenses.error.unknownKeyOwner"));
        }
    }
}
