package org.tongban.identity.internal;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.IdentityAudit;
import org.tongban.identity.InvalidInputException;
import org.tongban.identity.Role;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;
import org.tongban.platform.RateLimit;
import org.tongban.platform.RateLimits;
import org.tongban.shared.PasswordPolicy;

/**
 * 忘记密码 (ADR 0037): a person who cannot sign in sets a new password with a six-digit code sent to the phone
 * their account has verified. Nothing said tells whether an account exists: an unknown name, a disabled account and
 * a staff account (whose password their administrator resets) get the same answer as a real one, and nothing is
 * sent to them. Requests are limited per name typed, per address and per account; the code is one of {@link
 * OneTimeCodes} (stored hashed, ten minutes, five guesses). A new password passes the registration policy; then
 * every session of the account ends and its apps' tokens are revoked, and the holder is told by SMS and in the
 * message centre. Requests, resets and refusals are audited.
 */
@Service
public class PasswordReset {

    /** Requests per address an hour, and per account a day (beyond the per-phone SMS limits). */
    static final RateLimit PER_ADDRESS = new RateLimit(20, Duration.ofHours(1));

    static final RateLimit PER_ACCOUNT = new RateLimit(5, Duration.ofDays(1));
    static final String WRONG_CODE = "validation.resetCode.wrong";
    private static final EnumSet<Role> SELF_SERVICE = EnumSet.of(Role.CITIZEN, Role.ENTERPRISE_USER);

    private final AccountStore accounts;
    private final PersonStore persons;
    private final OneTimeCodes codes;
    private final PasswordEncoder passwords;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final RateLimits limits;
    private final NotificationManagement notifications;
    private final ApplicationEventPublisher events;
    private final AuditManagement audit;

    PasswordReset(
            AccountStore accounts,
            PersonStore persons,
            OneTimeCodes codes,
            PasswordEncoder passwords,
            FindByIndexNameSessionRepository<? extends Session> sessions,
            RateLimits limits,
            NotificationManagement notifications,
            ApplicationEventPublisher events,
            AuditManagement audit) {
        this.accounts = accounts;
        this.persons = persons;
        this.codes = codes;
        this.passwords = passwords;
        this.sessions = sessions;
        this.limits = limits;
        this.notifications = notifications;
        this.events = events;
        this.audit = audit;
    }

    /**
     * Sends a reset code to the verified phone of the account the identifier names, if there is one that may reset
     * its password here; returns normally either way.
     *
     * @throws org.tongban.platform.TooManyRequestsException when the address or the identifier typed has asked too
     *     often (counted whether or not an account exists)
     */
    @Transactional
    public void request(String identifier, String address) {
        limits.check("password-reset-address", address, PER_ADDRESS, address);
        codes.countRequestFor(identifier);
        var account = resettable(identifier);
        if (account.isEmpty()) return;
        var id = account.get().id();
        var phone = persons.phoneOf(account.get().personId());
        if (phone.isEmpty()) {
            refusedRequest(id.toString(), "NO_PHONE");
            return;
        }
        if (!limits.hit(
                                "password-reset-account",
                                id.toString(),
                                PER_ACCOUNT,
                                phone.get().masked())
                        .allowed()
                || !codes.send(
                        id,
                        OneTimeCodes.Purpose.RESET_PASSWORD,
                        null,
                        phone.get(),
                        "notifications.passwordResetCode",
                        OneTimeCodes.WhenLimited.SEND_NOTHING)) {
            refusedRequest(id.toString(), "RATE_LIMITED");
            return;
        }
        events.publishEvent(AuditRecord.success(
                IdentityAudit.PASSWORD_RESET_REQUESTED,
                null,
                id.toString(),
                Map.of("to", phone.get().masked())));
    }

    /**
     * Sets the new password when the code is right. A wrong, expired or spent code, and any identifier that got no
     * code, are refused alike on {@code code}; a password the policy refuses, or a confirmation that differs, on its
     * field (the code is not spent then). Returns how many sessions ended.
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public int reset(String identifier, String code, String password, String confirmation) {
        var account = accounts.findByIdentifier(identifier).filter(a -> a.enabled());
        var errors = new LinkedHashMap<String, String>();
        var violations = PasswordPolicy.violations(
                password,
                account.map(a -> persons.idNumberOf(a.personId()).value()).orElse(null),
                account.flatMap(a -> persons.phoneOf(a.personId()))
                        .map(p -> p.value())
                        .orElse(null),
                account.map(a -> a.loginName()).orElse(null));
        if (!violations.isEmpty()) errors.put("password", violations.getFirst());
        else if (!password.equals(confirmation)) errors.put("passwordConfirmation", "validation.password.mismatch");
        if (!code.strip().matches("\\d{6}")) errors.put("code", WRONG_CODE);
        if (!errors.isEmpty()) {
            account.ifPresent(a -> refusedReset(a.id().toString(), errors.containsKey("code") ? "BAD_CODE" : "POLICY"));
            throw new InvalidInputException(errors);
        }
        var target = account.filter(a -> selfService(a.id()));
        // The wrong guess counts against the code (five spend it); it must stay counted when this refuses.
        if (target.isEmpty() || !codes.verify(target.get().id(), OneTimeCodes.Purpose.RESET_PASSWORD, null, code)) {
            account.ifPresent(a -> refusedReset(a.id().toString(), "BAD_CODE"));
            throw InvalidInputException.of("code", WRONG_CODE);
        }
        var id = target.get().id();
        accounts.setPasswordHash(id, Objects.requireNonNull(passwords.encode(password)));
        int ended = AccountSecurity.endSessions(sessions, id, null);
        int apps = accounts.revokeTokens(id);
        notifications.send(SendNotification.inApp(id, "notifications.passwordChanged"));
        persons.phoneOf(target.get().personId())
                .ifPresent(phone -> notifications.sendOutsideOnly(
                        SendNotification.sms(id, phone.value(), "notifications.passwordResetDone")));
        events.publishEvent(AuditRecord.success(
                IdentityAudit.PASSWORD_RESET,
                null,
                id.toString(),
                Map.of("sessionsEnded", Integer.toString(ended), "apps", Integer.toString(apps))));
        return ended;
    }

    /** The account, when it is enabled and may reset its password here; refusals of a known account are audited. */
    private Optional<AccountStore.AccountRow> resettable(String identifier) {
        var account = accounts.findByIdentifier(identifier);
        if (account.isEmpty()) return account;
        var id = account.get().id().toString();
        if (!account.get().enabled()) {
            refusedRequest(id, "DISABLED");
            return Optional.empty();
        }
        if (!selfService(account.get().id())) {
            // Staff passwords are reset by their administrator (ADR 0037): no code, the same answer.
            refusedRequest(id, "STAFF");
            return Optional.empty();
        }
        return account;
    }

    private boolean selfService(UUID account) {
        return SELF_SERVICE.containsAll(accounts.rolesOf(account));
    }

    private void refusedRequest(String account, String reason) {
        audit.recordNow(
                AuditRecord.failure(IdentityAudit.PASSWORD_RESET_REQUESTED, null, account, Map.of("reason", reason)));
    }

    private void refusedReset(String account, String reason) {
        audit.recordNow(AuditRecord.failure(IdentityAudit.PASSWORD_RESET, null, account, Map.of("reason", reason)));
    }
}
