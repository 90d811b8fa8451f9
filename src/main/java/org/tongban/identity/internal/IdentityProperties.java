package org.tongban.identity.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Sign-in rules (等保 level 3: login-failure handling, timeouts) and the relying party of passkeys.
 *
 * @param maxFailedAttempts       failures in a row that lock an account
 * @param lockDuration            how long a lock lasts
 * @param absoluteSessionTimeout  a session ends this long after sign-in, however active
 * @param oneTimeCodeTtl          validity of a one-time code
 * @param passkeys                WebAuthn relying party
 * @param issuer                  the OAuth2/OIDC issuer URL of this platform
 */
@ConfigurationProperties(prefix = "tongban.security", ignoreUnknownFields = false)
public record IdentityProperties(
        int maxFailedAttempts,
        Duration lockDuration,
        Duration absoluteSessionTimeout,
        Duration oneTimeCodeTtl,
        Passkeys passkeys,
        String issuer) {

    /**
     * @param rpId           the relying party id: the site's host name
     * @param rpName         shown by the authenticator
     * @param allowedOrigins origins the ceremonies may run on, comma separated in the environment
     */
    public record Passkeys(String rpId, String rpName, List<String> allowedOrigins) {}
}
