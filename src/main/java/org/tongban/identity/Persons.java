package org.tongban.identity;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.internal.AccountStore;
import org.tongban.identity.internal.PersonStore;
import org.tongban.identity.internal.StaffStore;
import org.tongban.shared.Masking;

/**
 * Persons as other modules see them: the account holder's own profile, facts and preferences, and an official's
 * audited read of another person. Callers pass the signed-in account id; the methods for the holder act only on
 * that account, and callers check the permission (for example {@code identity:person-read}).
 */
@Service
public class Persons {

    private final AccountStore accounts;
    private final PersonStore persons;
    private final StaffStore staff;
    private final AuditManagement audit;
    private final List<CaseRelations> caseRelations;

    Persons(
            AccountStore accounts,
            PersonStore persons,
            StaffStore staff,
            AuditManagement audit,
            List<CaseRelations> caseRelations) {
        this.accounts = accounts;
        this.persons = persons;
        this.staff = staff;
        this.audit = audit;
        this.caseRelations = caseRelations;
    }

    /** The account holder's own profile. */
    @Transactional(readOnly = true)
    public ProfileView profile(UUID accountId) {
        var account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        var person = persons.person(account.personId());
        return new ProfileView(
                accountId,
                person.name(),
                Masking.name(person.name()),
                person.maskedIdNumber(),
                person.maskedPhone(),
                person.birthDate(),
                person.sex(),
                person.trustLevel(),
                accounts.rolesOf(accountId),
                staff.officialOf(accountId).orElse(null),
                accounts.enterprisesOf(accountId),
                account.elderlyMode());
    }

    /**
     * The account holder's own name, ID number and phone, to fill in the holder's own application forms (预填).
     * Only for the holder: callers pass the signed-in account, never another.
     */
    @Transactional(readOnly = true)
    public Map<String, String> ownFacts(UUID accountId) {
        var account = accounts.findById(accountId).orElseThrow(() -> new AccountNotFoundException(accountId));
        var person = persons.person(account.personId());
        var facts = new HashMap<String, String>();
        facts.put("name", person.name());
        facts.put("idNumber", persons.idNumberOf(account.personId()).value());
        persons.phoneOf(account.personId()).ifPresent(p -> facts.put("phone", p.value()));
        return Map.copyOf(facts);
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
     * Another person's data, for an official whose permission the caller has checked. Audited as a read of
     * personal data (PIPL), with the purpose the official gave, in this transaction: no entry, no data. Reading
     * oneself is not audited. Need-to-know: the reader must hold a post in a department that has a case of the
     * person ({@link CaseRelations}); otherwise the read is refused and the refusal audited.
     *
     * @throws PersonReadRefusedException no case of the reader's department has the person as applicant
     */
    @Transactional
    public Optional<PersonView> readPerson(UUID target, UUID reader, String purpose) {
        if (!target.equals(reader)) needToKnow(target, reader);
        var account = accounts.findById(target);
        if (account.isEmpty()) return Optional.empty();
        var person = persons.person(account.get().personId());
        if (!target.equals(reader)) {
            audit.recordWithin(AuditRecord.success(
                    IdentityAudit.PERSONAL_DATA_READ,
                    reader.toString(),
                    target.toString(),
                    Map.of("fields", "name,idNumber,phone", "purpose", purpose)));
        }
        return Optional.of(new PersonView(
                target, person.name(), person.maskedIdNumber(), person.maskedPhone(), person.trustLevel()));
    }

    /**
     * The full phone number of another person, for an official who must call them (the follow-up call of a
     * rectification, 差评回访): the same need-to-know rule as {@link #readPerson}, and audited as a read of the
     * phone with the purpose, in this transaction. Empty when the person gave no phone.
     *
     * @throws PersonReadRefusedException no case of the reader's department has the person as applicant
     */
    @Transactional
    public Optional<String> revealPhone(UUID target, UUID reader, String purpose) {
        needToKnow(target, reader);
        var account = accounts.findById(target);
        if (account.isEmpty()) return Optional.empty();
        var phone = persons.phoneOf(account.get().personId());
        audit.recordWithin(AuditRecord.success(
                IdentityAudit.PERSONAL_DATA_READ,
                reader.toString(),
                target.toString(),
                Map.of("fields", "phone", "purpose", purpose)));
        return phone.map(p -> p.value());
    }

    /**
     * The names of the applicants of cases an official's department handles, by account, for the department's
     * inbox: to match what the official searches for and to show the name masked ({@link Masking#name}). Callers
     * pass only applicants of their department's own open cases; the full name is read on the case page, audited.
     */
    @Transactional(readOnly = true)
    public Map<UUID, String> applicantNames(java.util.Collection<UUID> applicants) {
        return persons.namesByAccount(applicants);
    }

    /** Refuses, and audits the refusal, unless the reader's department has a case of the target. */
    private void needToKnow(UUID target, UUID reader) {
        // Checked before the account is looked up: an unknown id and a person without a case answer alike.
        var post = staff.officialOf(reader);
        if (post.isEmpty()
                || caseRelations.stream()
                        .noneMatch(r -> r.departmentHasCaseOf(post.get().orgUnitCode(), target))) {
            audit.recordNow(AuditRecord.failure(
                    IdentityAudit.PERSONAL_DATA_READ,
                    reader.toString(),
                    target.toString(),
                    Map.of("reason", post.isEmpty() ? "NOT_AN_OFFICIAL" : "NO_CASE")));
            throw new PersonReadRefusedException(target);
        }
    }
}
