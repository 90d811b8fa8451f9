package org.tongban.cases.internal;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.CaseFormException;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.CaseSubmitted;
import org.tongban.cases.SubmitCase;
import org.tongban.catalog.ItemView;
import org.tongban.workflow.StartProcess;
import org.tongban.workflow.WorkflowManagement;

/**
 * Files an application (一网通办): checks it, numbers it, and files the case, its materials, its first step, the
 * approval process and the events in one transaction. The applicant's idempotency key makes a repeated submit (a
 * double tap, a retry after a lost answer) return the same case.
 */
@Component
public class SubmitApplication {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final CaseRepository cases;
    private final ApplicantCheck applicants;
    private final MaterialChoices materials;
    private final DraftStore drafts;
    private final WorkflowManagement workflow;
    private final TimeLimits limits;
    private final Notices notices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate readOnly;
    private final TransactionTemplate numbering;
    private final TransactionTemplate filing;
    private final org.tongban.identity.Family family;

    SubmitApplication(
            CaseRepository cases,
            ApplicantCheck applicants,
            MaterialChoices materials,
            DraftStore drafts,
            WorkflowManagement workflow,
            TimeLimits limits,
            Notices notices,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            org.tongban.identity.Family family) {
        this.family = family;
        this.cases = cases;
        this.applicants = applicants;
        this.materials = materials;
        this.drafts = drafts;
        this.workflow = workflow;
        this.limits = limits;
        this.notices = notices;
        this.events = events;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.numbering = new TransactionTemplate(transactions);
        this.numbering.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.filing = new TransactionTemplate(transactions);
    }

    /**
     * The errors a submission of these answers and materials in this channel would meet, without writing anything.
     * Throws, like {@link #submit}, when the applicant may not file the item in the channel at all.
     */
    @Transactional(readOnly = true)
    public Map<String, String> check(
            UUID applicant,
            String itemCode,
            @Nullable String channel,
            @Nullable String enterprise,
            Map<String, String> form,
            Map<Integer, String> chosen) {
        var item = applicants.offered(itemCode);
        var answers = item.form().clean(form);
        var errors = new LinkedHashMap<>(item.form().check(answers));
        applicants.check(item, applicant, channel, enterprise, true, answers, errors);
        materials.check(item, applicant, chosen, null, errors);
        return errors;
    }

    /** Refuses, audited, an application of the item in a channel it is not offered in (nothing is written). */
    public void refuseChannel(UUID applicant, ItemView item, String channel) {
        throw applicants.wrongChannel(applicant, item, channel);
    }

    /**
     * Files the application and returns its case number (the same number for the same idempotency key).
     *
     * <p>Three steps, so that applications of one item on one day do not queue behind each other: the answers and
     * materials are checked (nothing is written when they are refused); the number is taken from the item's daily
     * sequence in a short transaction of its own, so the sequence row is locked only for that moment; then the case,
     * its materials, its first step, the process and the events commit together in one transaction, which checks
     * everything again. A number taken by a submission that then fails is not used again (numbers may have gaps;
     * they are never shared).
     */
    public String submit(SubmitCase command) {
        var key =
                command.idempotencyKey() == null ? "" : command.idempotencyKey().strip();
        if (key.isEmpty() || key.length() > 100) throw new CaseRefusedException("cases.error.idempotencyKey");
        var existing = readOnly.execute(s -> cases.numberFor(command.applicant(), key));
        if (existing.isPresent()) return existing.get();
        var item = readOnly.execute(s -> {
            var offered = applicants.offered(command.itemCode());
            validate(offered, command);
            return offered;
        });
        var today = limits.today();
        int sequence = numbering.execute(s -> cases.nextSequence(item.code(), today));
        var number = "%s-%s-%04d".formatted(item.code(), DAY.format(today), sequence);
        return filing.execute(s -> file(command, key, number));
    }

    private record Checked(ApplicantCheck.Filing filing, List<MaterialChoices.Chosen> materials) {}

    private Checked validate(ItemView item, SubmitCase command) {
        var answers = item.form().clean(command.formData());
        var errors = new LinkedHashMap<>(item.form().check(answers));
        var filing = applicants.check(
                item, command.applicant(), command.channel(), command.enterprise(), true, answers, errors);
        var chosen = materials.check(item, command.applicant(), command.materials(), null, errors);
        if (!errors.isEmpty()) throw new CaseFormException(errors);
        return new Checked(filing, chosen);
    }

    private String file(SubmitCase command, String key, String number) {
        var item = applicants.offered(command.itemCode());
        var answers = item.form().clean(command.formData());
        var checked = validate(item, command);
        var chosen = checked.materials();
        var enterprise = checked.filing().enterprise();
        var processKey = item.jointApproval() ? "jointApproval" : item.processKey();
        if (!cases.insert(
                number,
                item.code(),
                item.version(),
                item.departmentCode(),
                item.jointDepartments(),
                processKey,
                command.applicant(),
                key,
                answers,
                enterprise == null ? null : enterprise.creditCode(),
                enterprise == null ? null : enterprise.name(),
                // A relative filing for the applicant (亲友代办, ADR 0043) is recorded with the case.
                family.actingRelative(command.applicant()).orElse(null),
                limits.now())) {
            // The same applicant and key were filed by a concurrent request; this request's number stays unused.
            return cases.numberFor(command.applicant(), key).orElseThrow();
        }
        family.actedOn(command.applicant(), number);
        materials.attach(number, item, command.applicant(), chosen);
        cases.step(number, "SUBMITTED", command.applicant().toString(), null, null);
        var variables = new HashMap<String, Object>();
        variables.put("applicant", command.applicant().toString());
        variables.put("itemCode", item.code());
        variables.put("itemVersion", Integer.toString(item.version()));
        if (item.jointApproval()) variables.put("jointDepartments", item.jointDepartments());
        workflow.start(new StartProcess(processKey, number, item.departmentCode(), variables));
        drafts.deleteDraft(command.applicant(), item.code());
        events.publishEvent(new CaseSubmitted(number, item.code(), item.version(), command.applicant()));
        notices.status(command.applicant(), number, item.code(), item.version(), CaseStatus.SUBMITTED.name());
        return number;
    }
}
