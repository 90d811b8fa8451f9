package org.tongban.identity.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.AccountRegistered;
import org.tongban.identity.IdentityAudit;
import org.tongban.identity.InvalidInputException;
import org.tongban.identity.Role;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;
import org.tongban.shared.IdNumber;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.Masking;
import org.tongban.shared.PasswordPolicy;
import org.tongban.shared.PhoneNumber;

/**
 * A citizen registers in two steps (ADR 0015): every field is checked and a code goes to the phone; the code
 * completes the registration at trust level 2. The page uses {@link #registerWithoutDisclosure}, which does not tell
 * a stranger which ID numbers and phones already have accounts.
 */
@Service
public class Registration {

    static final int NAME_MAX = 50;
    private static final String ID_TAKEN = "validation.idNumber.taken";
    private static final String PHONE_TAKEN = "validation.phone.taken";

    private final AccountStore accounts;
    private final PersonStore persons;
    private final OneTimeCodes codes;
    private final PasswordEncoder passwords;
    private final NotificationManagement notifications;
    private final ApplicationEventPublisher events;
    private final AuditManagement audit;
    private final RegistrationSms registrationSms;
    private final Clock clock;

    Registration(
            AccountStore accounts,
            PersonStore persons,
            OneTimeCodes codes,
            PasswordEncoder passwords,
            NotificationManagement notifications,
            ApplicationEventPublisher events,
            AuditManagement audit,
            RegistrationSms registrationSms,
            Clock clock) {
        this.clock = clock;
        this.accounts = accounts;
        this.persons = persons;
        this.codes = codes;
        this.passwords = passwords;
        this.notifications = notifications;
        this.events = events;
        this.audit = audit;
        this.registrationSms = registrationSms;
    }

    /**
     * The first step of registering a citizen: every field is checked and all problems are reported together, keyed
     * by field; a second registration with the same ID number or phone is refused. When all pass, a code is sent to
     * the phone and the registration waits for it ({@link #completeRegistration}); nothing is written but the code.
     */
    @Transactional
    public PendingRegistration startRegistration(RegisterCitizen command) {
        return startRegistration(command, RegistrationConsent.given(command.password()));
    }

    /**
     * {@link #startRegistration(RegisterCitizen)} from the page: the password typed twice alike and the privacy
     * notice accepted are checked with every other field; the time of acceptance waits with the registration.
     */
    @Transactional
    public PendingRegistration startRegistration(RegisterCitizen command, RegistrationConsent consent) {
        var checked =
                checkRegistration(command.idNumber(), command.name(), command.phone(), command.password(), consent);
        var code = codes.issueForPhone(
                OneTimeCodes.Purpose.REGISTER, checked.phone().value());
        registrationSms.send(checked.phone().value(), code);
        events.publishEvent(AuditRecord.success(
                IdentityAudit.ONE_TIME_CODE_SENT,
                null,
                checked.id().masked(),
                Map.of("purpose", "REGISTER", "to", checked.phone().masked())));
        return new PendingRegistration(
                checked.id().value(),
                checked.name(),
                checked.phone().value(),
                Objects.requireNonNull(passwords.encode(command.password())),
                checked.phone().masked(),
                clock.instant());
    }

    /**
     * Starts a registration as {@link #startRegistration} does, except that an ID number or phone
     * that already has an account is not reported on the page: the answer is the same pending registration (the code
     * page), but no code is sent, so no code can complete it, nothing is written, and the existing holder finds a
     * message in their account. Other errors are reported field by field. One transaction, as a successful start
     * alone would be: a refusal has written nothing but its audit entry, which has its own.
     */
    @Transactional
    public PendingRegistration registerWithoutDisclosure(RegisterCitizen command) {
        return registerWithoutDisclosure(command, RegistrationConsent.given(command.password()));
    }

    /** {@link #registerWithoutDisclosure(RegisterCitizen)} with the confirmation and consent of the page. */
    @Transactional
    public PendingRegistration registerWithoutDisclosure(RegisterCitizen command, RegistrationConsent consent) {
        try {
            return startRegistration(command, consent);
        } catch (InvalidInputException e) {
            var others = new HashMap<>(e.fieldErrors());
            boolean idTaken = ID_TAKEN.equals(others.get("idNumber"));
            boolean phoneTaken = PHONE_TAKEN.equals(others.get("phone"));
            if (idTaken) others.remove("idNumber");
            if (phoneTaken) others.remove("phone");
            if (!others.isEmpty()) throw new InvalidInputException(others);
            if (idTaken)
                accounts.findByIdentifier(IdNumber.parse(command.idNumber()).value())
                        .ifPresent(this::tellHolder);
            if (phoneTaken) accounts.findByIdentifier(command.phone()).ifPresent(this::tellHolder);
            var phone = PhoneNumber.parse(command.phone());
            return new PendingRegistration(
                    IdNumber.parse(command.idNumber()).value(),
                    command.name().strip(),
                    phone.value(),
                    "",
                    phone.masked(),
                    clock.instant());
        }
    }

    private void tellHolder(AccountStore.AccountRow holder) {
        notifications.send(SendNotification.inApp(holder.id(), "notifications.registrationAttempt"));
    }

    /**
     * Registers the citizen at trust level 2 once the code sent to the phone is right. A wrong or expired code, or
     * an ID number or phone taken meanwhile, is refused by field and writes nothing but the spent guess.
     */
    @Transactional(noRollbackFor = InvalidInputException.class)
    public UUID completeRegistration(PendingRegistration pending, String code) {
        var id = IdNumber.parse(pending.idNumber());
        var phone = PhoneNumber.parse(pending.phone());
        if (!codes.verifyForPhone(OneTimeCodes.Purpose.REGISTER, phone.value(), code == null ? "" : code)) {
            audit.recordNow(AuditRecord.failure(
                    IdentityAudit.REGISTRATION_REFUSED, null, id.masked(), Map.of("fields", "code")));
            throw InvalidInputException.of("code", "validation.code.invalid");
        }
        var errors = new HashMap<String, String>();
        if (persons.idNumberTaken(id)) errors.put("idNumber", ID_TAKEN);
        if (persons.phoneTaken(phone)) errors.put("phone", PHONE_TAKEN);
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        var personId = persons.insertPerson(pending.name(), id, phone, 2);
        var accountId = accounts.insertAccount(personId, null, pending.passwordHash());
        accounts.recordPrivacyConsent(accountId, pending.consentedAt());
        accounts.grantRole(accountId, Role.CITIZEN, null, null);
        notifications.send(SendNotification.inApp(accountId, "notifications.welcome", Masking.name(pending.name())));
        events.publishEvent(new AccountRegistered(accountId, id.masked(), 2));
        return accountId;
    }

    private record CheckedRegistration(IdNumber id, String name, PhoneNumber phone) {}

    private CheckedRegistration checkRegistration(
            String idNumber, String rawName, String rawPhone, String password, RegistrationConsent consent) {
        var errors = new HashMap<String, String>();
        IdNumber id = null;
        PhoneNumber phone = null;
        try {
            id = IdNumber.parse(idNumber);
        } catch (InvalidValueException e) {
            errors.put("idNumber", e.messageKey());
        }
        try {
            phone = PhoneNumber.parse(rawPhone);
        } catch (InvalidValueException e) {
            errors.put("phone", e.messageKey());
        }
        var name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty()) errors.put("name", "validation.name.required");
        else if (name.length() > NAME_MAX || !name.matches("^[\\p{IsHan}·A-Za-z ]+$"))
            errors.put("name", "validation.name.format");
        var violations = PasswordPolicy.violations(
                password == null ? "" : password,
                id == null ? idNumber : id.value(),
                phone == null ? rawPhone : phone.value(),
                null);
        if (!violations.isEmpty()) errors.put("password", violations.getFirst());
        else if (!consent.passwordConfirmation().equals(password))
            errors.put("passwordConfirmation", "validation.password.mismatch");
        if (!consent.privacyAccepted()) errors.put("privacyConsent", "validation.privacy.required");
        if (id != null && persons.idNumberTaken(id)) errors.put("idNumber", ID_TAKEN);
        if (phone != null && persons.phoneTaken(phone)) errors.put("phone", PHONE_TAKEN);
        if (!errors.isEmpty()) {
            audit.recordNow(AuditRecord.failure(
                    IdentityAudit.REGISTRATION_REFUSED,
                    null,
                    id == null ? "invalid" : id.masked(),
                    Map.of("fields", String.join(",", new TreeSet<>(errors.keySet())))));
            throw new InvalidInputException(errors);
        }
        // No error means that both were read.
        return new CheckedRegistration(Objects.requireNonNull(id), name, Objects.requireNonNull(phone));
    }
}
