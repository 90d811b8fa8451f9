package org.tongban.audit.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditCode;
import org.tongban.audit.AuditEntryView;
import org.tongban.audit.AuditQuery;
import org.tongban.audit.AuditResult;
import org.tongban.audit.Audited;
import org.tongban.audit.ChainVerification;
import org.tongban.shared.GmCrypto;

/**
 * Appends to and verifies the audit chain. Each row's MAC (HMAC-SM3 under {@link ChainKey}, held outside the
 * database) covers its own content and the previous row's hash, so changing, removing or re-ordering a row breaks
 * every later link, and nobody without the key can forge new links. The head carries a MAC too, and signed
 * checkpoints outside the database ({@link Checkpoints}) catch a chain cut short behind an earlier head. Appends lock
 * the single head row, which keeps the chain linear when several nodes write at once.
 */
@Component
public class AuditChain {

    /** Rows written before ADR 0014: SM3 over separator-joined fields, no key. */
    static final int UNKEYED = 1;
    /** HMAC-SM3 under the chain key over length-prefixed fields. */
    static final int KEYED = 2;

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final String GENESIS = "0".repeat(64);
    private final JdbcClient jdbc;
    private final ChainKey key;
    private final Checkpoints checkpoints;

    AuditChain(JdbcClient jdbc, ChainKey key, Checkpoints checkpoints) {
        this.jdbc = jdbc;
        this.key = key;
        this.checkpoints = checkpoints;
    }

    /** Must run inside a transaction: the head row stays locked until it commits. */
    public void append(Audited event) {
        append(
                event.auditCode().name(),
                event.auditActor(),
                event.auditSubject(),
                event.auditResult().name(),
                canonical(event.auditDetails()));
    }

    /**
     * Marks the point from which an existing, unkeyed chain is keyed: one {@code AUDIT_CHAIN_KEYED} row, the first
     * keyed one, linked to the last unkeyed row. Does nothing on a keyed or an empty chain. Runs in a transaction.
     */
    void markKeyed() {
        markKeyed(head(true));
    }

    private Head markKeyed(Head head) {
        if (head.mac() != null || head.seq() == 0) return head;
        log.info(
                "The audit chain is keyed from row {} on; rows 1 to {} were written unkeyed",
                head.seq() + 1,
                head.seq());
        return write(
                head,
                ChainAudit.AUDIT_CHAIN_KEYED.name(),
                null,
                "audit.audit_event",
                AuditResult.SUCCESS.name(),
                canonical(Map.of("lastUnkeyed", Long.toString(head.seq()))));
    }

    /**
     * Writes a checkpoint of the head outside the database when the head moved since the last checkpoint, its MAC
     * holds, and the row of the last checkpoint is still there unchanged (a checkpoint never covers up a cut).
     */
    void checkpoint() {
        var head = head(false);
        if (head.seq() == 0 || head.mac() == null) return;
        if (!key.head(head.seq(), head.hash()).equals(head.mac())) {
            log.error("Audit chain head {} fails its MAC: no checkpoint written; verify the chain", head.seq());
            return;
        }
        var last = checkpoints.last().orElse(null);
        if (last != null) {
            if (last.authentic() && last.seq() >= head.seq()) return;
            var atLast = jdbc.sql("select hash from audit.audit_event where seq = :seq")
                    .param("seq", last.seq())
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (!last.authentic() || !last.hash().equals(atLast)) {
                log.error(
                        "The audit chain no longer holds checkpoint {}: no checkpoint written; verify the chain",
                        last.seq());
                return;
            }
        }
        checkpoints.write(head.seq(), head.hash());
    }

    public ChainVerification verify() {
        var checkpoint = checkpoints.last().orElse(null);
        var state = new Object() {
            String prev = GENESIS;
            long expectedSeq = 1;
            long checked = 0;
            boolean keyed;

            @Nullable
            String hashAtCheckpoint;

            @Nullable
            Long broken;

            @Nullable
            String reason;

            void broken(long seq, String why) {
                broken = seq;
                reason = why;
            }
        };
        jdbc.sql("select seq, occurred_at, code, actor, subject, result, details, prev_hash, hash, format "
                        + "from audit.audit_event order by seq")
                .query(rs -> {
                    if (state.broken != null) return;
                    long seq = rs.getLong("seq");
                    state.checked++;
                    if (seq != state.expectedSeq) {
                        state.broken(state.expectedSeq, "GAP");
                        return;
                    }
                    if (!state.prev.equals(rs.getString("prev_hash"))) {
                        state.broken(seq, "LINK_MISMATCH");
                        return;
                    }
                    var at = rs.getTimestamp("occurred_at").toInstant();
                    int format = rs.getInt("format");
                    // Once the chain is keyed, an unkeyed row after it is a forgery.
                    String computed = format == KEYED
                            ? key.row(
                                    state.prev,
                                    seq,
                                    at,
                                    rs.getString("code"),
                                    rs.getString("actor"),
                                    rs.getString("subject"),
                                    rs.getString("result"),
                                    rs.getString("details"))
                            : format == UNKEYED && !state.keyed
                                    ? unkeyed(
                                            state.prev,
                                            seq,
                                            at,
                                            rs.getString("code"),
                                            rs.getString("actor"),
                                            rs.getString("subject"),
                                            rs.getString("result"),
                                            rs.getString("details"))
                                    : null;
                    if (computed == null || !computed.equals(rs.getString("hash"))) {
                        state.broken(seq, "HASH_MISMATCH");
                        return;
                    }
                    state.keyed |= format == KEYED;
                    if (checkpoint != null && seq == checkpoint.seq()) state.hashAtCheckpoint = computed;
                    state.prev = computed;
                    state.expectedSeq = seq + 1;
                });
        long last = state.expectedSeq - 1;
        if (state.broken == null) {
            var head = head(false);
            if (head.seq() != last || !head.hash().equals(state.prev)) {
                // Rows removed from the end leave the head pointing past the last row.
                state.broken(state.expectedSeq, "GAP");
            } else if ((state.keyed || head.mac() != null)
                    && !key.head(head.seq(), head.hash()).equals(head.mac())) {
                // A head moved back over a cut-off tail needs the key to carry a valid MAC.
                state.broken(last, "HEAD_MISMATCH");
            }
        }
        if (state.broken == null && checkpoint != null) {
            if (!checkpoint.authentic()) {
                state.broken(checkpoint.seq(), "CHECKPOINT_MISMATCH");
            } else if (checkpoint.seq() > last) {
                // Shorter than it was outside the database: a tail was removed, even if the head was put back intact.
                state.broken(last + 1, "TRUNCATED");
            } else if (!checkpoint.hash().equals(state.hashAtCheckpoint)) {
                state.broken(checkpoint.seq(), "CHECKPOINT_MISMATCH");
            }
        }
        return new ChainVerification(state.broken == null, state.checked, state.broken, state.reason);
    }

    public List<AuditEntryView> recent(int limit, @Nullable String code, @Nullable String actor) {
        return search(new AuditQuery(null, null, actor, code, null, null, null), limit);
    }

    /** The newest entries that match, newest first; each part of the query left empty matches everything. */
    public List<AuditEntryView> search(AuditQuery q, int limit) {
        return jdbc.sql("""
                select seq, occurred_at, code, actor, subject, result, details, hash from audit.audit_event
                 where (cast(:code as text) is null or code = :code)
                   and (cast(:actor as text) is null or actor = :actor)
                   and (cast(:subject as text) is null or subject = :subject)
                   and (cast(:result as text) is null or result = :result)
                   and (cast(:from as timestamptz) is null or occurred_at >= :from)
                   and (cast(:to as timestamptz) is null or occurred_at < :to)
                   and (cast(:before as bigint) is null or seq < :before)
                 order by seq desc limit :limit""")
                .param("code", q.code())
                .param("actor", q.actor())
                .param("subject", q.subject())
                .param("result", q.result() == null ? null : q.result().name())
                .param("from", q.from() == null ? null : Timestamp.from(q.from()))
                .param("to", q.to() == null ? null : Timestamp.from(q.to()))
                .param("before", q.before())
                .param("limit", limit)
                .query((rs, i) -> new AuditEntryView(
                        rs.getLong("seq"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("code"),
                        rs.getString("actor"),
                        rs.getString("subject"),
                        rs.getString("result"),
                        rs.getString("details"),
                        rs.getString("hash")))
                .list();
    }

    private void append(String code, @Nullable String actor, String subject, String result, String details) {
        // The first append after an upgrade marks the point first, whether or not the start-up got to it.
        write(markKeyed(head(true)), code, actor, subject, result, details);
    }

    private Head write(Head head, String code, @Nullable String actor, String subject, String result, String details) {
        long seq = head.seq() + 1;
        // Microseconds: PostgreSQL keeps no more, and the MAC must match what is read back.
        var at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var hash = key.row(head.hash(), seq, at, code, actor, subject, result, details);
        jdbc.sql("""
                insert into audit.audit_event (seq, occurred_at, code, actor, subject, result, details, prev_hash, hash, format)
                values (:seq, :at, :code, :actor, :subject, :result, :details, :prev, :hash, :format)""")
                .param("seq", seq)
                .param("at", Timestamp.from(at))
                .param("code", code)
                .param("actor", actor)
                .param("subject", subject)
                .param("result", result)
                .param("details", details)
                .param("prev", head.hash())
                .param("hash", hash)
                .param("format", KEYED)
                .update();
        var moved = new Head(seq, hash, key.head(seq, hash));
        jdbc.sql("update audit.chain_head set last_seq = :seq, hash = :hash, mac = :mac where id = 1")
                .param("seq", moved.seq())
                .param("hash", moved.hash())
                .param("mac", moved.mac())
                .update();
        return moved;
    }

    private Head head(boolean lock) {
        return jdbc.sql("select last_seq, hash, mac from audit.chain_head where id = 1" + (lock ? " for update" : ""))
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .single();
    }

    /** The hash of a row written before the chain was keyed; kept only to verify those rows. */
    static String unkeyed(
            String prev,
            long seq,
            Instant at,
            String code,
            @Nullable String actor,
            String subject,
            String result,
            String details) {
        var text = String.join(
                "\u001f",
                prev,
                Long.toString(seq),
                at.toString(),
                code,
                actor == null ? "" : actor,
                subject,
                result,
                details);
        return GmCrypto.hex(GmCrypto.sm3(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Details as sorted key=value lines, so that the MAC does not depend on map order. A backslash, a line break or
     * (in a key) an equals sign is escaped, so that one entry cannot pose as two.
     */
    static String canonical(Map<String, String> details) {
        var sb = new StringBuilder();
        new TreeMap<>(details)
                .forEach((k, v) -> sb.append(escape(k).replace("=", "\\="))
                        .append('=')
                        .append(escape(v))
                        .append('\n'));
        return sb.toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }

    private record Head(long seq, String hash, @Nullable String mac) {}

    /** The trail's own happenings. */
    public enum ChainAudit implements AuditCode {
        AUDIT_CHAIN_KEYED,
        /** The auditor exported entries of the trail as CSV: the filters and the number of rows. */
        AUDIT_TRAIL_EXPORTED
    }
}
