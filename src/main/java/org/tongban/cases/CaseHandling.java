package org.tongban.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.internal.CaseStore;
import org.tongban.cases.internal.CaseStore.CaseRow;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.Departments;
import org.tongban.identity.Persons;
import org.tongban.identity.StaffView;
import org.tongban.shared.WorkingDayCalendar;
import org.tongban.workflow.ProcessReminder;
import org.tongban.workflow.TaskAlreadyClaimedException;
import org.tongban.workflow.TaskSummary;
import org.tongban.workflow.WorkflowManagement;
import org.tongban.workflow.WorkflowRefusedException;

/**
 * The officials' side of a case: the department's inbox, the case detail, and the actions at each step. An
 * official acts only on cases their department takes part in (another department's case is not found) and only
 * with the actions of the step waiting at their department. The case's status, its timeline, its time limit and
 * the process move in one transaction, with the case row locked so two officials acting at once take turns.
 */
@Service
public class CaseHandling {

    /** The actions that complete each step of the built-in models. */
    private static final Map<String, Set<CaseAction>> ACTIONS_BY_STEP = Map.of(
            "accept", EnumSet.of(CaseAction.ACCEPT, CaseAction.REFUSE, CaseAction.REQUEST_CORRECTION),
            "review", EnumSet.of(CaseAction.REVIEWED, CaseAction.RETURN, CaseAction.REQUEST_CORRECTION),
            "jointReview", EnumSet.of(CaseAction.REVIEWED, CaseAction.OBJECT),
            "decide", EnumSet.of(CaseAction.APPROVE, CaseAction.DENY, CaseAction.RETURN),
            "cosign", EnumSet.of(CaseAction.CO_SIGN));
    /** Steps of uploaded models whose id is not one of the above. */
    private static final Set<CaseAction> OTHER_STEP = EnumSet.of(CaseAction.REVIEWED, CaseAction.RETURN);
    public static final List<String> STEPS = List.of("accept", "review", "jointReview", "decide", "cosign");
    /** The decisions that an official who accepted or reviewed the case may not take (separation of duties). */
    private static final Set<CaseAction> DECISIONS = EnumSet.of(CaseAction.APPROVE, CaseAction.DENY);
    /** The steps whose actor may not decide the same case. */
    private static final List<String> PRIOR_DUTIES = List.of(CaseAction.ACCEPT.name(), CaseAction.REVIEWED.name());
    public static final Set<String> SPECIAL_PROCEDURES = Set.of("HEARING", "EXPERT_REVIEW", "INSPECTION");

    private final CaseStore cases;
    private final WorkflowManagement workflow;
    private final Persons identity;
    private final Departments departments;
    private final CatalogManagement catalog;
    private final CaseManagement applicants;
    private final WorkingDayCalendar calendar;
    private final Notices notices;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate inTransaction;
    /** How often an action is tried when the engine reports that another transaction moved the same process. */
    static final int ATTEMPTS = 3;

    CaseHandling(CaseStore cases, WorkflowManagement workflow, Persons identity, Departments departments,
            CatalogManagement catalog, CaseManagement applicants, WorkingDayCalendar calendar, Notices notices,
            ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.clock = clock;
        this.inTransaction = new TransactionTemplate(transactions);
        this.cases = cases;
        this.workflow = workflow;
        this.identity = identity;
        this.departments = departments;
        this.catalog = catalog;
        this.applicants = applicants;
        this.calendar = calendar;
        this.notices = notices;
        this.events = events;
    }

    // Reading

    /** Cases waiting at the official's department, oldest first; optionally one step, or only those I claimed. */
    @Transactional(readOnly = true)
    public List<InboxRow> inbox(UUID official, @Nullable String step, boolean onlyMine) {
        var department = departmentOf(official);
        var me = official.toString();
        var tasks = workflow.departmentTasks(department, step, onlyMine ? me : null, 200);
        var byNumber = cases.listRows(tasks.stream().map(TaskSummary::businessKey).toList());
        return tasks.stream()
                .filter(t -> byNumber.containsKey(t.businessKey()))
                .map(t -> {
                    var c = byNumber.get(t.businessKey());
                    return new InboxRow(c.number(), c.itemCode(), t.step(), c.status(), c.submittedAt(), t.createdAt(),
                            t.assignee(), c.dueDate(), applicants.deadline(c), me.equals(t.assignee()));
                })
                .toList();
    }

    @Transactional(readOnly = true)
    public List<InboxRow> inbox(UUID official) {
        return inbox(official, null, false);
    }

    /** How many tasks of the official's department wait at each step. */
    @Transactional(readOnly = true)
    public Map<String, Long> counts(UUID official) {
        return workflow.departmentCounts(departmentOf(official), STEPS);
    }

    /** A case of the official's department with what the official may do now; the applicant's data read is logged. */
    @Transactional
    public OfficeCaseView detail(UUID official, String number) {
        var department = departmentOf(official);
        var c = involved(number, department);
        var open = workflow.openTasks(number);
        var mine = myTask(open, department, official.toString());
        var actions = new ArrayList<CaseAction>();
        var paused = cases.openPause(number);
        if (mine.isPresent() && c.concludedAt() == null) {
            var t = mine.get();
            boolean claimedByOther = t.assignee() != null && !t.assignee().equals(official.toString());
            if (!claimedByOther) {
                // Who accepted or reviewed the case may not decide it: they may only return it or hand it on.
                boolean separated = mayNotDecide(number, t.step(), official.toString());
                if (t.assignee() == null && !separated) actions.add(CaseAction.CLAIM);
                if (paused.isEmpty()) actions.addAll(allowed(t.step()));
                if (separated) actions.removeAll(DECISIONS);
                if (!t.step().equals("cosign")) actions.add(CaseAction.TRANSFER);
                if ((t.step().equals("decide") || t.step().equals("review")) && !separated) actions.add(CaseAction.ADD_CO_SIGNER);
            }
        }
        if (c.acceptedAt() != null && c.concludedAt() == null && mine.isPresent() && !mine.get().step().equals("cosign")) {
            if (paused.isEmpty()) actions.add(CaseAction.START_SPECIAL);
            else if (!paused.get().kind().equals("CORRECTION")) actions.add(CaseAction.END_SPECIAL);
        }
        var person = identity.readPerson(c.applicant(), official, "case " + number);
        return new OfficeCaseView(cases.view(c, applicants::deadline), c.applicant(),
                person.map(p -> p.name()).orElse(""), person.map(p -> p.maskedIdNumber()).orElse(""), mine.map(TaskSummary::step).orElse(null),
                mine.map(TaskSummary::assignee).orElse(null),
                mine.map(t -> official.toString().equals(t.assignee())).orElse(false), List.copyOf(actions),
                open.stream().map(t -> t.step() + "@" + (t.department() == null ? "applicant" : t.department())).toList(),
                paused.map(p -> p.kind()).orElse(null));
    }

    /** The status of a case the official's department takes part in. */
    @Transactional(readOnly = true)
    public String status(UUID official, String number) {
        return involved(number, departmentOf(official)).status();
    }

    /**
     * The service item code of a case the official's department takes part in; {@link CaseNotFoundException} for any
     * other case. For modules that authorise by item, such as a licence's use authorisation (用证授权).
     */
    @Transactional(readOnly = true)
    public String itemOf(UUID official, String number) {
        return involved(number, departmentOf(official)).itemCode();
    }

    /**
     * The applicant of a case the official's department takes part in; {@link CaseNotFoundException} for any other
     * case. For modules that tie an authorisation to the holder's own cases.
     */
    @Transactional(readOnly = true)
    public UUID applicantOf(UUID official, String number) {
        return involved(number, departmentOf(official)).applicant();
    }

    /**
     * The form answers of a concluded case, for the module that issues its result: {@link CaseConcluded} names the
     * case and keeps the answers (which hold ID numbers and phones) out of the event table. A case still open has
     * no result to issue: empty, as for an unknown case.
     */
    @Transactional(readOnly = true)
    public Optional<Map<String, String>> concludedAnswers(String number) {
        return cases.full(number).filter(c -> c.concludedAt() != null).map(CaseRow::form);
    }

    /** An uploaded material of a case the official's department takes part in. */
    @Transactional(readOnly = true)
    public Optional<byte[]> material(UUID official, String number, UUID upload) {
        involved(number, departmentOf(official));
        return cases.materials(number).stream().filter(m -> upload.equals(m.uploadId())).findFirst()
                .flatMap(m -> cases.content(upload));
    }

    @Transactional(readOnly = true)
    public Optional<CaseMaterialView> materialInfo(UUID official, String number, UUID upload) {
        involved(number, departmentOf(official));
        return cases.materials(number).stream().filter(m -> upload.equals(m.uploadId())).findFirst();
    }

    /** Colleagues the official may transfer to or ask to co-sign. */
    @Transactional(readOnly = true)
    public List<StaffView> colleagues(UUID official) {
        return departments.colleagues(official);
    }

    /** Open cases of the department admin's department at risk or overdue (80 % of the limit passed), soonest due first. */
    @Transactional(readOnly = true)
    public List<InboxRow> atRisk(UUID departmentAdmin) {
        var department = departmentOf(departmentAdmin);
        return cases.dueBy(department, LocalDate.now(clock), 500).stream()
                .map(c -> new InboxRow(c.number(), c.itemCode(), "", c.status(), c.submittedAt(),
                        c.acceptedAt() == null ? c.submittedAt() : c.acceptedAt(), null, c.dueDate(),
                        applicants.deadline(c), false))
                .toList();
    }

    // Acting

    /** Claims the task waiting at the official's department (签收); the second of two officials is refused. */
    @Transactional
    public void claim(UUID official, String number) {
        var department = departmentOf(official);
        involvedLocked(number, department);
        var task = myTask(workflow.openTasks(number), department, official.toString())
                .orElseThrow(() -> new CaseRefusedException("cases.error.notWaiting"));
        if (mayNotDecide(number, task.step(), official.toString())) throw new DutiesSeparatedException();
        try {
            workflow.claim(task.taskId(), department, official.toString());
        } catch (TaskAlreadyClaimedException e) {
            throw new CaseRefusedException("cases.error.claimedByOther");
        }
    }

    /**
     * Performs an action that completes the step waiting at the official's department; returns the new status.
     * When the engine reports that another transaction moved the same process at the same moment (two departments
     * completing their parallel reviews), nothing of the attempt is kept and the action is tried again from the
     * start, up to {@value #ATTEMPTS} times; only then is the official told to try again. Inside a caller's
     * transaction it is tried once.
     */
    public String act(UUID official, String number, CaseAction action, @Nullable String opinion) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) return actOnce(official, number, action, opinion);
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction.execute(s -> actOnce(official, number, action, opinion));
            } catch (CaseRefusedException e) {
                if (!e.messageKey().equals("cases.error.concurrent") || attempt == ATTEMPTS) throw e;
            }
        }
    }

    private String actOnce(UUID official, String number, CaseAction action, @Nullable String opinion) {
        var department = departmentOf(official);
        var me = official.toString();
        var c = involvedLocked(number, department);
        var task = myTask(workflow.openTasks(number), department, me)
                .orElseThrow(() -> new CaseRefusedException("cases.error.notWaiting"));
        if (!allowed(task.step()).contains(action)) throw new CaseRefusedException("cases.error.actionNotAllowed");
        if (DECISIONS.contains(action) && mayNotDecide(number, task.step(), me)) throw new DutiesSeparatedException();
        if (cases.openPause(number).isPresent()) throw new CaseRefusedException("cases.error.paused");
        var reasons = clean(opinion);
        if (reasons == null && Set.of(CaseAction.REFUSE, CaseAction.DENY, CaseAction.REQUEST_CORRECTION,
                CaseAction.RETURN, CaseAction.OBJECT, CaseAction.CO_SIGN).contains(action)) {
            throw new CaseRefusedException("cases.error.opinionRequired");
        }
        try {
            if (task.assignee() == null) workflow.claim(task.taskId(), department, me);
        } catch (TaskAlreadyClaimedException e) {
            throw new CaseRefusedException("cases.error.claimedByOther");
        }
        var now = Instant.now(clock);
        var decision = new HashMap<String, Object>();
        decision.put("outcome", switch (action) {
            case ACCEPT -> "ACCEPT";
            case REFUSE -> "REFUSE";
            case REQUEST_CORRECTION -> "CORRECTION";
            case REVIEWED -> "PASS";
            case OBJECT -> "OBJECT";
            case RETURN -> "RETURN";
            case APPROVE -> "APPROVE";
            case DENY -> "DENY";
            default -> "DONE";
        });
        String status = c.status();
        switch (action) {
            case ACCEPT -> {
                status = "ACCEPTED";
                if (c.acceptedAt() == null) {
                    var item = catalog.version(c.itemCode(), c.itemVersion()).orElseThrow();
                    var today = LocalDate.ofInstant(now, clock.getZone());
                    var d = Deadlines.compute(calendar, today, item.promisedLimit(), item.limitUnit());
                    cases.accepted(number, now, item.promisedLimit(), item.limitUnit(), d.warn(), d.due());
                    decision.put("warnAt", d.warn().atTime(LocalTime.of(9, 0)).atZone(clock.getZone()).toInstant());
                    decision.put("dueAt", d.due().plusDays(1).atStartOfDay(clock.getZone()).toInstant());
                }
            }
            case REFUSE -> status = "NOT_ACCEPTED";
            case REQUEST_CORRECTION -> {
                status = "CORRECTION_REQUESTED";
                cases.correction(number, reasons);
                if (c.acceptedAt() != null) cases.startPause(number, "CORRECTION", reasons, "IN_PROCESS", me, now);
            }
            case REVIEWED, OBJECT -> status = "IN_PROCESS";
            case APPROVE -> status = "APPROVED";
            case DENY -> status = "DENIED";
            default -> { }
        }
        try {
            workflow.complete(task.taskId(), department, me, decision);
        } catch (WorkflowRefusedException e) {
            throw new CaseRefusedException(e.reason().replace("workflow.error.", "cases.error."));
        }
        if (!status.equals(c.status())) cases.move(number, status);
        cases.step(number, action.name(), me, department, reasons);
        events.publishEvent(new CaseActed(number, me, action.name(), status, department));
        if (!status.equals(c.status())) notices.status(c.applicant(), number, c.itemCode(), c.itemVersion(), status);
        if (action == CaseAction.APPROVE || action == CaseAction.DENY || action == CaseAction.REFUSE) {
            cases.conclude(number, status, reasons, me, now);
            concluded(c, status, reasons, me, now);
        }
        return status;
    }

    /** Hands the step waiting at the official's department to a colleague (转办). */
    @Transactional
    public void transfer(UUID official, String number, UUID colleague, @Nullable String note) {
        handOn(official, number, colleague, note, CaseAction.TRANSFER, "transferred", step -> !step.equals("cosign"),
                (task, department) -> workflow.transfer(task.taskId(), department, official.toString(), colleague.toString()));
    }

    /** Asks a colleague's opinion before the step can be completed (加签). */
    @Transactional
    public void addCoSigner(UUID official, String number, UUID colleague, @Nullable String note) {
        handOn(official, number, colleague, note, CaseAction.ADD_CO_SIGNER, "coSign",
                step -> step.equals("review") || step.equals("decide"), (task, department) -> {
                    if (task.assignee() == null) workflow.claim(task.taskId(), department, official.toString());
                    workflow.addCoSigner(task.taskId(), department, official.toString(), colleague.toString());
                });
    }

    /**
     * What 转办 and 加签 share: the official's open step (one of {@code steps}) is handed on to a colleague of the
     * department by {@code handOver}, then recorded in the timeline, published and announced to the colleague.
     */
    private void handOn(UUID official, String number, UUID colleague, @Nullable String note, CaseAction action,
            String notice, java.util.function.Predicate<String> steps,
            java.util.function.BiConsumer<TaskSummary, String> handOver) {
        var department = departmentOf(official);
        var c = involvedLocked(number, department);
        colleague(official, colleague);
        var task = myTask(workflow.openTasks(number), department, official.toString())
                .filter(t -> steps.test(t.step()))
                .orElseThrow(() -> new CaseRefusedException("cases.error.notWaiting"));
        // The decision goes neither to nor through someone who accepted or reviewed the case.
        var decider = action == CaseAction.TRANSFER ? colleague : official;
        if (mayNotDecide(number, task.step(), decider.toString())) throw new DutiesSeparatedException();
        try {
            handOver.accept(task, department);
        } catch (TaskAlreadyClaimedException e) {
            throw new CaseRefusedException("cases.error.claimedByOther");
        }
        cases.step(number, action.name(), official.toString(), department, clean(note));
        events.publishEvent(new CaseActed(number, official.toString(), action.name(), c.status(), department));
        notices.officials(List.of(colleague), notice, number, c.itemCode(), c.itemVersion());
    }

    /** Starts a special procedure (特别程序): the clock stops until it ends. */
    @Transactional
    public void startSpecial(UUID official, String number, String kind, @Nullable String reason) {
        var department = departmentOf(official);
        var c = involvedLocked(number, department);
        if (!SPECIAL_PROCEDURES.contains(kind)) throw new CaseRefusedException("cases.error.specialKind");
        var why = clean(reason);
        if (why == null) throw new CaseRefusedException("cases.error.opinionRequired");
        if (c.acceptedAt() == null || c.concludedAt() != null) throw new CaseRefusedException("cases.error.notAccepted");
        if (cases.openPause(number).isPresent()) throw new CaseRefusedException("cases.error.paused");
        myTask(workflow.openTasks(number), department, official.toString())
                .orElseThrow(() -> new CaseRefusedException("cases.error.notWaiting"));
        cases.startPause(number, kind, why, c.status(), official.toString(), Instant.now(clock));
        cases.move(number, "SPECIAL_PROCEDURE");
        cases.step(number, "START_SPECIAL_" + kind, official.toString(), department, why);
        events.publishEvent(new CaseActed(number, official.toString(), "START_SPECIAL", "SPECIAL_PROCEDURE", department));
        notices.status(c.applicant(), number, c.itemCode(), c.itemVersion(), "SPECIAL_PROCEDURE");
    }

    /** Ends the special procedure with its result; the due date moves by the days it lasted. */
    @Transactional
    public void endSpecial(UUID official, String number, @Nullable String result) {
        var department = departmentOf(official);
        var c = involvedLocked(number, department);
        var pause = cases.openPause(number).filter(p -> !p.kind().equals("CORRECTION"))
                .orElseThrow(() -> new CaseRefusedException("cases.error.notPaused"));
        var what = clean(result);
        if (what == null) throw new CaseRefusedException("cases.error.opinionRequired");
        applicants.resume(c, pause, what, Instant.now(clock));
        cases.move(number, pause.resumeStatus());
        cases.step(number, "END_SPECIAL", official.toString(), department, what);
        events.publishEvent(new CaseActed(number, official.toString(), "END_SPECIAL", pause.resumeStatus(), department));
        notices.status(c.applicant(), number, c.itemCode(), c.itemVersion(), pause.resumeStatus());
    }

    /** The department admin urges the officials working a case (催办). */
    @Transactional
    public void urge(UUID departmentAdmin, String number, @Nullable String note) {
        var department = departmentOf(departmentAdmin);
        var c = involvedLocked(number, department);
        if (c.concludedAt() != null) throw new CaseRefusedException("cases.error.concluded");
        var open = workflow.openTasks(number).stream().filter(t -> department.equals(t.department())).toList();
        if (open.isEmpty()) throw new CaseRefusedException("cases.error.notWaiting");
        cases.step(number, "URGED", departmentAdmin.toString(), department, clean(note));
        events.publishEvent(new CaseActed(number, departmentAdmin.toString(), "URGE", c.status(), department));
        notices.officials(handlers(open, department), "urged", number, c.itemCode(), c.itemVersion());
    }

    /**
     * A process timer fired: warns the handlers when the case is really at 80 % of its limit (or overdue), once
     * per deadline; a deadline that moved since the timer was set (a pause) makes the reminder wait for the next.
     */
    @EventListener
    void remind(ProcessReminder reminder) {
        var c = cases.full(reminder.businessKey()).orElse(null);
        if (c == null || c.concludedAt() != null || c.dueDate() == null) return;
        var state = applicants.deadline(c);
        boolean overdue = reminder.kind().equals("OVERDUE");
        if (overdue ? !state.equals("OVERDUE") || c.overdueNotified() : !(state.equals("AT_RISK") || state.equals("OVERDUE")) || c.warned()) {
            return;
        }
        cases.flag(c.number(), overdue ? "OVERDUE" : "WARNING");
        cases.step(c.number(), overdue ? "OVERDUE" : "WARNING", null, null, null);
        var open = workflow.openTasks(c.number()).stream().filter(t -> t.department() != null).toList();
        var recipients = new ArrayList<UUID>();
        for (var department : open.stream().map(TaskSummary::department).distinct().toList()) {
            recipients.addAll(handlers(open, department));
        }
        notices.officials(recipients.stream().distinct().toList(), overdue ? "overdue" : "warning", c.number(),
                c.itemCode(), c.itemVersion());
    }

    // Helpers

    private List<UUID> handlers(List<TaskSummary> open, String department) {
        var assigned = open.stream().filter(t -> department.equals(t.department()) && t.assignee() != null)
                .map(t -> UUID.fromString(t.assignee())).toList();
        return assigned.isEmpty() ? departments.officialsOf(department) : assigned;
    }

    private void colleague(UUID official, UUID colleague) {
        if (departments.colleagues(official).stream().noneMatch(s -> s.accountId().equals(colleague))) {
            throw new CaseRefusedException("cases.error.notColleague");
        }
    }

    /** Whether the step is a decision and the official accepted or reviewed this case before. */
    private boolean mayNotDecide(String number, String step, String official) {
        return step.startsWith("decide") && cases.actedAs(number, official, PRIOR_DUTIES);
    }

    private static Set<CaseAction> allowed(String step) {
        if (step.startsWith("decide")) return ACTIONS_BY_STEP.get("decide");
        return ACTIONS_BY_STEP.getOrDefault(step, OTHER_STEP);
    }

    /** The task the official works on: a co-signature asked of them first, else the step at their department. */
    private static Optional<TaskSummary> myTask(List<TaskSummary> open, String department, String official) {
        var coSign = open.stream().filter(t -> t.step().equals("cosign") && official.equals(t.assignee())).findFirst();
        if (coSign.isPresent()) return coSign;
        return open.stream().filter(t -> department.equals(t.department()) && !t.step().equals("cosign")).findFirst();
    }

    private CaseRow involved(String number, String department) {
        return cases.full(number).filter(c -> c.involves(department)).orElseThrow(() -> new CaseNotFoundException(number));
    }

    private CaseRow involvedLocked(String number, String department) {
        return cases.lock(number).filter(c -> c.involves(department)).orElseThrow(() -> new CaseNotFoundException(number));
    }

    private static @Nullable String clean(@Nullable String text) {
        if (text == null || text.isBlank()) return null;
        var s = text.strip();
        if (s.length() > 1000) throw new CaseRefusedException("cases.error.opinionTooLong");
        return s;
    }

    private void concluded(CaseRow c, String outcome, @Nullable String reasons, String official, Instant at) {
        var item = catalog.version(c.itemCode(), c.itemVersion()).orElseThrow();
        events.publishEvent(new CaseConcluded(c.number(), item.code(), item.version(), item.nameZh(), item.nameEn(),
                item.departmentCode(), item.departmentZh(), item.departmentEn(), c.applicant(), outcome,
                item.resultType(), reasons, official, c.submittedAt(), at));
    }

    private String departmentOf(UUID official) {
        return departments.departmentOf(official).orElseThrow(() -> new CaseRefusedException("cases.error.notAnOfficial"));
    }
}
