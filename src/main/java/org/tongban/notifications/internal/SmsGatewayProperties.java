package org.tongban.notifications.internal;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMS gateway (ADR 0034), used when {@code tongban.notifications.sms=gateway}.
 *
 * @param url where texts are posted, as JSON {@code {"to": "+8613800138000", "text": "...", "sender": "..."}}
 * @param username HTTP Basic user, or empty for none
 * @param password HTTP Basic password
 * @param token a bearer token instead of Basic, or empty
 * @param sender the signature or sender id the provider registered (短信签名), or empty
 * @param timeout how long one request may take; a slow gateway fails the attempt, which is retried later
 */
@ConfigurationProperties(prefix = "tongban.notifications.sms-gateway")
record SmsGatewayProperties(
        @Nullable URI url,
        @Nullable String username,
        @Nullable String password,
        @Nullable String token,
        @Nullable String sender,
        @Nullable Duration timeout) {

    Duration timeoutOrDefault() {
        return timeout == null ? Duration.ofSeconds(5) : timeout;
    }
}
