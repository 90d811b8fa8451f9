package org.tongban.licenses.internal;

import java.security.SecureRandom;
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
import org.tongban.identity.Persons;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseRefusedException;
import org.tongban.licenses.LicenseStatus;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;
import org.tongban.shared.InvalidValueException;

/**
 * Issues the license of an approved case (办结出证), as {@code licenses/case-results.properties} says for the item; a
 * holder who has a valid license of an exclusive type gets its next version instead (换发).
 */
@Service
class IssueForCase {

    private static final Logger log = LoggerFactory.getLogger(IssueForCase.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LicenseTypeStore types;
    private final LicenseStore store;
    private final LicenseRegister register;
    private final CaseResults caseResults;
    private final Persons identity;
    private final Departments departments;
    private final CatalogManagement catalog;
    private final CaseHandling cases;
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
            AuditManagement audit,
            Clock clock) {
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
        try {
            switch (result.holder()) {
                case APPLICANT -> {
                    var facts = identity.ownFacts(event.applicant());
                    holderName = facts.getOrDefault("name", "");
                    person = IdNumber.parse(facts.get("idNumber"));
                    holderId = person.value();
                }
                case FORM_ENTERPRISE -> {
                    // Only to an enterprise the applicant acts for, under the name identity knows, never as typed.
                    var code = CreditCode.parse(answers.get("creditCode")).value();
                    var enterprise = identity.profile(event.applicant()).enterprises().stream()
                            .filter(e -> e.creditCode().equals(code))
                            .findFirst();
                    if (enterprise.isEmpty()) return notIssued(event, "NOT_REPRESENTED");
                    holderName = enterprise.get().name();
                    holderId = code;
                }
                case NEW_ENTERPRISE -> {
                    holderName = answers.getOrDefault("enterpriseName", "");
                    holderId = newCreditCode(department.regionCode(), '1');
                }
                case NEW_SOLE_PROPRIETOR -> {
                    holderName = answers.getOrDefault("enterpriseName", "");
                    holderId = newCreditCode(department.regionCode(), '2');
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

    /**
     * A new unified social credit code for an enterprise registered by a market-regulation department: registration
     * authority 9 (市场监管), category 1 (企业) or 2 (个体工商户), the department's region, an organisation code {@code MA} + six random
     * characters + its GB 11714 check character, and the GB 32100 check character.
     */
    static String newCreditCode(String region, char category) {
        var alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        var org = new StringBuilder("MA");
        for (int i = 0; i < 6; i++) org.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) sum += Character.digit(org.charAt(i), 36) * weights[i];
        int check = 11 - sum % 11;
        org.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
        var first17 = "9" + category + region + org;
        return first17 + CreditCode.checkChar(first17);
    }
}
