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
        if (!target.equals(reader)) {
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
}
