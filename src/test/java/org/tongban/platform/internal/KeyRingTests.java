package org.tongban.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class KeyRingTests {

    @TempDir
    Path dir;

    @Test
    void productionRefusesToStartWithoutKeys() {
        var env = new MockEnvironment();
        env.setActiveProfiles("production");
        assertThatThrownBy(() ->
                        new KeyRing(new KeyProperties("", "", dir.resolve("k").toString()), env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("TONGBAN_FIELD_KEY");
        assertThat(Files.exists(dir.resolve("k"))).isFalse();
    }

    @Test
    void developmentGeneratesKeysOnceAndKeepsThem() throws Exception {
        var file = dir.resolve("dev-keys.properties");
        var first = new KeyRing(new KeyProperties("", "", file.toString()), new MockEnvironment());
        var second = new KeyRing(new KeyProperties("", "", file.toString()), new MockEnvironment());
        assertThat(first.isDevelopmentKey()).isTrue();
        assertThat(second.fieldKeyForPlatform()).isEqualTo(first.fieldKeyForPlatform());
        assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefused() {
        var shortKey = Base64.getEncoder().encodeToString(new byte[8]);
        var indexKey = Base64.getEncoder().encodeToString(new byte[32]);
        assertThatThrownBy(() -> new KeyRing(new KeyProperties(shortKey, indexKey, ""), new MockEnvironment()))
                .hasMessageContaining("16 bytes");
    }

    @Test
    void keysFromTheEnvironmentAreUsedAsGiven() throws Exception {
        var field = new byte[16];
        field[0] = 7;
        var env = new MockEnvironment();
        env.setActiveProfiles("production");
        var ring = new KeyRing(
                new KeyProperties(
                        Base64.getEncoder().encodeToString(field),
                        Base64.getEncoder().encodeToString(new byte[32]),
                        ""),
                env);
        assertThat(ring.isDevelopmentKey()).isFalse();
        assertThat(ring.fieldKeyForPlatform()).isEqualTo(field);
    }
}
