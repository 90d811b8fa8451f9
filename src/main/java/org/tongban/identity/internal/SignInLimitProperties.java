package org.tongban.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on one-time codes and password checks (issue 9, finding 9; ADR 0011). Per-address limits are the
 * platform's ({@code tongban.rate-limits}).
 *
 * @param codeCooldown             at most one code per phone, and per identifier typed, in this time
 * @param codesPerDay              at most this many codes per phone, and per identifier, in 24 hours
 * @param concurrentPasswordChecks password hashes computed at once on one node (the rest wait)
 * @param passwordCheckWait        how long a password check waits for its turn before the request gets 429
 */
@ConfigurationProperties(prefix = "tongban.sign-in-limits", ignoreUnknownFields = false)
public record SignInLimitProperties(
        Duration codeCooldown, int codesPerDay, int concurrentPasswordChecks, Duration passwordCheckWait) {

    public SignInLimitProperties {
        if (concurrentPasswordChecks < 1)
            throw new IllegalArgumentException("tongban.sign-in-limits.concurrent-password-checks must be at least 1");
    }
}
