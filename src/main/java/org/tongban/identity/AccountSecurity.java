package org.tongban.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.identity.internal.AccountStore;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PasswordPolicy;

/**
 * The account's own credentials and the operator's hold on accounts: changing the password, disabling and enabling
 * an account, and registration that does not tell a stranger which ID numbers and phones have accounts.
 */
@Service
public class AccountSecurity {

    private static final String ID_TAKEN = "validation.idNumber.taken";
    private static final String PHONE_TAKEN = "validation.phone.taken";

    private final IdentityManagement identity;
    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final NotificationManagement notifications;
    private final ApplicationEventPublisher events;
    private final AuditManagement audit;

    AccountSecurity(IdentityManagement identity, AccountStore accounts, PasswordEncoder passwords,
            FindByIndexNameSessionRepository<? extends Session> sessions, NotificationManagement notifications,
            ApplicationEventPublisher events, AuditManagement audit) {
        this.identity = identity;
        this.accounts = accounts;
        this.passwords = passwords;
        this.sessions = sessions;
        this.notifications = notifications;
        this.events = events;
        this.audit = audit;
    }

    /**
     * Starts a registration as {@link IdentityManagement#startRegistration} does, except that an ID number or phone
     * that already has an account is not reported on the page: the answer is the same pending registration (the code
     * page), but no code is sent, so no code can complete it, nothing is written, and the existing holder finds a
     * message in their account. Other errors are reported field by field.
     */
    public PendingRegistration registerWithoutDisclosure(RegisterCitizen command) {
        try {
            return identity.startRegistration(command);
        } catch (InvalidInputException e) {
            var others = new HashMap<>(e.fieldErrors());
            boolean idTaken = ID_TAKEN.equals(others.get("idNumber"));
            boolean phoneTaken = PHONE_TAKEN.equals(others.get("phone"));
            if (idTaken) others.remove("idNumber");
            if (phoneTaken) others.remove("phone");
            if (!others.isEmpty()) throw new InvalidInputException(others);
            if (idTaken) accounts.findByIdentifier(IdNumber.parse(command.idNumber()).value()).ifPresent(this::tellHolder);
            if (phoneTaken) accounts.findByIdentifier(command.phone()).ifPresent(this::tellHolder);
            var phone = org.tongban.shared.PhoneNumber.parse(command.phone());
            return new PendingRegistration(IdNumber.parse(command.idNumber()).value(), command.name().strip(),
                    phone.value(), "", phone.masked());
        }
    }

    private void tellHolder(AccountStore.AccountRow holder) {
        notifications.send(SendNotification.inApp(holder.id(), "notifications.registrationAttempt"));
    }

    /**
     * Changes the account's own password: the current one must be right and the new one pass the password policy.
     * Every other session of the account ends (the one given stays). Audited, refusals too.
     */
    @Transactional
    public void changePassword(UUID accountId, String current, String replacement, String keepSessionId) {
        var account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        if (current == null || !passwords.matches(current, account.passwordHash())) {
            audit.recordNow(IdentityEvent.failure(IdentityAudit.PASSWORD_CHANGED, accountId.toString(),
                    accountId.toString(), Map.of("reason", "BAD_PASSWORD")));
            throw InvalidInputException.of("currentPassword", "validation.password.current");
        }
        var violations = PasswordPolicy.violations(replacement == null ? "" : replacement,
                accounts.idNumberOf(account.personId()).value(),
                accounts.phoneOf(account.personId()).map(p -> p.value()).orElse(null), account.loginName());
        if (!violations.isEmpty()) {
            audit.recordNow(IdentityEvent.failure(IdentityAudit.PASSWORD_CHANGED, accountId.toString(),
                    accountId.toString(), Map.of("reason", "POLICY")));
            throw InvalidInputException.of("newPassword", violations.getFirst());
        }
        accounts.setPasswordHash(accountId, passwords.encode(replacement));
        int ended = endSessions(accountId, keepSessionId);
        notifications.send(SendNotification.inApp(accountId, "notifications.passwordChanged"));
        events.publishEvent(IdentityEvent.success(IdentityAudit.PASSWORD_CHANGED, accountId.toString(),
                accountId.toString(), Map.of("sessionsEnded", Integer.toString(ended))));
    }

    /**
     * The operator disables an account (found by ID number, phone or login name): it can no longer sign in by any
     * method, its bearer tokens stop working, and its sessions end at once. Nobody disables their own account.
     * Returns false when no such account exists.
     */
    @Transactional
    public boolean setEnabled(String identifier, boolean enabled, UUID operator) {
        var account = accounts.findByIdentifier(identifier == null ? "" : identifier);
        if (account.isEmpty()) return false;
        var id = account.get().id();
        if (id.equals(operator)) throw InvalidInputException.of("identifier", "identity.accounts.notYourself");
        accounts.setEnabled(id, enabled);
        int ended = enabled ? 0 : endSessions(id, null);
        events.publishEvent(IdentityEvent.success(enabled ? IdentityAudit.ACCOUNT_ENABLED : IdentityAudit.ACCOUNT_DISABLED,
                operator.toString(), id.toString(), Map.of("sessionsEnded", Integer.toString(ended))));
        return true;
    }

    private int endSessions(UUID accountId, String keep) {
        int ended = 0;
        for (var sessionId : sessions.findByPrincipalName(accountId.toString()).keySet()) {
            if (sessionId.equals(keep)) continue;
            sessions.deleteById(sessionId);
            ended++;
        }
        return ended;
    }
}
