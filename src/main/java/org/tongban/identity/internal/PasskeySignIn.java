package org.tongban.identity.internal;

import java.io.Serial;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationProvider;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Passkey sign-in held to the rules of the other sign-in methods: Spring's passkey provider checks the assertion
 * (with user verification, see {@code SecurityConfiguration#passkeyOperations}) but not the account, so a locked or
 * disabled account is refused here, and every success and failure is announced as an authentication event, which
 * {@link SignInAttempts} counts and audits (method PASSKEY) as it does for passwords and codes.
 */
class PasskeySignIn implements AuthenticationManager {

    private final WebAuthnAuthenticationProvider delegate;
    private final AccountStore accounts;
    private final UserCredentialRepository credentials;
    private final PublicKeyCredentialUserEntityRepository users;
    private final AuthenticationEventPublisher events;

    PasskeySignIn(
            WebAuthnRelyingPartyOperations operations,
            AccountDetailsService userDetails,
            AccountStore accounts,
            UserCredentialRepository credentials,
            PublicKeyCredentialUserEntityRepository users,
            AuthenticationEventPublisher events) {
        this.delegate = new WebAuthnAuthenticationProvider(operations, userDetails);
        this.accounts = accounts;
        this.credentials = credentials;
        this.users = users;
        this.events = events;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        var attempt =
                new PasskeyAttempt(request instanceof WebAuthnAuthenticationRequestToken token ? ownerOf(token) : null);
        try {
            var result = delegate.authenticate(request);
            var account = accounts.findById(UUID.fromString(result.getName()))
                    .orElseThrow(() -> new DisabledException("Account gone"));
            if (!account.enabled()) throw new DisabledException("Account disabled");
            if (account.lockedUntil() != null && account.lockedUntil().isAfter(Instant.now())) {
                throw new LockedException("Account locked");
            }
            events.publishAuthenticationSuccess(result);
            return result;
        } catch (AuthenticationException e) {
            events.publishAuthenticationFailure(e, attempt);
            throw e;
        }
    }

    /** The account id behind the passkey in the request, if it is a registered one. */
    private @Nullable String ownerOf(WebAuthnAuthenticationRequestToken token) {
        try {
            var record = credentials.findByCredentialId(
                    token.getWebAuthnRequest().getPublicKey().getRawId());
            if (record == null) return null;
            var entity = users.findById(record.getUserEntityUserId());
            return entity == null ? null : entity.getName();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A passkey sign-in attempt as the failure events see it: named by the passkey's account, if known. */
    static final class PasskeyAttempt extends AbstractAuthenticationToken {

        @Serial
        private static final long serialVersionUID = 1L;

        private final String account;

        PasskeyAttempt(@Nullable String account) {
            super(List.of(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.WEBAUTHN_AUTHORITY)));
            this.account = account == null ? "" : account;
        }

        @Override
        public @Nullable Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return account;
        }
    }
}
