package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/** The review's low finding: Argon2 ran below OWASP's minimum (m=19 MiB, t=2, p=1). */
class PasswordHashTests {

    @Test
    void newPasswordsAreHashedWithArgon2idAtTheOwaspMinimum() {
        var hash = SecurityConfiguration.argon2().encode("Tongban@2026");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(SecurityConfiguration.argon2().matches("Tongban@2026", hash)).isTrue();
    }

    @Test
    void hashesMadeWithTheOldParametersStillVerify() {
        var old = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode("Tongban@2026");
        assertThat(old).contains("m=16384");
        assertThat(SecurityConfiguration.argon2().matches("Tongban@2026", old)).isTrue();
    }
}
