package org.tongban.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.GmCrypto;

/**
 * The exchange's call log (ADR 0032): an SM3 hash chain, each entry's hash covering its content (length-prefixed
 * fields) and its predecessor's hash, appended under a lock of the single head row; the head is signed with the
 * exchange's SM2 key ({@link LogKey}) every few minutes. Changing, removing or re-ordering an entry breaks the chain
 * from there; an entry recomputed by someone with database access (SM3 has no key) still disagrees with the signed
 * head it lies under, and a tail cut off behind a signature shows as truncated.
 */
@Component("exchangeCallLog")
public class CallLog {

    static final String GENESIS = "0".repeat(64);
    private static final Logger log = LoggerFactory.getLogger(CallLog.class);

    /** One call, as the gateway logs it. */
    public record Entry(
            String clientId,
            @Nullable UUID request,
            @Nullable String requesterDepartment,
            @Nullable String purpose,
            String resource,
            byte[] subjectIndex,
            String subjectMasked,
            List<String> fields,
            String result,
            @Nullable String reason) {}

    private final JdbcClient jdbc;
    private final LogKey key;
    private final TransactionTemplate tx;
    private final Clock clock;

    CallLog(JdbcClient jdbc, LogKey key, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.tx = tx;
        this.clock = clock;
    }

    /** Appends in a transaction of its own (a refused call is logged although the call fails); returns the seq. */
    public long append(Entry e) {
        var seq = tx.execute(s -> {
            var head = jdbc.sql("select seq, hash from exchange.log_head where id = 1 for update")
                    .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)})
                    .single();
            long next = (Long) head[0] + 1;
            var prev = (String) head[1];
            var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var fields = String.join(",", e.fields());
            var hash = hash(
                    prev,
                    next,
                    at,
                    e.clientId(),
                    e.request() == null ? null : e.request().toString(),
                    e.requesterDepartment(),
                    e.purpose(),
                    e.resource(),
                    GmCrypto.hex(e.subjectIndex()),
                    e.subjectMasked(),
                    fields,
                    e.result(),
                    e.reason());
            jdbc.sql("""
                    insert into exchange.call_log (seq, called_at, client_id, request_id, requester_department, purpose,
                           resource_code, subject_idx, subject_masked, fields, result, reason, prev_hash, hash)
                    values (:seq, :at, :c, :r, :d, :p, :res, :idx, :m, :f, :result, :reason, :prev, :hash)""")
                    .param("seq", next)
                    .param("at", Timestamp.from(at))
                    .param("c", e.clientId())
                    .param("r", e.request())
                    .param("d", e.requesterDepartment())
                    .param("p", e.purpose())
                    .param("res", e.resource())
                    .param("idx", e.subjectIndex())
                    .param("m", e.subjectMasked())
                    .param("f", fields)
                    .param("result", e.result())
                    .param("reason", e.reason())
                    .param("prev", prev)
                    .param("hash", hash)
                    .update();
            jdbc.sql("update exchange.log_head set seq = :s, hash = :h where id = 1")
                    .param("s", next)
                    .param("h", hash)
                    .update();
            return next;
        });
        return java.util.Objects.requireNonNull(seq);
    }

    static String hash(
            String prev,
            long seq,
            Instant at,
            String client,
            @Nullable String request,
            @Nullable String department,
            @Nullable String purpose,
            String resource,
            String subjectIdx,
            String masked,
            String fields,
            String result,
            @Nullable String reason) {
        var sb = new StringBuilder();
        for (var f : new @Nullable String[] {
            prev,
            Long.toString(seq),
            at.toString(),
            client,
            request,
            department,
            purpose,
            resource,
            subjectIdx,
            masked,
            fields,
            result,
            reason
        }) {
            if (f == null) sb.append("-;");
            else sb.append(f.length()).append(':').append(f).append(';');
        }
        return GmCrypto.hex(GmCrypto.sm3(sb.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] signedForm(long seq, String hash, Instant at, String kid) {
        return ("tongban-exchange-log-head;" + seq + ";" + hash + ";" + at + ";" + kid)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Signs the head when it moved since the last signature; returns the signed seq (0 for an empty log). */
    @Scheduled(
            fixedDelayString = "${tongban.exchange.sign-every:PT5M}",
            initialDelayString = "${tongban.exchange.sign-every:PT5M}")
    public long signHead() {
        var signed = tx.execute(s -> {
            var head = jdbc.sql("select seq, hash from exchange.log_head where id = 1 for update")
                    .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)})
                    .single();
            long seq = (Long) head[0];
            if (seq == 0) return 0L;
            var last = jdbc.sql("select max(seq) from exchange.head_signature")
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (last != null && last >= seq) return seq;
            var at = clock.instant().truncatedTo(ChronoUnit.MICROS);
            var hash = (String) head[1];
            jdbc.sql("""
                    insert into exchange.head_signature (seq, hash, signed_at, key_id, signature)
                    values (:s, :h, :at, :k, :sig)""")
                    .param("s", seq)
                    .param("h", hash)
                    .param("at", Timestamp.from(at))
                    .param("k", key.kid())
                    .param("sig", key.sign(signedForm(seq, hash, at, key.kid())))
                    .update();
            return seq;
        });
        log.debug("Exchange call log head signed at {}", signed);
        return java.util.Objects.requireNonNull(signed);
    }

    /** Recomputes the whole chain and checks every head signature against it. */
    public LogVerification verify() {
        var state = new Object() {
            String prev = GENESIS;
            long expected = 1;
            long checked;
            java.util.Map<Long, String> hashes = new java.util.HashMap<>();

            @Nullable
            Long broken;

            @Nullable
            String reason;
        };
        var signatures = jdbc.sql(
                        "select seq, hash, signed_at, key_id, signature from exchange.head_signature order by seq")
                .query((rs, i) -> new Object[] {
                    rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getBytes(5)
                })
                .list();
        java.util.Set<Long> wanted = new java.util.HashSet<>();
        for (var sig : signatures) wanted.add((Long) sig[0]);
        jdbc.sql("""
                select seq, called_at, client_id, request_id, requester_department, purpose, resource_code, subject_idx,
                       subject_masked, fields, result, reason, prev_hash, hash from exchange.call_log order by seq""").query(rs -> {
            if (state.broken != null) return;
            long seq = rs.getLong(1);
            state.checked++;
            if (seq != state.expected) {
                state.broken = state.expected;
                state.reason = "GAP";
                return;
            }
            if (!state.prev.equals(rs.getString(13))) {
                state.broken = seq;
                state.reason = "LINK_MISMATCH";
                return;
            }
            var request = rs.getObject(4, UUID.class);
            var computed = hash(
                    state.prev,
                    seq,
                    rs.getTimestamp(2).toInstant(),
                    rs.getString(3),
                    request == null ? null : request.toString(),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    GmCrypto.hex(rs.getBytes(8)),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12));
            if (!computed.equals(rs.getString(14))) {
                state.broken = seq;
                state.reason = "HASH_MISMATCH";
                return;
            }
            if (wanted.contains(seq)) state.hashes.put(seq, computed);
            state.prev = computed;
            state.expected = seq + 1;
        });
        long signedUpTo = 0;
        if (state.broken == null) {
            var head = jdbc.sql("select seq, hash from exchange.log_head where id = 1")
                    .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2)})
                    .single();
            if ((Long) head[0] != state.expected - 1 || !state.prev.equals(head[1])) {
                state.broken = state.expected;
                state.reason = "HEAD_MISMATCH";
            }
        }
        for (var sig : signatures) {
            if (state.broken != null) break;
            long seq = (Long) sig[0];
            var hash = (String) sig[1];
            if (!key.verify(signedForm(seq, hash, (Instant) sig[2], (String) sig[3]), (byte[]) sig[4])) {
                state.broken = seq;
                state.reason = "SIGNATURE_INVALID";
            } else if (seq > state.expected - 1) {
                state.broken = state.expected;
                state.reason = "TRUNCATED";
            } else if (!hash.equals(state.hashes.get(seq))) {
                // The entries under a signed head were recomputed: their hash is not the one signed.
                state.broken = seq;
                state.reason = "HASH_MISMATCH";
            } else {
                signedUpTo = seq;
            }
        }
        return new LogVerification(state.broken == null, state.checked, signedUpTo, state.broken, state.reason);
    }
}
