package org.tongban.identity.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.IdentityAudit;
import org.tongban.identity.InvalidInputException;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.PasswordPolicy;
import org.tongban.shared.PhoneNumber;

/**
 * The account holder's own credentials and sessions: the password, the phone (changed with a code sent to the new
 * number), passkeys, and signing out everywhere. Callers pass the signed-in account; each method acts on it alone.
 */
@Service
public class AccountSecurity {

    private final AccountStore accounts;
    private final PersonStore persons;
    private final OneTimeCodes codes;
    private final PasswordEncoder passwords;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final UserCredentialRepository passkeys;
    private final PublicKeyCredentialUserEntityRepository passkeyUsers;
    private final NotificationManagement notifications;
    private final ApplicationEventPublisher events;
    private final AuditManagement audit;

    AccountSecurity(
            AccountStore accounts,
            PersonStore persons,
            OneTimeCodes codes,
            PasswordEncoder passwords,
            FindByIndexNameSessionRepository<? extends Session> sessions,
            UserCredentialRepository passkeys,
            PublicKeyCredentialUserEntityRepository passkeyUsers,
            NotificationManagement notifications,
            ApplicationEventPublisher events,
            AuditManagement audit) {
        this.accounts = accounts;
        this.persons = persons;
        this.codes = codes;
        this.passwords = passwords;
        this.sessions = sessions;
        this.passkeys = passkeys;
        this.passkeyUsers = passkeyUsers;
        this.notifications = notifications;
        this.events = events;
        this.audit = audit;
    }

    /**
     * Changes the account's own password: the current one must be right and the new one pass the password policy.
     * Every other session of the account ends (the one given stays). Audited, refusals too.
     */
    @Transactional
    public void changePassword(UUID accountId, String current, String replacement, String keepSessionId) {
        var account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        if (current == null || !passwords.matches(current, account.passwordHash())) {
            audit.recordNow(AuditRecord.failure(
                    IdentityAudit.PASSWORD_CHANGED,
                    accountId.toString(),
                    accountId.toString(),
                    Map.of("reason", "BAD_PASSWORD")));
            throw InvalidInputException.of("currentPassword", "validation.password.current");
        }
        var violations = PasswordPolicy.violations(
                replacement == null ? "" : replacement,
                persons.idNumberOf(account.personId()).value(),
                persons.phoneOf(account.personId()).map(p -> p.value()).orElse(null),
                account.loginName());
        if (!violations.isEmpty()) {
            audit.recordNow(AuditRecord.failure(
                    IdentityAudit.PASSWORD_CHANGED,
                    accountId.toString(),
                    accountId.toString(),
                    Map.of("reason", "POLICY")));
            throw InvalidInputException.of("newPassword", violations.getFirst());
        }
        accounts.setPasswordHash(accountId, Objects.requireNonNull(passwords.encode(replacement)));
        int ended = endSessions(sessions, accountId, keepSessionId);
        notifications.send(SendNotification.inApp(accountId, "notifications.passwordChanged"));
        events.publishEvent(AuditRecord.success(
                IdentityAudit.PASSWORD_CHANGED,
                accountId.toString(),
                accountId.toString(),
                Map.of("sessionsEnded", Integer.toString(ended))));
    }

    /**
     * Sends a code to a new phone number, to prove the account holder has it before it replaces the old one.
     *
     * @throws org.tongban.platform.TooManyRequestsException when that phone has had its codes (429)
     */
    @Transactional
    public void sendPhoneChangeCode(UUID accountId, String newPhone) {
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parse(newPhone);
        } catch (InvalidValueException e) {
            throw InvalidInputException.of("phone", e.messageKey());
        }
        if (persons.phoneTaken(phone)) throw InvalidInputException.of("phone", "validation.phone.taken");
        // Refused aloud: the caller is signed in and asked for this number, so a 429 tells nothing new.
        codes.send(
                accountId,
                OneTimeCodes.Purpose.CHANGE_PHONE,
                phone.value(),
                phone,
                "notifications.phoneChangeCode",
                OneTimeCodes.WhenLimited.REFUSE);
        events.publishEvent(AuditRecord.success(
                IdentityAudit.ONE_TIME_CODE_SENT,
                accountId.toString(),
                accountId.toString(),
                Map.of("purpose", "CHANGE_PHONE", "to", phone.masked())));
    }

    /**
     * Replaces the phone when the code sent to the new number is right; otherwise nothing changes but the wrong guess,
     * which counts against the code.
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public void changePhone(UUID accountId, String newPhone, String code) {
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parse(newPhone);
        } catch (InvalidValueException e) {
            throw InvalidInputException.of("phone", e.messageKey());
        }
        var account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        if (!codes.verify(accountId, OneTimeCodes.Purpose.CHANGE_PHONE, phone.value(), code == null ? "" : code)) {
            audit.recordNow(AuditRecord.failure(
                    IdentityAudit.PHONE_CHANGED,
                    accountId.toString(),
                    accountId.toString(),
                    Map.of("reason", "BAD_CODE")));
            throw InvalidInputException.of("code", "validation.code.invalid");
        }
        if (persons.phoneTaken(phone)) throw InvalidInputException.of("phone", "validation.phone.taken");
        var old = persons.person(account.personId()).maskedPhone();
        persons.setPhone(account.personId(), phone);
        notifications.send(SendNotification.inApp(accountId, "notifications.phoneChanged", phone.masked()));
        events.publishEvent(AuditRecord.success(
                IdentityAudit.PHONE_CHANGED,
                accountId.toString(),
                accountId.toString(),
                Map.of("from", old == null ? "" : old, "to", phone.masked())));
    }

    /** The passkeys registered to the account. */
    @Transactional(readOnly = true)
    public List<PasskeyView> passkeys(UUID accountId) {
        var entity = passkeyUsers.findByUsername(accountId.toString());
        if (entity == null) return List.of();
        return passkeys.findByUserId(entity.getId()).stream()
                .map(c -> new PasskeyView(
                        c.getCredentialId().toBase64UrlString(), c.getLabel(), c.getCreated(), c.getLastUsed()))
                .toList();
    }

    /** Removes one of the account's own passkeys; another account's passkey is not found. */
    @Transactional
    public boolean removePasskey(UUID accountId, String credentialId) {
        var entity = passkeyUsers.findByUsername(accountId.toString());
        if (entity == null) return false;
        Bytes id;
        try {
            id = Bytes.fromBase64(credentialId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        var credential = passkeys.findByCredentialId(id);
        if (credential == null || !credential.getUserEntityUserId().equals(entity.getId())) return false;
        passkeys.delete(id);
        events.publishEvent(AuditRecord.success(
                IdentityAudit.PASSKEY_REMOVED,
                accountId.toString(),
                credentialId,
                Map.of("label", credential.getLabel())));
        return true;
    }

    /**
     * Renames one of the account's own passkeys (1 to 60 characters after trimming); another account's passkey is
     * not found. Audited.
     */
    @Transactional
    public boolean renamePasskey(UUID accountId, String credentialId, String label) {
        var name = label.strip();
        if (name.isEmpty() || name.length() > 60)
            throw org.tongban.identity.InvalidInputException.of("label", "passkeys.label.invalid");
        var entity = passkeyUsers.findByUsername(accountId.toString());
        if (entity == null) return false;
        Bytes id;
        try {
            id = Bytes.fromBase64(credentialId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        var credential = passkeys.findByCredentialId(id);
        if (credential == null || !credential.getUserEntityUserId().equals(entity.getId())) return false;
        passkeys.save(ImmutableCredentialRecord.fromCredentialRecord(credential)
                .label(name)
                .build());
        events.publishEvent(AuditRecord.success(
                IdentityAudit.PASSKEY_RENAMED,
                accountId.toString(),
                credentialId,
                Map.of("from", credential.getLabel(), "label", name)));
        return true;
    }

    /**
     * Ends every session of the account on every node (sessions live in the database) and revokes its apps' tokens:
     * refresh tokens are deleted and access tokens issued until now are refused. Returns how many sessions ended.
     */
    @Transactional
    public int signOutEverywhere(UUID accountId) {
        int ended = endSessions(sessions, accountId, null);
        int apps = accounts.revokeTokens(accountId);
        events.publishEvent(AuditRecord.success(
                IdentityAudit.SIGNED_OUT_EVERYWHERE,
                accountId.toString(),
                accountId.toString(),
                Map.of("sessions", Integer.toString(ended), "apps", Integer.toString(apps))));
        return ended;
    }

    /** Ends the account's sessions on every node but the one to keep; returns how many ended. */
    static int endSessions(
            FindByIndexNameSessionRepository<? extends Session> sessions, UUID accountId, @Nullable String keep) {
        int ended = 0;
        for (var sessionId : sessions.findByPrincipalName(accountId.toString()).keySet()) {
            if (sessionId.equals(keep)) continue;
            sessions.deleteById(sessionId);
            ended++;
        }
        return ended;
    }
}
