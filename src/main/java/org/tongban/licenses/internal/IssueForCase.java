package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.cases.CaseConcluded;
import org.tongban.cases.CaseHandling;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.AccountNotFoundException;
import org.tongban.identity.Departments;
import org.tongban.identity.Enterprises;
import org.tongban.identity.Persons;
import org.tongban.identity.RegisterEnterprise;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseRefusedException;
import org.tongban.licenses.LicenseStatus;
import org.tongban.shared.IdNumber;
import org.tongban.shared.InvalidValueException;

/**
 * Issues the license of an approved case (办结出证), as {@code licenses/case-results.properties} says for the item; a
 * holder who has a valid license of an exclusive type gets its next version instead (换发).
 */
@Service
class IssueForCase {

    private static final Logger log = LoggerFactory.getLogger(IssueForCase.class);

    private final LicenseTypeStore types;
    private final LicenseStore store;
    private final LicenseRegister register;
    private final CaseResults caseResults;
    private final Persons identity;
    private final Departments departments;
    private final CatalogManagement catalog;
    private final CaseHandling cases;
    private final Enterprises enterprises;
    private final AuditManagement audit;
    private final Clock clock;

    IssueForCase(
            LicenseTypeStore types,
            LicenseStore store,
            LicenseRegister register,
            CaseResults caseResults,
            Persons identity,
            Departments departments,
            CatalogManagement catalog,
            CaseHandling cases,
            Enterprises enterprises,
            AuditManagement audit,
            Clock clock) {
        this.enterprises = enterprises;
        this.clock = clock;
        this.types = types;
        this.store = store;
        this.register = register;
        this.caseResults = caseResults;
        this.identity = identity;
        this.departments = departments;
        this.catalog = catalog;
        this.cases = cases;
        this.audit = audit;
    }

    /** See {@link LicenseIssuance#issueForCase}. */
    @Transactional
    Optional<LicenseSummary> issue(CaseConcluded event) {
        if (!event.approved()) return Optional.empty();
        var result = caseResults.forItem(event.itemCode()).orElse(null);
        if (result == null) return Optional.empty();
        var type = types.find(result.type()).orElse(null);
        if (type == null) return notIssued(event, "UNKNOWN_TYPE");
        var done = store.byCase(event.number(), type.code());
        if (done.isPresent()) return Optional.of(register.summary(done.get(), today()));
        var department = departments.department(event.departmentCode()).orElse(null);
        if (department == null || department.creditCode() == null || !type.issuedBy(department.code())) {
            return notIssued(event, "NOT_ISSUER");
        }
        var today = today();
        var concluded = cases.concludedAnswers(event.number());
        if (concluded.isEmpty()) return notIssued(event, "NO_CASE");
        var answers = concluded.get();
        String holderName;
        String holderId;
        IdNumber person = null;
        String founder = null;
        try {
            switch (result.holder()) {
                case APPLICANT -> {
                    var facts = identity.ownFacts(event.applicant());
                    holderName = facts.getOrDefault("name", "");
                    person = IdNumber.parse(facts.get("idNumber"));
                    holderId = person.value();
                }
                case FORM_ENTERPRISE -> {
                    // Only to the enterprise the case was filed as (its applicant party), never to a code typed
                    // in the form: a person's own case issues no enterprise licence.
                    var filedAs = cases.concludedFiledAs(event.number());
                    if (filedAs.isEmpty()) return notIssued(event, "NOT_FILED_AS_ENTERPRISE");
                    holderName = filedAs.get().name();
                    holderId = filedAs.get().creditCode();
                }
                case NEW_ENTERPRISE, NEW_SOLE_PROPRIETOR -> {
                    // The approval founds the entity: identity enters it in the market-entity register with a new
                    // credit code, the founder (the applicant) its legal representative, bound to the account.
                    holderName = answers.getOrDefault("enterpriseName", "").strip();
                    if (holderName.isEmpty()) return notIssued(event, "NO_HOLDER");
                    var scope = answers.getOrDefault("businessScope", "").strip();
                    holderId = enterprises
                            .register(new RegisterEnterprise(
                                    event.number(),
                                    event.applicant(),
                                    holderName,
                                    result.holder() == CaseResults.HolderSource.NEW_ENTERPRISE ? '1' : '2',
                                    department.regionCode(),
                                    answers.getOrDefault("address", "").strip(),
                                    scope.length() > 100 ? scope.substring(0, 100) : scope,
                                    // A 个体工商户 is entered in the register, its operator its representative, who
                                    // claims it to act for it (not bound at once: see ADR 0030, addendum).
                                    result.holder() == CaseResults.HolderSource.NEW_ENTERPRISE))
                            .value();
                    founder = identity.ownFacts(event.applicant()).get("name");
                }
                default -> throw new IllegalStateException();
            }
        } catch (AccountNotFoundException | InvalidValueException e) {
            return notIssued(event, "NO_HOLDER");
        }
        var form = catalog.version(event.itemCode(), event.itemVersion())
                .map(i -> i.form())
                .orElse(null);
        var data = new LinkedHashMap<String, String>();
        var now = clock.instant();
        var current = type.allowMultiple() ? Optional.<License>empty() : register.activeNow(type.code(), holderId, now);
        if (current.isPresent()) {
            // Active and not lapsed, so the one that may not be superseded is the suspended one.
            if (current.get()
                    .refusal(LicenseStatus.CANCELLED, LocalDate.ofInstant(now, clock.getZone()))
                    .isPresent()) {
                return notIssued(event, "SUSPENDED");
            }
            data.putAll(register.document(current.get()).data());
        }
        data.putAll(result.data(
                question -> {
                    var answer = answers.get(question);
                    if (answer == null || form == null) return answer;
                    return form.fields().stream()
                            .filter(f -> f.name().equals(question))
                            .findFirst()
                            .map(f -> f.display(answer, Locale.CHINA))
                            .orElse(answer);
                },
                person,
                today));
        // The founder is the new entity's legal representative (operator) in the register: the licence says so.
        if (founder != null && data.containsKey("legalRepresentative")) data.put("legalRepresentative", founder);
        var checked =
                Drafts.check(type, new IssueLicense(type.code(), holderName, holderId, data, null, null, null), today);
        if (!checked.ok())
            return notIssued(
                    event,
                    "INVALID:" + String.join(",", new TreeSet<>(checked.errors().keySet())));
        LicenseStore.NewLicense row;
        try {
            row = current.isPresent()
                    ? register.replace(
                            current.get(), checked.valid(), department, event.number(), null, event.decidedBy(), now)
                    : register.placeNew(checked.valid(), department, event.number(), event.decidedBy(), now);
        } catch (LicenseRefusedException e) {
            // Another case of the same holder replaced the license at the same moment; redelivering would not help.
            // Undo whatever this attempt changed; the audit record is written in a transaction of its own.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return notIssued(event, "CONCURRENT");
        }
        if (row == null) return notIssued(event, "ALREADY_HOLDS");
        return Optional.of(register.summary(row.id(), today()));
    }

    private Optional<LicenseSummary> notIssued(CaseConcluded event, String reason) {
        log.warn("Case {} of item {} was approved but issued no licence: {}", event.number(), event.itemCode(), reason);
        audit.recordNow(AuditRecord.failure(
                LicenseAudit.LICENCE_CASE_NOT_ISSUED,
                event.decidedBy(),
                event.number(),
                Map.of("item", event.itemCode(), "reason", reason)));
        return Optional.empty();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
