package org.tongban.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.identity.internal.AccountStore;
import org.tongban.identity.internal.OneTimeCodes;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;
import org.tongban.shared.IdNumber;
import org.tongban.shared.InvalidValueException;
import org.tongban.shared.Masking;
import org.tongban.shared.PasswordPolicy;
import org.tongban.shared.PhoneNumber;

/**
 * The identity module's API: registration, profiles, trust levels, one-time codes, phone changes, passkeys,
 * sessions and audited reads of other people's data. Callers pass the signed-in account id; the facade checks
 * that an account acts only on itself, and callers check the permission (for example {@code identity:person-read}).
 */
@Service
public class IdentityManagement {

    private static final Logger log = LoggerFactory.getLogger(IdentityManagement.class);
    static final int NAME_MAX = 50;

    private final AccountStore accounts;
    private final OneTimeCodes codes;
    private final PasswordEncoder passwords;
    private final PopulationRegister population;
    private final NotificationManagement notifications;
    private final ApplicationEventPublisher events;
    private final AuditManagement audit;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final UserCredentialRepository passkeys;
    private final PublicKeyCredentialUserEntityRepository passkeyUsers;

    IdentityManagement(AccountStore accounts, OneTimeCodes codes, PasswordEncoder passwords,
            PopulationRegister population, NotificationManagement notifications, ApplicationEventPublisher events,
            AuditManagement audit, FindByIndexNameSessionRepository<? extends Session> sessions,
            UserCredentialRepository passkeys, PublicKeyCredentialUserEntityRepository passkeyUsers) {
        this.accounts = accounts;
        this.codes = codes;
        this.passwords = passwords;
        this.population = population;
        this.notifications = notifications;
        this.events = events;
        this.audit = audit;
        this.sessions = sessions;
        this.passkeys = passkeys;
        this.passkeyUsers = passkeyUsers;
    }

    /**
     * Registers a citizen at trust level 2. Every field is checked and all problems are reported together, keyed by
     * field; nothing is written unless all pass. A second registration with the same ID number or phone is refused.
     */
    @Transactional
    public UUID register(RegisterCitizen command) {
        var errors = new HashMap<String, String>();
        IdNumber id = null;
        PhoneNumber phone = null;
        try {
            id = IdNumber.parse(command.idNumber());
        } catch (InvalidValueException e) {
            errors.put("idNumber", e.messageKey());
        }
        try {
            phone = PhoneNumber.parse(command.phone());
        } catch (InvalidValueException e) {
            errors.put("phone", e.messageKey());
        }
        var name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty()) errors.put("name", "validation.name.required");
        else if (name.length() > NAME_MAX || !name.matches("^[\\p{IsHan}·A-Za-z ]+$")) errors.put("name", "validation.name.format");
        var violations = PasswordPolicy.violations(command.password() == null ? "" : command.password(),
                id == null ? command.idNumber() : id.value(), phone == null ? command.phone() : phone.value(), null);
        if (!violations.isEmpty()) errors.put("password", violations.getFirst());
        if (id != null && accounts.idNumberTaken(id)) errors.put("idNumber", "validation.idNumber.taken");
        if (phone != null && accounts.phoneTaken(phone)) errors.put("phone", "validation.phone.taken");
        if (!errors.isEmpty()) {
            audit.recordNow(IdentityEvent.failure(IdentityAudit.REGISTRATION_REFUSED, null,
                    id == null ? "invalid" : id.masked(), Map.of("fields", String.join(",", new java.util.TreeSet<>(errors.keySet())))));
            throw new InvalidInputException(errors);
        }
        var personId = accounts.insertPerson(name, id, phone, 2);
        var accountId = accounts.insertAccount(personId, null, passwords.encode(command.password()));
        accounts.grantRole(accountId, Role.CITIZEN, null, null);
        notifications.send(SendNotification.inApp(accountId, "notifications.welcome", Masking.name(name)));
        events.publishEvent(new AccountRegistered(accountId, id.masked(), 2));
        return accountId;
    }

    /** The account holder's own profile. */
    @Transactional(readOnly = true)
    public ProfileView profile(UUID accountId) {
        var account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        var person = accounts.person(account.personId());
        return new ProfileView(accountId, person.name(), Masking.name(person.name()), person.maskedIdNumber(),
                person.maskedPhone(), person.birthDate(), person.sex(), person.trustLevel(),
                accounts.rolesOf(accountId), accounts.officialOf(accountId).orElse(null),
                accounts.enterprisesOf(accountId), account.elderlyMode());
    }

    /** Whether the account prefers the elderly-friendly mode; empty for an unknown account. */
    @Transactional(readOnly = true)
    public Optional<Boolean> elderlyMode(UUID accountId) {
        return accounts.findById(accountId).map(AccountStore.AccountRow::elderlyMode);
    }

    @Transactional
    public void setElderlyMode(UUID accountId, boolean on) {
        accounts.setElderlyMode(accountId, on);
    }

    /**
     * Raises the account to trust level 3 when the population register confirms name and ID number together.
     * Returns the level after the check; a mismatch leaves the level unchanged and is audited.
     */
    @Transactional
    public int verifyWithPopulationRegister(UUID accountId) {
        var account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        if (account.trustLevel() >= 3) return account.trustLevel();
        var id = accounts.idNumberOf(account.personId());
        if (!population.matches(id, account.name())) {
            audit.recordNow(IdentityEvent.failure(IdentityAudit.TRUST_LEVEL_RAISED, accountId.toString(),
                    accountId.toString(), Map.of("from", "2", "to", "3", "reason", "REGISTER_MISMATCH")));
            return account.trustLevel();
        }
        accounts.setTrustLevel(account.personId(), 3);
        events.publishEvent(IdentityEvent.success(IdentityAudit.TRUST_LEVEL_RAISED, accountId.toString(),
                accountId.toString(), Map.of("from", Integer.toString(account.trustLevel()), "to", "3")));
        return 3;
    }

    /**
     * Sends a sign-in code to the phone of the account named by the identifier. Says nothing about whether the
     * account exists: an unknown identifier does the same visible thing and sends nothing.
     */
    @Transactional
    public void sendSignInCode(String identifier) {
        var account = accounts.findByIdentifier(identifier);
        if (account.isEmpty() || !account.get().enabled()) {
            log.debug("Sign-in code requested for an unknown identifier");
            return;
        }
        var id = account.get().id();
        var phone = accounts.phoneOf(account.get().personId());
        if (phone.isEmpty()) return;
        var code = codes.issue(id, OneTimeCodes.Purpose.SIGN_IN, null);
        notifications.send(SendNotification.sms(id, phone.get().value(), "notifications.signInCode", code));
        events.publishEvent(IdentityEvent.success(IdentityAudit.ONE_TIME_CODE_SENT, null, id.toString(),
                Map.of("purpose", "SIGN_IN", "to", phone.get().masked())));
    }

    /** Sends a code to a new phone number, to prove the account holder has it before it replaces the old one. */
    @Transactional
    public void sendPhoneChangeCode(UUID accountId, String newPhone) {
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parse(newPhone);
        } catch (InvalidValueException e) {
            throw InvalidInputException.of("phone", e.messageKey());
        }
        if (accounts.phoneTaken(phone)) throw InvalidInputException.of("phone", "validation.phone.taken");
        var code = codes.issue(accountId, OneTimeCodes.Purpose.CHANGE_PHONE, phone.value());
        notifications.send(SendNotification.sms(accountId, phone.value(), "notifications.phoneChangeCode", code));
        events.publishEvent(IdentityEvent.success(IdentityAudit.ONE_TIME_CODE_SENT, accountId.toString(),
                accountId.toString(), Map.of("purpose", "CHANGE_PHONE", "to", phone.masked())));
    }

    /** Replaces the phone when the code sent to the new number is right; otherwise nothing changes. */
    @Transactional
    public void changePhone(UUID accountId, String newPhone, String code) {
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parse(newPhone);
        } catch (InvalidValueException e) {
            throw InvalidInputException.of("phone", e.messageKey());
        }
        var account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        if (!codes.verify(accountId, OneTimeCodes.Purpose.CHANGE_PHONE, phone.value(), code == null ? "" : code)) {
            audit.recordNow(IdentityEvent.failure(IdentityAudit.PHONE_CHANGED, accountId.toString(),
                    accountId.toString(), Map.of("reason", "BAD_CODE")));
            throw InvalidInputException.of("code", "validation.code.invalid");
        }
        if (accounts.phoneTaken(phone)) throw InvalidInputException.of("phone", "validation.phone.taken");
        var old = accounts.person(account.personId()).maskedPhone();
        accounts.setPhone(account.personId(), phone);
        notifications.send(SendNotification.inApp(accountId, "notifications.phoneChanged", phone.masked()));
        events.publishEvent(IdentityEvent.success(IdentityAudit.PHONE_CHANGED, accountId.toString(),
                accountId.toString(), Map.of("from", old == null ? "" : old, "to", phone.masked())));
    }

    /**
     * Another person's data, for an official whose permission the caller has checked. Audited as a read of
     * personal data (PIPL), with the purpose the official gave, in this transaction: no entry, no data. Reading
     * oneself is not audited.
     */
    @Transactional
    public Optional<PersonView> readPerson(UUID target, UUID reader, String purpose) {
        var account = accounts.findById(target);
        if (account.isEmpty()) return Optional.empty();
        var person = accounts.person(account.get().personId());
        if (!target.equals(reader)) {
            audit.recordWithin(IdentityEvent.success(IdentityAudit.PERSONAL_DATA_READ, reader.toString(),
                    target.toString(), Map.of("fields", "name,idNumber,phone", "purpose", purpose)));
        }
        return Optional.of(new PersonView(target, person.name(), person.maskedIdNumber(), person.maskedPhone(),
                person.trustLevel()));
    }

    /** Lifts a lock and resets the failure count; for the operator. */
    @Transactional
    public boolean unlock(String identifier, UUID operator) {
        var account = accounts.findByIdentifier(identifier);
        if (account.isEmpty()) return false;
        accounts.resetFailures(account.get().id());
        events.publishEvent(IdentityEvent.success(IdentityAudit.ACCOUNT_UNLOCKED, operator.toString(),
                account.get().id().toString(), Map.of()));
        return true;
    }

    /** Ends every session of the account on every node (sessions live in the database). Returns how many. */
    @Transactional
    public int signOutEverywhere(UUID accountId) {
        var all = sessions.findByPrincipalName(accountId.toString());
        all.keySet().forEach(sessions::deleteById);
        events.publishEvent(IdentityEvent.success(IdentityAudit.SIGNED_OUT_EVERYWHERE, accountId.toString(),
                accountId.toString(), Map.of("sessions", Integer.toString(all.size()))));
        return all.size();
    }

    /** The passkeys registered to the account. */
    @Transactional(readOnly = true)
    public List<PasskeyView> passkeys(UUID accountId) {
        var entity = passkeyUsers.findByUsername(accountId.toString());
        if (entity == null) return List.of();
        return passkeys.findByUserId(entity.getId()).stream()
                .map(c -> new PasskeyView(c.getCredentialId().toBase64UrlString(), c.getLabel(), c.getCreated(),
                        c.getLastUsed()))
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
        events.publishEvent(IdentityEvent.success(IdentityAudit.PASSKEY_REMOVED, accountId.toString(), credentialId,
                Map.of("label", credential.getLabel())));
        return true;
    }

    /** The staff of the departments the account administers; empty for anyone who administers none. */
    @Transactional(readOnly = true)
    public List<StaffView> staff(UUID departmentAdmin) {
        return accounts.unitsWhere(departmentAdmin, Role.DEPARTMENT_ADMIN).stream()
                .flatMap(unit -> accounts.staffOf(unit).stream()).toList();
    }

    /**
     * The account holder's own name, ID number and phone, to fill in the holder's own application forms (预填).
     * Only for the holder: callers pass the signed-in account, never another.
     */
    @Transactional(readOnly = true)
    public Map<String, String> ownFacts(UUID accountId) {
        var account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        var person = accounts.person(account.personId());
        var facts = new java.util.HashMap<String, String>();
        facts.put("name", person.name());
        facts.put("idNumber", accounts.idNumberOf(account.personId()).value());
        accounts.phoneOf(account.personId()).ifPresent(p -> facts.put("phone", p.value()));
        return Map.copyOf(facts);
    }

    /** The active officials of the official's own department other than the official (for transfer, co-signing). */
    @Transactional(readOnly = true)
    public List<StaffView> colleagues(UUID official) {
        var post = accounts.officialOf(official);
        if (post.isEmpty()) return List.of();
        return accounts.staffOf(post.get().orgUnitId()).stream()
                .filter(s -> s.active() && !s.accountId().equals(official)).toList();
    }

    /** The departments with their names and unified social credit codes (public information), by code. */
    @Transactional(readOnly = true)
    public List<DepartmentView> departments() {
        return accounts.departments();
    }

    /** One department by its code. */
    @Transactional(readOnly = true)
    public Optional<DepartmentView> department(String code) {
        return accounts.departments().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    /** The accounts holding the official role in a department, by its code (for reminders to the department). */
    @Transactional(readOnly = true)
    public List<UUID> officialsOf(String orgUnitCode) {
        return accounts.officialsOf(orgUnitCode);
    }

    /**
     * A department admin posts an existing account (found by ID number, phone or login name) to their own
     * department as an official. Only the official role can be given this way: manager, operator and auditor
     * roles are never granted by a department.
     */
    @Transactional
    public UUID appointOfficial(UUID departmentAdmin, String identifier, String staffNo, String post) {
        var units = accounts.unitsWhere(departmentAdmin, Role.DEPARTMENT_ADMIN);
        if (units.isEmpty()) throw new AccountNotFoundException(departmentAdmin);
        var unit = units.getFirst();
        var errors = new HashMap<String, String>();
        var target = accounts.findByIdentifier(identifier == null ? "" : identifier);
        if (target.isEmpty()) errors.put("identifier", "identity.staff.unknownAccount");
        var cleanStaffNo = staffNo == null ? "" : staffNo.strip();
        var cleanPost = post == null ? "" : post.strip();
        if (!cleanStaffNo.matches("^[A-Za-z0-9-]{2,32}$")) errors.put("staffNo", "identity.staff.staffNoFormat");
        if (cleanPost.isEmpty() || cleanPost.length() > 50) errors.put("post", "identity.staff.postRequired");
        if (target.isPresent() && errors.isEmpty() && accounts.staffNoTakenByOther(cleanStaffNo, target.get().id())) {
            errors.put("staffNo", "identity.staff.staffNoTaken");
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        var id = target.get().id();
        accounts.postOfficial(id, unit, cleanStaffNo, cleanPost);
        accounts.grantRole(id, Role.OFFICIAL, unit, departmentAdmin);
        events.publishEvent(IdentityEvent.success(IdentityAudit.ROLE_GRANTED, departmentAdmin.toString(), id.toString(),
                Map.of("role", Role.OFFICIAL.name(), "orgUnit", unit.toString())));
        return id;
    }

    /** A department admin withdraws the official role from a member of their own department. */
    @Transactional
    public boolean withdrawOfficial(UUID departmentAdmin, UUID official) {
        for (var unit : accounts.unitsWhere(departmentAdmin, Role.DEPARTMENT_ADMIN)) {
            if (accounts.revokeRole(official, Role.OFFICIAL, unit)) {
                events.publishEvent(IdentityEvent.success(IdentityAudit.ROLE_REVOKED, departmentAdmin.toString(),
                        official.toString(), Map.of("role", Role.OFFICIAL.name(), "orgUnit", unit.toString())));
                return true;
            }
        }
        return false;
    }
}
