package org.tongban.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.tongban.identity.ServiceClients;

/**
 * {@link ServiceClients} as registered clients of Spring Authorization Server: client secret basic, client
 * credentials only, short-lived JWT access tokens (five minutes), the secret hashed by the platform's password
 * encoder (Argon2id).
 */
@Component
class ServiceClientRegistry implements ServiceClients {

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final Clock clock;

    ServiceClientRegistry(RegisteredClientRepository clients, PasswordEncoder passwords, Clock clock) {
        this.clients = clients;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    public void register(String clientId, String name, String secret, Set<String> scopes, Instant secretExpiresAt) {
        var client = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientName(name)
                .clientSecret(passwords.encode(secret))
                .clientIdIssuedAt(clock.instant())
                .clientSecretExpiresAt(secretExpiresAt)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(s -> s.addAll(scopes))
                .clientSettings(ClientSettings.builder()
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(TOKEN_LIFETIME)
                        .build())
                .build();
        clients.save(client);
    }

    @Override
    public void disable(String clientId) {
        var existing = clients.findByClientId(clientId);
        if (existing == null) return;
        clients.save(RegisteredClient.from(existing)
                .clientSecretExpiresAt(clock.instant().minusSeconds(1))
                .build());
    }

    @Override
    public boolean active(String clientId) {
        var existing = clients.findByClientId(clientId);
        if (existing == null) return false;
        var expires = existing.getClientSecretExpiresAt();
        return expires == null || expires.isAfter(clock.instant());
    }
}
