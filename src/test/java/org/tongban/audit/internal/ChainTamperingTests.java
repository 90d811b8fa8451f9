package org.tongban.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.Timestamp;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.tongban.IntegrationTest;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.TestAudited;

/**
 * Issue 9, finding 13: someone with the database's rights tries to rewrite the trail. The application's own login
 * may only append; the schemas' owner, who can switch the guards off, is caught by the key and the checkpoints. Each
 * attack runs as the owner on one connection, which the chain under test reads, and is rolled back.
 */
class ChainTamperingTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Autowired
    AuditManagement audit;

    @Autowired
    ChainKey key;

    @TempDir
    Path dir;

    @Test
    void theApplicationsLoginMayOnlyAppendToTheTrail() {
        audit.recordNow(new TestAudited("a"));
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("tongban_app");
        refused("update audit.audit_event set subject = 'x' where seq = 1", "permission denied");
        refused("delete from audit.audit_event where seq = 1", "permission denied");
        refused("truncate audit.audit_event", "permission denied");
        refused("delete from audit.chain_head", "permission denied");
        refused("alter table audit.audit_event disable trigger audit_event_append_only", "must be owner");
    }

    @Test
    void theProductionProfileRefusesALoginThatCouldRewriteTheTrail() {
        assertThat(new TrailPrivileges(jdbc, environment).problems()).isEmpty();
        var production = new org.springframework.mock.env.MockEnvironment();
        production.setActiveProfiles("production");
        asOwner((owner, chain) -> {
            var asOwner = new TrailPrivileges(owner, production);
            assertThat(asOwner.problems())
                    .anySatisfy(p -> assertThat(p).contains("owns audit.audit_event"))
                    .anySatisfy(p -> assertThat(p).contains("may delete from it"));
            assertThatThrownBy(asOwner::afterSingletonsInstantiated)
                    .hasMessageContaining("can rewrite the audit trail");
        });
    }

    @Test
    void theOwnerIsStoppedByTheTriggersUnlessSwitchingThemOff() {
        audit.recordNow(new TestAudited("a"));
        asOwner((owner, chain) -> assertThatThrownBy(
                        () -> owner.sql("update audit.audit_event set subject = 'x' where seq = 1")
                                .update())
                .hasMessageContaining("append-only"));
        asOwner((owner, chain) -> assertThatThrownBy(
                        () -> owner.sql("delete from audit.audit_event").update())
                .hasMessageContaining("append-only"));
    }

    @Test
    void aTailDeleteWithTheHeadMovedBackIsDetected() {
        asOwner((owner, chain) -> {
            chain.append(new TestAudited("kept"));
            chain.append(new TestAudited("removed"));
            var last = lastRow(owner);
            unguarded(
                    owner,
                    () -> owner.sql("delete from audit.audit_event where seq = :seq")
                            .param("seq", last.seq())
                            .update());
            // The head moved back to the row before: without the key there is no valid MAC to put with it.
            var before = owner.sql("select hash from audit.audit_event where seq = :seq")
                    .param("seq", last.seq() - 1)
                    .query(String.class)
                    .single();
            owner.sql("update audit.chain_head set last_seq = :seq, hash = :hash, mac = null")
                    .param("seq", last.seq() - 1)
                    .param("hash", before)
                    .update();
            var result = chain.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.reason()).isEqualTo("HEAD_MISMATCH");
            assertThat(result.firstBroken()).isEqualTo(last.seq() - 1);
        });
    }

    @Test
    void aTailCutOffBehindAnEarlierHeadIsCaughtByTheCheckpointOutsideTheDatabase() {
        asOwner((owner, chain) -> {
            chain.append(new TestAudited("kept"));
            // The owner saved the head at this point, MAC and all, and puts it back after the cut.
            var saved = owner.sql("select last_seq, hash, mac from audit.chain_head")
                    .query((rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)})
                    .single();
            chain.append(new TestAudited("removed 1"));
            chain.append(new TestAudited("removed 2"));
            chain.checkpoint();
            unguarded(
                    owner,
                    () -> owner.sql("delete from audit.audit_event where seq > :seq")
                            .param("seq", saved[0])
                            .update());
            owner.sql("update audit.chain_head set last_seq = :seq, hash = :hash, mac = :mac")
                    .param("seq", saved[0])
                    .param("hash", saved[1])
                    .param("mac", saved[2])
                    .update();
            var result = chain.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.reason()).isEqualTo("TRUNCATED");
            assertThat(result.firstBroken()).isEqualTo((long) saved[0] + 1);
        });
    }

    @Test
    void aRowRewrittenWithAHashRecomputedWithoutTheKeyIsDetectedAtThatRow() {
        asOwner((owner, chain) -> {
            chain.append(new TestAudited("original"));
            assertThat(chain.verify().intact()).isTrue();
            var last = lastRow(owner);
            // The published SM3 form is easy to recompute; the keyed form is not.
            var forged = AuditChain.unkeyed(
                    last.prev(),
                    last.seq(),
                    last.at().toInstant(),
                    last.code(),
                    last.actor(),
                    "forged",
                    last.result(),
                    last.details());
            unguarded(
                    owner,
                    () -> owner.sql("update audit.audit_event set subject = 'forged', hash = :hash, format = 1 "
                                    + "where seq = :seq")
                            .param("hash", forged)
                            .param("seq", last.seq())
                            .update());
            owner.sql("update audit.chain_head set hash = :hash")
                    .param("hash", forged)
                    .update();
            var result = chain.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(last.seq());
            assertThat(result.reason()).isEqualTo("HASH_MISMATCH");
        });
    }

    @Test
    void anUnkeyedChainIsKeyedFromAMarkedPointThatSealsTheRowsBefore() {
        asOwner((owner, chain) -> {
            // A trail written before the chain had a key: two rows in the old form.
            unguarded(owner, () -> owner.sql("delete from audit.audit_event").update());
            var prev = "0".repeat(64);
            for (long seq = 1; seq <= 2; seq++) prev = insertUnkeyed(owner, seq, prev, "old " + seq);
            owner.sql("update audit.chain_head set last_seq = 2, hash = :hash, mac = null")
                    .param("hash", prev)
                    .update();
            assertThat(chain.verify().intact()).isTrue();

            // The first append after the upgrade marks the point before its own row; the start-up finds it done.
            chain.append(new TestAudited("new"));
            chain.markKeyed();
            assertThat(owner.sql("select code from audit.audit_event where seq >= 3 order by seq")
                            .query(String.class)
                            .list())
                    .containsExactly("AUDIT_CHAIN_KEYED", "TEST_EVENT");
            assertThat(chain.verify().intact()).isTrue();

            // Rewriting an old row and recomputing the old rows' hashes no longer fits the keyed row after them.
            unguarded(
                    owner,
                    () -> owner.sql("delete from audit.audit_event where seq <= 2")
                            .update());
            var rewritten = insertUnkeyed(owner, 1, "0".repeat(64), "rewritten");
            insertUnkeyed(owner, 2, rewritten, "old 2");
            var result = chain.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.firstBroken()).isEqualTo(3);
            assertThat(result.reason()).isEqualTo("LINK_MISMATCH");
        });
    }

    private void refused(String sql, String why) {
        assertThatThrownBy(() -> jdbc.sql(sql).update()).rootCause().hasMessageContaining(why);
    }

    private String insertUnkeyed(JdbcClient owner, long seq, String prev, String subject) {
        var at = java.time.Instant.parse("2026-01-0" + seq + "T08:00:00Z");
        var hash = AuditChain.unkeyed(prev, seq, at, "TEST_EVENT", "test", subject, "SUCCESS", "");
        owner.sql("""
                insert into audit.audit_event (seq, occurred_at, code, actor, subject, result, details, prev_hash, hash, format)
                values (:seq, :at, 'TEST_EVENT', 'test', :subject, 'SUCCESS', '', :prev, :hash, 1)""")
                .param("seq", seq)
                .param("at", Timestamp.from(at))
                .param("subject", subject)
                .param("prev", prev)
                .param("hash", hash)
                .update();
        return hash;
    }

    private record Row(
            long seq,
            Timestamp at,
            String code,
            String actor,
            String subject,
            String result,
            String details,
            String prev) {}

    private static Row lastRow(JdbcClient owner) {
        return owner.sql(
                        "select seq, occurred_at, code, actor, subject, result, details, prev_hash from audit.audit_event "
                                + "order by seq desc limit 1")
                .query((rs, i) -> new Row(
                        rs.getLong(1),
                        rs.getTimestamp(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .single();
    }

    /** What an owner does first: switch the append-only guard off. */
    private static void unguarded(JdbcClient owner, Runnable change) {
        owner.sql("alter table audit.audit_event disable trigger audit_event_append_only")
                .update();
        change.run();
        owner.sql("alter table audit.audit_event enable trigger audit_event_append_only")
                .update();
    }

    /**
     * As the schemas' owner (the migrations' login), in one transaction that is rolled back: the head is locked
     * meanwhile, so that the platform's own appends wait instead of mixing in. The chain reads that connection and
     * keeps its checkpoints in a file of its own.
     */
    private void asOwner(BiConsumer<JdbcClient, AuditChain> attack) {
        var url = ((HikariDataSource) dataSource).getJdbcUrl();
        try (var connection = DriverManager.getConnection(
                url,
                environment.getRequiredProperty("spring.flyway.user"),
                environment.getProperty("spring.flyway.password", ""))) {
            connection.setAutoCommit(false);
            try {
                var owner = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                owner.sql("set search_path to workflow, identity, public").update();
                owner.sql("lock table audit.chain_head in exclusive mode").update();
                attack.accept(owner, new AuditChain(owner, key, new Checkpoints(dir.resolve("checkpoints.log"), key)));
            } finally {
                connection.rollback();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
