package org.tongban.identity.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.IdentityAudit;

/**
 * Login-failure handling (等保 level 3): counts failures per account, locks after the configured number for the
 * configured time (a lock is never extended; once it has run out, the count starts again), resets on success, and
 * audits each attempt and each lock. Hears Spring Security's authentication events,
 * which happen outside any transaction, so it writes in transactions of its own.
 */
@Component
class SignInAttempts {

    private final AccountStore accounts;
    private final IdentityProperties properties;
    private final AuditManagement audit;
    private final TransactionTemplate tx;

    SignInAttempts(
            AccountStore accounts, IdentityProperties properties, AuditManagement audit, TransactionTemplate tx) {
        this.accounts = accounts;
        this.properties = properties;
        this.audit = audit;
        this.tx = tx;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        var authentication = event.getAuthentication();
        // A bearer token is checked on every API call; that is not a sign-in.
        if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?>) return;
        UUID accountId;
        try {
            accountId = UUID.fromString(authentication.getName());
        } catch (IllegalArgumentException e) {
            return;
        }
        tx.executeWithoutResult(s -> accounts.resetFailures(accountId));
        audit.recordNow(AuditRecord.success(
                IdentityAudit.SIGN_IN_SUCCEEDED,
                accountId.toString(),
                accountId.toString(),
                Map.of("method", method(authentication))));
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        var attempted = event.getAuthentication();
        var identifier = attempted.getName();
        var account = identifier == null
                ? java.util.Optional.<AccountStore.AccountRow>empty()
                : accounts.findByIdentifier(identifier);
        var reason = event instanceof AuthenticationFailureLockedEvent
                ? "LOCKED"
                : event instanceof AuthenticationFailureBadCredentialsEvent
                        ? "BAD_CREDENTIALS"
                        : event.getException().getClass().getSimpleName();
        if (account.isEmpty()) {
            audit.recordNow(AuditRecord.failure(
                    IdentityAudit.SIGN_IN_FAILED,
                    null,
                    "unknown",
                    Map.of("method", method(attempted), "reason", reason)));
            return;
        }
        var id = account.get().id().toString();
        audit.recordNow(AuditRecord.failure(
                IdentityAudit.SIGN_IN_FAILED, null, id, Map.of("method", method(attempted), "reason", reason)));
        if (!(event instanceof AuthenticationFailureBadCredentialsEvent)) return;
        var failure = tx.execute(s -> accounts.recordFailure(
                account.get().id(),
                properties.maxFailedAttempts(),
                Instant.now().plus(properties.lockDuration())));
        // Every lock is audited, the second and later ones too; a running lock is never extended (AccountStore).
        if (failure != null && failure.locked()) {
            audit.recordNow(AuditRecord.failure(
                    IdentityAudit.ACCOUNT_LOCKED,
                    null,
                    id,
                    Map.of(
                            "failures",
                            Integer.toString(failure.count()),
                            "minutes",
                            Long.toString(properties.lockDuration().toMinutes()))));
        }
    }

    /** How the person signed in: Spring Security marks each authentication with the factor it proved. */
    private static String method(Authentication authentication) {
        for (var authority : authentication.getAuthorities()) {
            switch (Objects.requireNonNullElse(authority.getAuthority(), "")) {
                case FactorGrantedAuthority.OTT_AUTHORITY -> {
                    return "ONE_TIME_CODE";
                }
                case FactorGrantedAuthority.WEBAUTHN_AUTHORITY -> {
                    return "PASSKEY";
                }
                case FactorGrantedAuthority.PASSWORD_AUTHORITY -> {
                    return "PASSWORD";
                }
                default -> {}
            }
        }
        var type = authentication.getClass().getSimpleName();
        return switch (type) {
            case "UsernamePasswordAuthenticationToken" -> "PASSWORD";
            case "OneTimeCodeAuthenticationToken" -> "ONE_TIME_CODE";
            case "WebAuthnAuthentication", "WebAuthnAuthenticationRequestToken" -> "PASSKEY";
            default -> type;
        };
    }
}
