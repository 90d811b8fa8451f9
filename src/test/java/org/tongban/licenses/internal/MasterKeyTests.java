package org.tongban.licenses.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FileReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Period;
import java.util.Base64;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.transaction.PlatformTransactionManager;
import org.tongban.IntegrationTest;

/**
 * The master key that wraps the signing keys: a development key is generated only outside production, production
 * refuses to start without a key, a node with another key than the key store's refuses, and production refuses a key
 * store that was created under a development key even when given that key explicitly.
 */
class MasterKeyTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    LicenseProperties properties;

    static LicenseProperties with(String key, String devFile) {
        return new LicenseProperties(
                key,
                devFile,
                Period.ofYears(1),
                Period.ofYears(10),
                Period.ofYears(20),
                Duration.ofHours(24),
                Duration.ofMinutes(5),
                1000,
                1,
                "",
                "http://localhost:8080");
    }

    static MockEnvironment production() {
        var environment = new MockEnvironment();
        environment.setActiveProfiles("production");
        return environment;
    }

    @Test
    void productionRefusesToStartWithoutAMasterKeyAndNeverGeneratesOne() {
        assertThatThrownBy(() -> new MasterKey(with("", "target/test-data/never.properties"), production()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TONGBAN_LICENCE_MASTER_KEY");
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("target/test-data/never.properties")))
                .isFalse();
    }

    @Test
    void aKeyOfTheWrongLengthOrNotBase64IsRefused() {
        assertThatThrownBy(() -> new MasterKey(with("c2hvcnQ=", ""), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("16 bytes");
        assertThatThrownBy(() -> new MasterKey(with("not base64!", ""), new MockEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("base64");
    }

    @Test
    void aNodeWithAnotherMasterKeyRefusesTheKeyStore() throws Exception {
        var other = new MasterKey(with(Base64.getEncoder().encodeToString(new byte[16]), ""), new MockEnvironment());
        var store = new SoftwareKeyStore(jdbc, other, properties, transactions, events, new MockEnvironment());
        assertThatThrownBy(store::checkMasterKey)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void productionRefusesAKeyStoreMadeUnderTheDevelopmentKey() throws Exception {
        // The test platform runs on a generated development key; production given that very key still refuses.
        var file = new Properties();
        try (var in = new FileReader(properties.devKeyFile(), StandardCharsets.UTF_8)) {
            file.load(in);
        }
        var key = new MasterKey(with(file.getProperty("licence-master-key"), ""), production());
        var store = new SoftwareKeyStore(jdbc, key, properties, transactions, events, production());
        assertThatThrownBy(store::checkMasterKey)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("development master key");
    }

    @Test
    void signingKeysWrappedUnderMasterKeyV1StillSignAfterRotationToV2AndAreRewrapped() throws Exception {
        var file = new Properties();
        try (var in = new FileReader(properties.devKeyFile(), StandardCharsets.UTF_8)) {
            file.load(in);
        }
        var v1 = file.getProperty("licence-master-key");
        var fresh = new byte[16];
        new java.security.SecureRandom().nextBytes(fresh);
        var v2 = Base64.getEncoder().encodeToString(fresh);
        var rotatedProperties = new LicenseProperties(
                v2,
                "",
                Period.ofYears(1),
                Period.ofYears(10),
                Period.ofYears(20),
                Duration.ofHours(24),
                Duration.ofMinutes(5),
                1000,
                2,
                "1:" + v1,
                "http://localhost:8080");
        var rotated = new MasterKey(rotatedProperties, new MockEnvironment());
        // The test platform's keys stay as they were: what this test rewraps is put back afterwards.
        var saved = jdbc.sql("select kid, private_key, master_version from licenses.signing_key")
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getInt(3)})
                .list();
        var savedStore = jdbc.sql("select check_value, master_version from licenses.key_store where id = 1")
                .query((rs, i) -> new Object[] {rs.getBytes(1), rs.getInt(2)})
                .single();
        try {
            var store = new SoftwareKeyStore(jdbc, rotated, properties, transactions, events, new MockEnvironment());
            store.checkMasterKey();
            assertThat(jdbc.sql("select count(*) from licenses.signing_key where master_version <> 2")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select master_version from licenses.key_store")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(2);
            var kid = (String) saved.getFirst()[0];
            var data = "signed after the rotation".getBytes(StandardCharsets.UTF_8);
            var signature = store.sign(kid, data);
            var publicKey = org.tongban.verifier.Sm2.publicKey(
                    store.key(kid).orElseThrow().publicKey());
            assertThat(org.tongban.verifier.Sm2.verify(publicKey, data, signature))
                    .isTrue();
            // A node that has only the old master key no longer opens the store.
            var stale = new SoftwareKeyStore(
                    jdbc,
                    new MasterKey(with(v1, ""), new MockEnvironment()),
                    properties,
                    transactions,
                    events,
                    new MockEnvironment());
            assertThatThrownBy(stale::checkMasterKey)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("version 2");
        } finally {
            for (var row : saved) {
                jdbc.sql("update licenses.signing_key set private_key = :p, master_version = :v where kid = :k")
                        .param("p", row[1])
                        .param("v", row[2])
                        .param("k", row[0])
                        .update();
            }
            jdbc.sql("update licenses.key_store set check_value = :c, master_version = :v where id = 1")
                    .param("c", savedStore[0])
                    .param("v", savedStore[1])
                    .update();
        }
    }
}
