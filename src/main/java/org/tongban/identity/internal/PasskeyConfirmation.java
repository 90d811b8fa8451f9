package org.tongban.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.AuthenticatorAssertionResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Confirms one act (claiming an enterprise, an agent grant, a family grant) with a passkey assertion with user verification,
 * outside sign-in (ADR 0030, 0031). The challenge is not random alone: it is SHA-256 over a purpose, the act's
 * content and a random nonce, so an assertion made for one act verifies against no other. The challenge is kept by
 * the caller with the act; the assertion goes through the same relying party as passkey sign-in
 * ({@link UserVerifyingRelyingParty}: user verification required), and must come from a passkey of the account.
 */
@Component
public class PasskeyConfirmation {

    static final Duration TIMEOUT = Duration.ofMinutes(5);

    private static final TypeReference<PublicKeyCredential<AuthenticatorAssertionResponse>> ASSERTION =
            new TypeReference<>() {};

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final IdentityProperties properties;
    private final JsonMapper json =
            JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();
    private final SecureRandom random = new SecureRandom();

    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    PasskeyConfirmation(
            WebAuthnRelyingPartyOperations relyingParty,
            IdentityProperties properties,
            org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.relyingParty = relyingParty;
        this.properties = properties;
    }

    /** Whether the account has a passkey to confirm with (the page offers to add one otherwise). */
    public boolean hasPasskey(UUID account) {
        return jdbc.sql("""
                        select count(*) from identity.user_credentials c
                          join identity.user_entities u on u.id = c.user_entity_user_id where u.name = :a""").param("a", account.toString()).query(Integer.class).single() > 0;
    }

    /** A challenge bound to the act: SHA-256(purpose, 0, content, 0, nonce). */
    public byte[] challengeFor(String purpose, String content) {
        var nonce = new byte[16];
        random.nextBytes(nonce);
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(purpose.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(content.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(nonce);
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request options for the browser (the JSON of Spring's own endpoint), the account's passkeys allowed. */
    public String requestOptions(Authentication me, byte[] challenge) {
        var base =
                relyingParty.createCredentialRequestOptions(new ImmutablePublicKeyCredentialRequestOptionsRequest(me));
        return json.writeValueAsString(options(challenge, base));
    }

    /**
     * Whether the assertion (JSON as the browser sends it) signs this challenge, with user verification, by a passkey
     * of this account.
     */
    public boolean verify(UUID account, byte[] challenge, String assertion) {
        try {
            PublicKeyCredential<AuthenticatorAssertionResponse> credential = json.readValue(assertion, ASSERTION);
            var user = relyingParty.authenticate(
                    new RelyingPartyAuthenticationRequest(options(challenge, null), credential));
            return account.toString().equals(user.getName());
        } catch (RuntimeException e) {
            // Unreadable JSON (JacksonException), an unknown passkey, a wrong challenge, origin or signature, no
            // user verification: the relying party and webauthn4j throw unchecked exceptions of several kinds.
            return false;
        }
    }

    private PublicKeyCredentialRequestOptions options(
            byte[] challenge, @org.jspecify.annotations.Nullable PublicKeyCredentialRequestOptions base) {
        var builder = PublicKeyCredentialRequestOptions.builder()
                .challenge(new Bytes(challenge))
                .timeout(TIMEOUT)
                .rpId(properties.passkeys().rpId())
                .userVerification(UserVerificationRequirement.REQUIRED);
        if (base != null) builder.allowCredentials(base.getAllowCredentials());
        return builder.build();
    }
}
