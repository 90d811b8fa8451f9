package org.tongban.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.IntegrationTest;

/**
 * Attacks on the call log by the schema's owner, who can lift the application's append-only guard. Each runs on one
 * owner connection, which the log under test reads, and is rolled back: an entry recomputed with its hash and the
 * head (SM3 has no key) still disagrees with the signed head; a tail cut off behind a signature shows as truncated.
 */
class CallLogTamperingTests extends IntegrationTest {

    @Autowired
    CallLog log;

    @Autowired
    LogKey key;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Clock clock;

    @Autowired
    DataSource dataSource;

    @Value("${spring.flyway.user:postgres}")
    String ownerUser;

    @Value("${spring.flyway.password:}")
    String ownerPassword;

    interface Attack {
        void run(JdbcClient owner, CallLog seenByOwner) throws Exception;
    }

    void asOwner(Attack attack) throws Exception {
        var url = ((HikariDataSource) dataSource).getJdbcUrl();
        try (Connection c = DriverManager.getConnection(url, ownerUser, ownerPassword)) {
            c.setAutoCommit(false);
            try {
                var jdbc = JdbcClient.create(new SingleConnectionDataSource(c, true));
                attack.run(jdbc, new CallLog(jdbc, key, tx, clock));
            } finally {
                c.rollback();
            }
        }
    }

    long signedEntry() {
        for (int i = 0; i < 2; i++) {
            log.append(new CallLog.Entry(
                    "exchange-test",
                    UUID.randomUUID(),
                    "440100-SCJG",
                    "测试用途",
                    "POPULATION_BASIC",
                    new byte[] {1, 2, 3},
                    "4401**********1231",
                    java.util.List.of("name"),
                    "OK",
                    null));
        }
        return log.signHead();
    }

    @Test
    void anEntryRecomputedUnderASignedHeadIsCaught() throws Exception {
        long signed = signedEntry();
        assertThat(log.verify().intact()).isTrue();
        asOwner((owner, seen) -> {
            var row = owner.sql(
                            "select called_at, client_id, request_id, requester_department, resource_code, subject_idx,"
                                    + " subject_masked, fields, result, reason, prev_hash from exchange.call_log where seq = :s")
                    .param("s", signed)
                    .query((rs, i) -> Map.<String, Object>of(
                            "at", rs.getTimestamp(1).toInstant(),
                            "client", rs.getString(2),
                            "request", rs.getObject(3, UUID.class).toString(),
                            "dept", rs.getString(4),
                            "resource", rs.getString(5),
                            "idx", org.tongban.shared.GmCrypto.hex(rs.getBytes(6)),
                            "masked", rs.getString(7),
                            "fields", rs.getString(8),
                            "result", rs.getString(9),
                            "prev", rs.getString(11)))
                    .single();
            var forged = CallLog.hash(
                    (String) row.get("prev"),
                    signed,
                    (java.time.Instant) row.get("at"),
                    (String) row.get("client"),
                    (String) row.get("request"),
                    (String) row.get("dept"),
                    "另一用途",
                    (String) row.get("resource"),
                    (String) row.get("idx"),
                    (String) row.get("masked"),
                    (String) row.get("fields"),
                    (String) row.get("result"),
                    null);
            owner.sql("update exchange.call_log set purpose = '另一用途', hash = :h where seq = :s")
                    .param("h", forged)
                    .param("s", signed)
                    .update();
            // Later entries link to the forged hash too, and the head names it: the chain itself is consistent.
            owner.sql("update exchange.call_log set prev_hash = :h where seq = :s")
                    .param("h", forged)
                    .param("s", signed + 1)
                    .update();
            owner.sql("delete from exchange.call_log where seq > :s")
                    .param("s", signed)
                    .update();
            owner.sql("update exchange.log_head set seq = :s, hash = :h")
                    .param("s", signed)
                    .param("h", forged)
                    .update();
            var result = seen.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.brokenAt()).isEqualTo(signed);
            assertThat(result.reason()).isEqualTo("HASH_MISMATCH");
        });
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aTailCutOffBehindASignatureIsCaught() throws Exception {
        long signed = signedEntry();
        asOwner((owner, seen) -> {
            var prev = owner.sql("select prev_hash from exchange.call_log where seq = :s")
                    .param("s", signed)
                    .query(String.class)
                    .single();
            owner.sql("delete from exchange.call_log where seq >= :s")
                    .param("s", signed)
                    .update();
            owner.sql("update exchange.log_head set seq = :s, hash = :h")
                    .param("s", signed - 1)
                    .param("h", prev)
                    .update();
            var result = seen.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.reason()).isEqualTo("TRUNCATED");
        });
    }

    @Test
    void anAlteredSignatureIsCaught() throws Exception {
        long signed = signedEntry();
        asOwner((owner, seen) -> {
            owner.sql("update exchange.head_signature set signature = :x where seq = :s")
                    .param("x", new byte[] {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01})
                    .param("s", signed)
                    .update();
            var result = seen.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.reason()).isEqualTo("SIGNATURE_INVALID");
        });
    }
}
