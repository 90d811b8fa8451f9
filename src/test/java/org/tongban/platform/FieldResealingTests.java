package org.tongban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.IntegrationTest;
import org.tongban.platform.internal.KeyProperties;
import org.tongban.platform.internal.KeyRing;

/** Finding 16 of issue 9: after a rotation of the field key, the start-up step reseals what the old key sealed. */
class FieldResealingTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theReEncryptStepMovesValuesOfFieldKeyV1ToV2AndTheyStillRead() throws Exception {
        var v1 = Base64.getEncoder().encodeToString(new byte[16]);
        var v2 = Base64.getEncoder()
                .encodeToString("0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        var index = Base64.getEncoder().encodeToString(new byte[32]);
        var before = new FieldProtection(new KeyRing(new KeyProperties(v1, index, "", 1, null), new MockEnvironment()));
        var after =
                new FieldProtection(new KeyRing(new KeyProperties(v2, index, "", 2, "1:" + v1), new MockEnvironment()));
        // The application's role creates no tables (ADR 0014): a temporary one, in one transaction (one connection),
        // which the resealing's own transactions join.
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("create temporary table reseal_probe (id text primary key, sealed bytea) on commit drop")
                    .update();
            for (int i = 0; i < 450; i++) {
                var id = "row-" + i;
                jdbc.sql("insert into reseal_probe values (:id, :s)")
                        .param("id", id)
                        .param("s", before.encrypt("1380013" + String.format("%04d", i), context(id)))
                        .update();
            }
            var resealing = new FieldResealing(jdbc, after, transactions);
            assertThat(resealing.reseal("reseal_probe", "id", "text", "sealed", FieldResealingTests::context))
                    .isEqualTo(450);
            assertThat(jdbc.sql("select count(*) from reseal_probe where get_byte(sealed, 0) <> 2")
                            .query(Long.class)
                            .single())
                    .isZero();
            var sealed = jdbc.sql("select sealed from reseal_probe where id = 'row-7'")
                    .query(byte[].class)
                    .single();
            assertThat(after.decrypt(sealed, context("row-7"))).isEqualTo("13800130007");
            assertThat(resealing.reseal("reseal_probe", "id", "text", "sealed", FieldResealingTests::context))
                    .isZero();
        });
    }

    private static String context(String id) {
        return FieldProtection.place("reseal_probe", id, "sealed");
    }
}
