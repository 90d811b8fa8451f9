package org.tongban.audit.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditEntryView;
import org.tongban.audit.Audited;
import org.tongban.audit.ChainVerification;
import org.tongban.shared.GmCrypto;

/**
 * Appends to and verifies the SM3 hash chain. Each row's hash covers its own content and the previous row's
 * hash, so changing, removing or re-ordering a row breaks every later link. Appends lock the single chain-head
 * row, which keeps the chain linear when several nodes write at once.
 */
@Component
public class AuditChain {

    private static final String GENESIS = "0".repeat(64);
    private final JdbcClient jdbc;

    AuditChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside a transaction: the head row stays locked until it commits. */
    public void append(Audited event) {
        var head = jdbc.sql("select last_seq, hash from audit.chain_head where id = 1 for update")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2)))
                .single();
        long seq = head.seq() + 1;
        // Microseconds: PostgreSQL keeps no more, and the hash must match what is read back.
        var at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var details = canonical(event.auditDetails());
        var code = event.auditCode().name();
        var result = event.auditResult().name();
        var hash = hash(head.hash(), seq, at, code, event.auditActor(), event.auditSubject(), result, details);
        jdbc.sql("""
                insert into audit.audit_event (seq, occurred_at, code, actor, subject, result, details, prev_hash, hash)
                values (:seq, :at, :code, :actor, :subject, :result, :details, :prev, :hash)""")
                .param("seq", seq)
                .param("at", Timestamp.from(at))
                .param("code", code)
                .param("actor", event.auditActor())
                .param("subject", event.auditSubject())
                .param("result", result)
                .param("details", details)
                .param("prev", head.hash())
                .param("hash", hash)
                .update();
        jdbc.sql("update audit.chain_head set last_seq = :seq, hash = :hash where id = 1")
                .param("seq", seq)
                .param("hash", hash)
                .update();
    }

    public ChainVerification verify() {
        var state = new Object() {
            String prev = GENESIS;
            long expectedSeq = 1;
            long checked = 0;
            @Nullable Long broken;
            @Nullable String reason;
        };
        jdbc.sql("select seq, occurred_at, code, actor, subject, result, details, prev_hash, hash "
                        + "from audit.audit_event order by seq")
                .query(rs -> {
                    if (state.broken != null) return;
                    long seq = rs.getLong("seq");
                    state.checked++;
                    if (seq != state.expectedSeq) {
                        state.broken = state.expectedSeq;
                        state.reason = "GAP";
                        return;
                    }
                    if (!state.prev.equals(rs.getString("prev_hash"))) {
                        state.broken = seq;
                        state.reason = "LINK_MISMATCH";
                        return;
                    }
                    var computed = hash(state.prev, seq, rs.getTimestamp("occurred_at").toInstant(),
                            rs.getString("code"), rs.getString("actor"), rs.getString("subject"),
                            rs.getString("result"), rs.getString("details"));
                    if (!computed.equals(rs.getString("hash"))) {
                        state.broken = seq;
                        state.reason = "HASH_MISMATCH";
                        return;
                    }
                    state.prev = computed;
                    state.expectedSeq = seq + 1;
                });
        if (state.broken == null) {
            // Rows removed from the end leave the head pointing past the last row.
            var head = jdbc.sql("select last_seq, hash from audit.chain_head where id = 1")
                    .query((rs, i) -> new Head(rs.getLong(1), rs.getString(2)))
                    .single();
            if (head.seq() != state.expectedSeq - 1 || !head.hash().equals(state.prev)) {
                state.broken = state.expectedSeq;
                state.reason = "GAP";
            }
        }
        return new ChainVerification(state.broken == null, state.checked, state.broken, state.reason);
    }

    public List<AuditEntryView> recent(int limit, @Nullable String code, @Nullable String actor) {
        return jdbc.sql("""
                select seq, occurred_at, code, actor, subject, result, details, hash from audit.audit_event
                 where (cast(:code as text) is null or code = :code)
                   and (cast(:actor as text) is null or actor = :actor)
                 order by seq desc limit :limit""")
                .param("code", code)
                .param("actor", actor)
                .param("limit", limit)
                .query((rs, i) -> new AuditEntryView(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("code"), rs.getString("actor"), rs.getString("subject"), rs.getString("result"),
                        rs.getString("details"), rs.getString("hash")))
                .list();
    }

    static String hash(String prev, long seq, Instant at, String code, @Nullable String actor, String subject,
            String result, String details) {
        var text = String.join("\u001f", prev, Long.toString(seq), at.toString(), code, actor == null ? "" : actor,
                subject, result, details);
        return GmCrypto.hex(GmCrypto.sm3(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Details as sorted key=value lines, so that the hash does not depend on map order. */
    static String canonical(Map<String, String> details) {
        var sb = new StringBuilder();
        new TreeMap<>(details).forEach((k, v) -> sb.append(k).append('=').append(v.replace('\n', ' ')).append('\n'));
        return sb.toString();
    }

    private record Head(long seq, String hash) {}
}
