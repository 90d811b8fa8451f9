package org.tongban.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import org.tongban.platform.internal.KeyProperties;
import org.tongban.platform.internal.KeyRing;

/** Finding 16 of issue 9: the field key rotates (versioned) without losing what older keys sealed. */
class FieldKeyRotationTests {

    private static final String PHONE = "13800138000";
    private static final String PLACE = FieldProtection.place("cases.case_file", "TB-1", "form");

    @TempDir
    Path dir;

    @Test
    void aValueWrittenUnderFieldKeyV1StillReadsAfterRotationToV2() {
        var v1 = key(1);
        var v2 = key(2);
        var before = protection(v1, 1, null);
        var sealed = before.encrypt(PHONE, PLACE);
        assertThat(FieldProtection.versionOf(sealed)).isEqualTo(1);

        var after = protection(v2, 2, "1:" + v1);
        assertThat(after.decrypt(sealed, PLACE)).isEqualTo(PHONE);
        var fresh = after.encrypt(PHONE, PLACE);
        assertThat(FieldProtection.versionOf(fresh))
                .as("new writes use the newest key")
                .isEqualTo(2);
        assertThat(after.sealedWithOlderKey(sealed)).isTrue();
        var resealed = after.reseal(sealed, PLACE);
        assertThat(FieldProtection.versionOf(resealed)).isEqualTo(2);
        assertThat(after.decrypt(resealed, PLACE)).isEqualTo(PHONE);
        assertThat(after.sealedWithOlderKey(resealed)).isFalse();

        var withoutOld = protection(v2, 2, null);
        assertThatThrownBy(() -> withoutOld.decrypt(sealed, PLACE)).hasMessageContaining("version 1");
        assertThat(withoutOld.decrypt(resealed, PLACE)).isEqualTo(PHONE);
    }

    @Test
    void wrappedKeyMaterialStillUnwrapsAfterRotation() {
        var v1 = key(1);
        var wrapped = protection(v1, 1, null).wrap(new byte[] {1, 2, 3}, "identity.signing_key");
        assertThat(protection(key(2), 2, "1:" + v1).unwrap(wrapped, "identity.signing_key"))
                .containsExactly(1, 2, 3);
    }

    @Test
    void aValueMovedToAnotherRowDoesNotOpen() {
        var p = protection(key(1), 1, null);
        var sealed = p.encrypt(PHONE, FieldProtection.place("cases.case_file", "TB-1", "form"));
        assertThatThrownBy(() -> p.decrypt(sealed, FieldProtection.place("cases.case_file", "TB-2", "form")))
                .hasMessageContaining("authentication failed");
    }

    @Test
    void aDeveloperRotatesByAddingTheNextKeyToTheFile() throws Exception {
        var file = dir.resolve("dev-keys.properties");
        var first = new FieldProtection(new KeyRing(new KeyProperties("", "", file.toString()), new MockEnvironment()));
        var sealed = first.encrypt(PHONE, PLACE);
        Files.writeString(file, "field-encryption-key.2=" + key(9) + "\n", java.nio.file.StandardOpenOption.APPEND);
        var ring = new KeyRing(new KeyProperties("", "", file.toString()), new MockEnvironment());
        assertThat(ring.currentFieldKeyVersion()).isEqualTo(2);
        var second = new FieldProtection(ring);
        assertThat(second.decrypt(sealed, PLACE)).isEqualTo(PHONE);
        assertThat(FieldProtection.versionOf(second.encrypt(PHONE, PLACE))).isEqualTo(2);
    }

    @Test
    void aPreviousKeyNotOlderThanTheCurrentOneIsRefused() {
        assertThatThrownBy(() -> protection(key(2), 2, "2:" + key(1))).hasMessageContaining("not older");
        assertThatThrownBy(() -> protection(key(2), 2, "x:" + key(1))).hasMessageContaining("1 to 255");
    }

    private static FieldProtection protection(String field, int version, String previous) {
        var env = new MockEnvironment();
        env.setActiveProfiles("production");
        try {
            return new FieldProtection(new KeyRing(
                    new KeyProperties(field, Base64.getEncoder().encodeToString(new byte[32]), "", version, previous),
                    env));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String key(int seed) {
        var k = new byte[16];
        java.util.Arrays.fill(k, (byte) seed);
        return Base64.getEncoder().encodeToString(k);
    }
}
