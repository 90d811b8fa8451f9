package org.tongban.cases.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.cases.CaseStatus;
import org.tongban.identity.Departments;
import org.tongban.identity.Persons;
import org.tongban.identity.StaffView;
import org.tongban.shared.Masking;
import org.tongban.workflow.ProcessStep;
import org.tongban.workflow.TaskSummary;
import org.tongban.workflow.WorkflowManagement;

/**
 * What officials read: the department's inbox and counts, a case with what the official may do now, its
 * materials, the cases at risk. A case the official's department takes no part in is not found.
 */
@Component
public class OfficeQueries {

    private static final List<String> INBOX_STEPS =
            ProcessStep.INBOX.stream().map(ProcessStep::id).toList();

    private final CaseQueries cases;
    private final CaseRepository repository;
    private final MaterialStore materials;
    private final Officials officials;
    private final WorkflowManagement workflow;
    private final Persons identity;
    private final Departments departments;
    private final TimeLimits limits;
    private final InboxSearch search;

    OfficeQueries(
            CaseQueries cases,
            CaseRepository repository,
            MaterialStore materials,
            Officials officials,
            WorkflowManagement workflow,
            Persons identity,
            Departments departments,
            TimeLimits limits,
            InboxSearch search) {
        this.search = search;
        this.departments = departments;
        this.cases = cases;
        this.repository = repository;
        this.materials = materials;
        this.officials = officials;
        this.workflow = workflow;
        this.identity = identity;
        this.limits = limits;
    }

    @Transactional(readOnly = true)
    public List<InboxRow> inbox(UUID official, @Nullable String step, boolean onlyMine) {
        return search.oldestFirst(official, step, onlyMine, 200);
    }

    /** The inbox searched, sorted and paged ({@link InboxSearch}). */
    public InboxSearch.InboxPage inbox(UUID official, InboxSearch.Query query, java.util.Locale locale) {
        return search.search(official, query, locale);
    }

    @Transactional(readOnly = true)
    public Map<String, Long> counts(UUID official) {
        return workflow.departmentCounts(officials.departmentOf(official), INBOX_STEPS);
    }

    /** The case with what the official may do now ({@link Case#actionsFor}); reading the applicant is logged. */
    @Transactional
    public OfficeCaseView detail(UUID official, String number) {
        var department = officials.departmentOf(official);
        var me = official.toString();
        var c = involved(number, department);
        var kase = repository.of(c);
        var open = workflow.openTasks(number);
        var mine = Officials.taskOf(open, department, me);
        var actions = kase.actionsFor(mine.orElse(null), me, () -> repository.actedBefore(number, me));
        var person = identity.readPerson(c.applicant(), official, "case " + number);
        var actedBy = repository
                .actedBy(number)
                .map(a -> identity.applicantNames(List.of(a)).getOrDefault(a, ""))
                .orElse(null);
        return new OfficeCaseView(
                cases.view(c),
                c.applicant(),
                person.map(p -> p.name()).orElse(""),
                person.map(p -> p.maskedIdNumber()).orElse(""),
                mine.map(TaskSummary::step).orElse(null),
                mine.map(TaskSummary::assignee).orElse(null),
                mine.map(t -> me.equals(t.assignee())).orElse(false),
                List.copyOf(actions),
                open.stream()
                        .map(t -> t.step() + "@" + (t.department() == null ? "applicant" : t.department()))
                        .toList(),
                kase.pause().map(Case.Pause::kind).orElse(null),
                actedBy);
    }

    @Transactional(readOnly = true)
    public CaseStatus status(UUID official, String number) {
        return involved(number, officials.departmentOf(official)).status();
    }

    @Transactional(readOnly = true)
    public CaseRow involved(UUID official, String number) {
        return involved(number, officials.departmentOf(official));
    }

    /** The form answers of a concluded case; empty for a case still open, as for an unknown case. */
    @Transactional(readOnly = true)
    public Optional<Map<String, String>> concludedAnswers(String number) {
        return cases.full(number).filter(c -> c.concludedAt() != null).map(CaseRow::form);
    }

    /** The enterprise a concluded case was filed as; empty for a person's own case, an open or an unknown one. */
    public Optional<org.tongban.cases.FiledAs> concludedFiledAs(String number) {
        return cases.full(number)
                .filter(c -> c.concludedAt() != null && c.enterpriseCode() != null)
                .map(c -> new org.tongban.cases.FiledAs(
                        java.util.Objects.requireNonNull(c.enterpriseCode()),
                        java.util.Objects.requireNonNullElse(c.enterpriseName(), "")));
    }

    @Transactional(readOnly = true)
    public Optional<byte[]> material(UUID official, String number, UUID upload) {
        return materialInfo(official, number, upload).flatMap(m -> materials.content(upload));
    }

    @Transactional(readOnly = true)
    public Optional<CaseMaterialView> materialInfo(UUID official, String number, UUID upload) {
        involved(number, officials.departmentOf(official));
        return cases.materials(number).stream()
                .filter(m -> upload.equals(m.uploadId()))
                .findFirst();
    }

    @Transactional(readOnly = true)
    public List<StaffView> colleagues(UUID official) {
        return departments.colleagues(official);
    }

    /** Open cases of the admin's department at risk or overdue (80 % of the limit passed), soonest due first. */
    @Transactional(readOnly = true)
    public List<InboxRow> atRisk(UUID departmentAdmin) {
        var department = officials.departmentOf(departmentAdmin);
        var due = cases.dueBy(department, limits.today(), 500);
        var names = identity.applicantNames(
                due.stream().map(CaseRow::applicant).distinct().toList());
        return due.stream()
                .map(c -> new InboxRow(
                        c.number(),
                        c.itemCode(),
                        "",
                        c.status(),
                        c.submittedAt(),
                        c.acceptedAt() == null ? c.submittedAt() : c.acceptedAt(),
                        null,
                        c.dueDate(),
                        limits.state(c),
                        false,
                        Masking.name(names.getOrDefault(c.applicant(), "")),
                        null))
                .toList();
    }

    private CaseRow involved(String number, String department) {
        return cases.full(number)
                .filter(c -> c.involves(department))
                .orElseThrow(() -> new CaseNotFoundException(number));
    }
}
