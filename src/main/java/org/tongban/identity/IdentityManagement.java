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
import org.tongban.identity.internal.RegistrationSms;
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
    /** Roles of the console (管, 运, 审): never combined with handling cases in a department. */
    static final java.util.Set<Role> CONSOLE_ROLES = java.util.EnumSet.of(Role.GOVERNMENT_MANAGER,
            Role.PLATFORM_OPERATOR, Role.AUDITOR);

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
    private final List<CaseRelations> caseRelations;
    private final FaceVerification faces;
    private final RegistrationSms registrationSms;

    IdentityManagement(AccountStore accounts, OneTimeCodes codes, PasswordEncoder passwords,
            PopulationRegister population, NotificationManagement notifications, ApplicationEventPublisher events,
            AuditManagement audit, FindByIndexNameSessionRepository<? extends Session> sessions,
            UserCredentialRepository passkeys, PublicKeyCredentialUserEntityRepository passkeyUsers,
            List<CaseRelations> caseRelations, FaceVerification faces, RegistrationSms registrationSms) {
        this.caseRelations = caseRelations;
        this.faces = faces;
        this.registrationSms = registrationSms;
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
     * The first step of registering a citizen: every field is checked and all problems are reported together, keyed
     * by field; a second registration with the same ID number or phone is refused. When all pass, a code is sent to
     * the phone and the registration waits for it ({@link #completeRegistration}); nothing is written but the code.
     */
    @Transactional
    public PendingRegistration startRegistration(RegisterCitizen command) {
        var checked = checkRegistration(command.idNumber(), command.name(), command.phone(), command.password());
        var code = codes.issueForPhone(OneTimeCodes.Purpose.REGISTER, checked.phone().value());
        registrationSms.send(checked.phone().value(), code);
        events.publishEvent(IdentityEvent.success(IdentityAudit.ONE_TIME_CODE_SENT, null, checked.id().masked(),
                Map.of("purpose", "REGISTER", "to", checked.phone().masked())));
        return new PendingRegistration(checked.id().value(), checked.name(), checked.phone().value(),
                passwords.encode(command.password()), checked.phone().masked());
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
            audit.recordNow(IdentityEvent.failure(IdentityAudit.REGISTRATION_REFUSED, null, id.masked(),
                    Map.of("fields", "code")));
            throw InvalidInputException.of("code", "validation.code.invalid");
        }
        var errors = new HashMap<String, String>();
        if (accounts.idNumberTaken(id)) errors.put("idNumber", "validation.idNumber.taken");
        if (accounts.phoneTaken(phone)) errors.put("phone", "validation.phone.taken");
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        var personId = accounts.insertPerson(pending.name(), id, phone, 2);
        var accountId = accounts.insertAccount(personId, null, pending.passwordHash());
        accounts.grantRole(accountId, Role.CITIZEN, null, null);
        notifications.send(SendNotification.inApp(accountId, "notifications.welcome", Masking.name(pending.name())));
        events.publishEvent(new AccountRegistered(accountId, id.masked(), 2));
        return accountId;
    }

    private record CheckedRegistration(IdNumber id, String name, PhoneNumber phone) {}

    private CheckedRegistration checkRegistration(String idNumber, String rawName, String rawPhone, String password) {
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
        else if (name.length() > NAME_MAX || !name.matches("^[\\p{IsHan}·A-Za-z ]+$")) errors.put("name", "validation.name.format");
        var violations = PasswordPolicy.violations(password == null ? "" : password,
                id == null ? idNumber : id.value(), phone == null ? rawPhone : phone.value(), null);
        if (!violations.isEmpty()) errors.put("password", violations.getFirst());
        if (id != null && accounts.idNumberTaken(id)) errors.put("idNumber", "validation.idNumber.taken");
        if (phone != null && accounts.phoneTaken(phone)) errors.put("phone", "validation.phone.taken");
        if (!errors.isEmpty()) {
            audit.recordNow(IdentityEvent.failure(IdentityAudit.REGISTRATION_REFUSED, null,
                    id == null ? "invalid" : id.masked(), Map.of("fields", String.join(",", new java.util.TreeSet<>(errors.keySet())))));
            throw new InvalidInputException(errors);
        }
        return new CheckedRegistration(id, name, phone);
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

    /**
     * The code of the department in which the account holds an official's post; empty for anyone else, an unknown
     * account included. The one answer to "which department is this official in" for every module.
     */
    @Transactional(readOnly = true)
    public Optional<String> departmentOf(UUID accountId) {
        return accounts.officialOf(accountId).map(OfficialView::orgUnitCode);
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

    /** Whether the face check is the development stand-in (the account page then offers its two outcomes). */
    public boolean demoFaceCheck() {
        return faces.demo();
    }

    /**
     * Raises the account to trust level 3 when both proofs hold: the population register confirms name and ID
     * number together, and the face check confirms that the live face captured for this check ({@code faceEvidence},
     * the provider's result token) is that person's. Knowing a name and an ID number is not enough. Returns the level
     * after the check; a failure leaves the level unchanged and is audited with its reason.
     */
    @Transactional
    public int verifyIdentity(UUID accountId, String faceEvidence) {
        var account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        if (account.trustLevel() >= 3) return account.trustLevel();
        var id = accounts.idNumberOf(account.personId());
        String reason = null;
        if (!population.matches(id, account.name())) reason = "REGISTER_MISMATCH";
        else if (faceEvidence == null || faceEvidence.isBlank() || !faces.verify(id, account.name(), faceEvidence.strip())) {
            reason = "FACE_MISMATCH";
        }
        if (reason != null) {
            audit.recordNow(IdentityEvent.failure(IdentityAudit.TRUST_LEVEL_RAISED, accountId.toString(),
                    accountId.toString(), Map.of("from", Integer.toString(account.trustLevel()), "to", "3", "reason", reason)));
            return account.trustLevel();
        }
        accounts.setTrustLevel(account.personId(), 3);
        events.publishEvent(IdentityEvent.success(IdentityAudit.TRUST_LEVEL_RAISED, accountId.toString(),
                accountId.toString(), Map.of("from", Integer.toString(account.trustLevel()), "to", "3",
                        "proof", "POPULATION_REGISTER+FACE")));
        return 3;
    }

    /**
     * Sends a sign-in code to the phone of the account named by the identifier. Says nothing about whether the
     * account exists: an unknown identifier does the same visible thing and sends nothing, and counts against the
     * same limit per identifier typed. A phone that has had its codes (one a minute, ten a day) gets none, silently:
     * the code sent before stays valid.
     *
     * @throws org.tongban.platform.TooManyRequestsException when this identifier has had its codes (429)
     */
    @Transactional
    public void sendSignInCode(String identifier) {
        codes.countRequestFor(identifier);
        var account = accounts.findByIdentifier(identifier);
        if (account.isEmpty() || !account.get().enabled()) {
            log.debug("Sign-in code requested for an unknown identifier");
            return;
        }
        var id = account.get().id();
        var phone = accounts.phoneOf(account.get().personId());
        if (phone.isEmpty()) return;
        if (!codes.send(id, OneTimeCodes.Purpose.SIGN_IN, null, phone.get(), "notifications.signInCode",
                OneTimeCodes.WhenLimited.SEND_NOTHING)) {
            audit.recordNow(IdentityEvent.failure(IdentityAudit.ONE_TIME_CODE_REFUSED, null, id.toString(),
                    Map.of("purpose", "SIGN_IN", "to", phone.get().masked(), "reason", "RATE_LIMITED")));
            return;
        }
        events.publishEvent(IdentityEvent.success(IdentityAudit.ONE_TIME_CODE_SENT, null, id.toString(),
                Map.of("purpose", "SIGN_IN", "to", phone.get().masked())));
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
        if (accounts.phoneTaken(phone)) throw InvalidInputException.of("phone", "validation.phone.taken");
        // Refused aloud: the caller is signed in and asked for this number, so a 429 tells nothing new.
        codes.send(accountId, OneTimeCodes.Purpose.CHANGE_PHONE, phone.value(), phone, "notifications.phoneChangeCode",
                OneTimeCodes.WhenLimited.REFUSE);
        events.publishEvent(IdentityEvent.success(IdentityAudit.ONE_TIME_CODE_SENT, accountId.toString(),
                accountId.toString(), Map.of("purpose", "CHANGE_PHONE", "to", phone.masked())));
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
     * oneself is not audited. Need-to-know: the reader must hold a post in a department that has a case of the
     * person ({@link CaseRelations}); otherwise the read is refused and the refusal audited.
     *
     * @throws PersonReadRefusedException no case of the reader's department has the person as applicant
     */
    @Transactional
    public Optional<PersonView> readPerson(UUID target, UUID reader, String purpose) {
        if (!target.equals(reader)) {
            // Checked before the account is looked up: an unknown id and a person without a case answer alike.
            var post = accounts.officialOf(reader);
            if (post.isEmpty() || caseRelations.stream()
                    .noneMatch(r -> r.departmentHasCaseOf(post.get().orgUnitCode(), target))) {
                audit.recordNow(IdentityEvent.failure(IdentityAudit.PERSONAL_DATA_READ, reader.toString(),
                        target.toString(), Map.of("reason", post.isEmpty() ? "NOT_AN_OFFICIAL" : "NO_CASE")));
                throw new PersonReadRefusedException(target);
            }
        }
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

    /**
     * Ends every session of the account on every node (sessions live in the database) and revokes its apps' tokens:
     * refresh tokens are deleted and access tokens issued until now are refused. Returns how many sessions ended.
     */
    @Transactional
    public int signOutEverywhere(UUID accountId) {
        var all = sessions.findByPrincipalName(accountId.toString());
        all.keySet().forEach(sessions::deleteById);
        int apps = accounts.revokeTokens(accountId);
        events.publishEvent(IdentityEvent.success(IdentityAudit.SIGNED_OUT_EVERYWHERE, accountId.toString(),
                accountId.toString(), Map.of("sessions", Integer.toString(all.size()), "apps", Integer.toString(apps))));
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
     * department as an official. Only the official role can be given this way, and only to an account that holds
     * no console role (manager, operator, auditor: 三员 stay apart from handling cases) and no post in another
     * department (that department withdraws it first). Refusals are audited.
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
        if (target.isPresent()) {
            var id = target.get().id();
            if (accounts.rolesOf(id).stream().anyMatch(CONSOLE_ROLES::contains)) {
                errors.put("identifier", "identity.staff.consoleRole");
            } else if (accounts.staffUnitsOf(id).stream().anyMatch(u -> !u.equals(unit))) {
                errors.put("identifier", "identity.staff.otherDepartment");
            }
            if (errors.containsKey("identifier")) {
                audit.recordNow(IdentityEvent.failure(IdentityAudit.ROLE_GRANTED, departmentAdmin.toString(),
                        id.toString(), Map.of("role", Role.OFFICIAL.name(), "orgUnit", unit.toString(), "reason",
                                errors.get("identifier").equals("identity.staff.consoleRole") ? "CONSOLE_ROLE" : "OTHER_DEPARTMENT")));
            }
        }
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
