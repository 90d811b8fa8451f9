package org.tongban.identity.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.JdbcRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.platform.FieldProtection;

/**
 * The platform's own OAuth2 / OpenID Connect provider, for the mobile apps: authorization code with PKCE, public
 * clients, JWT access tokens whose subject is the account id. Everything a second node needs is in the database:
 * clients, authorizations, consents and the signing key (wrapped with the SM4 field key).
 */
@Configuration(proxyBeanMethods = false)
class AuthorizationServerConfiguration {

    static final String MOBILE_CLIENT = "tongban-mobile";
    private static final String KEY_PURPOSE = "oauth2-signing";
    private static final String ACCESS_TOKEN_TYPE = "at+jwt";

    @Bean
    RegisteredClientRepository registeredClients(JdbcOperations jdbc, TransactionTemplate tx) {
        var repository = new JdbcRegisteredClientRepository(jdbc);
        // Two nodes may start together: the unique client id makes the second insert fail, which is fine.
        tx.executeWithoutResult(s -> {
            var existing = repository.findByClientId(MOBILE_CLIENT);
            if (existing == null) {
                try {
                    repository.save(mobileClient());
                } catch (org.springframework.dao.DataIntegrityViolationException ignored) {
                    s.setRollbackOnly();
                }
            } else if (!existing.getScopes().equals(mobileClient().getScopes())) {
                // A platform installed before the scopes were cut keeps its client id with the current scopes.
                repository.save(RegisteredClient.from(existing)
                        .scopes(scopes -> {
                            scopes.clear();
                            scopes.addAll(mobileClient().getScopes());
                        })
                        .build());
            }
        });
        return repository;
    }

    /** The citizen and enterprise apps: a public client, so PKCE is required and no secret exists. */
    static RegisteredClient mobileClient() {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(MOBILE_CLIENT)
                .clientName("Tongban mobile")
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("tongban://oauth/callback")
                .redirectUri("http://127.0.0.1:8765/callback")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .scope(TokenScopes.CITIZEN)
                .scope(TokenScopes.BUSINESS)
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true)
                        .requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(Duration.ofMinutes(30))
                        .refreshTokenTimeToLive(Duration.ofDays(7))
                        .reuseRefreshTokens(false)
                        .build())
                .build();
    }

    @Bean
    OAuth2AuthorizationService authorizations(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationService(jdbc, clients);
    }

    @Bean
    OAuth2AuthorizationConsentService consents(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        return AuthorizationServerSettings.builder().issuer(properties.issuer()).build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(JdbcClient jdbc, FieldProtection protection, TransactionTemplate tx) {
        var key = tx.execute(s -> loadOrCreateSigningKey(jdbc, protection));
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /**
     * Bearer tokens for the API: signed by this platform's key, from this issuer, typed as access tokens
     * ({@code at+jwt}, RFC 9068: an ID token is not one) and addressed to Tongban's API, not to another app.
     */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> jwkSource, IdentityProperties properties) {
        // The type is checked by Spring's validator below, not by the JOSE processor (which accepts "JWT" only).
        var decoder = NimbusJwtDecoder.withJwkSource(jwkSource)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier((type, context) -> {}))
                .build();
        OAuth2TokenValidator<Jwt> audience =
                jwt -> jwt.getAudience() != null && jwt.getAudience().contains(TokenScopes.API_AUDIENCE)
                        ? OAuth2TokenValidatorResult.success()
                        : OAuth2TokenValidatorResult.failure(
                                new OAuth2Error("invalid_token", "Not addressed to this API", null));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                new JwtTimestampValidator(),
                new JwtIssuerValidator(properties.issuer()),
                new JwtTypeValidator(ACCESS_TOKEN_TYPE),
                audience));
        return decoder;
    }

    /**
     * Access tokens are typed {@code at+jwt} and addressed to the API besides the client; every token carries the
     * account's trust level (DOMAIN.md 9.1: the token carries the level).
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenClaims(AccountStore accounts) {
        return context -> {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getJwsHeader().type(ACCESS_TOKEN_TYPE);
                context.getClaims()
                        .audience(List.of(context.getRegisteredClient().getClientId(), TokenScopes.API_AUDIENCE));
            }
            try {
                var id = UUID.fromString(context.getPrincipal().getName());
                accounts.findById(id).ifPresent(a -> context.getClaims().claim("acr", "level" + a.trustLevel()));
            } catch (IllegalArgumentException ignored) {
                // Not an account (a client acting for itself): no level to state.
            }
        };
    }

    private static RSAKey loadOrCreateSigningKey(JdbcClient jdbc, FieldProtection protection) {
        // The advisory lock keeps two starting nodes from generating two keys.
        jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.oauth2-signing'))")
                .query()
                .singleValue();
        var stored = jdbc.sql("""
                select kid, wrapped from identity.signing_key
                 where purpose = :p and retired_at is null order by created_at desc limit 1""")
                .param("p", KEY_PURPOSE)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getBytes(2)})
                .optional();
        try {
            if (stored.isPresent()) {
                var kid = (String) stored.get()[0];
                var der = protection.unwrap((byte[]) stored.get()[1], KEY_PURPOSE + ":" + kid);
                var factory = KeyFactory.getInstance("RSA");
                var priv = (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(der));
                var pub = (RSAPublicKey)
                        factory.generatePublic(new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
                return new RSAKey.Builder(pub).privateKey(priv).keyID(kid).build();
            }
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            var kid = UUID.randomUUID().toString();
            jdbc.sql("insert into identity.signing_key (kid, purpose, wrapped) values (:kid, :p, :w)")
                    .param("kid", kid)
                    .param("p", KEY_PURPOSE)
                    .param("w", protection.wrap(pair.getPrivate().getEncoded(), KEY_PURPOSE + ":" + kid))
                    .update();
            return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                    .privateKey(pair.getPrivate())
                    .keyID(kid)
                    .build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load the token signing key", e);
        }
    }
}
