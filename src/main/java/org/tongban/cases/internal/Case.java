package org.tongban.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.CaseStatus;
import org.tongban.cases.DutiesSeparatedException;
import org.tongban.workflow.ProcessStep;
import org.tongban.workflow.TaskSummary;

/**
 * A case (办件) as it changes: the aggregate that owns its status, its time limit and its pauses, and refuses a
 * transition its state does not allow with the {@link CaseRefusedException} (message key) the pages and the API
 * answer. What the process engine knows (which step waits where, who claimed it) stays with the engine; the use
 * cases look the step up and hand it in. A transition changes the case in memory and notes what to write, in order;
 * {@link CaseRepository#save} writes it in the caller's transaction, so a refusal later in the same use case (the
 * engine's, a form error) leaves nothing behind.
 *
 * <p>A plain class rather than a Spring Data JDBC entity (ADR 0023): the table's version column counts only some
 * changes, form answers are sealed per row, and the timeline and pauses are appended, not rewritten.
 *
 * <p>Longer than the module's other files on purpose: every transition of a case and every rule that refuses one
 * is here, in one place, so that no use case checks the case's state on its own.
 */
public final class Case {

    /** The actions that complete each step of the built-in models. */
    private static final Map<ProcessStep, Set<CaseAction>> ACTIONS_BY_STEP = Map.of(
            ProcessStep.ACCEPT, EnumSet.of(CaseAction.ACCEPT, CaseAction.REFUSE, CaseAction.REQUEST_CORRECTION),
            ProcessStep.REVIEW, EnumSet.of(CaseAction.REVIEWED, CaseAction.RETURN, CaseAction.REQUEST_CORRECTION),
            ProcessStep.JOINT_REVIEW, EnumSet.of(CaseAction.REVIEWED, CaseAction.OBJECT),
            ProcessStep.DECIDE, EnumSet.of(CaseAction.APPROVE, CaseAction.DENY, CaseAction.RETURN),
            ProcessStep.COSIGN, EnumSet.of(CaseAction.CO_SIGN));
    /** Steps of uploaded models whose id is not one of the above. */
    private static final Set<CaseAction> OTHER_STEP = EnumSet.of(CaseAction.REVIEWED, CaseAction.RETURN);
    /** The decisions that an official who accepted or reviewed the case may not take (separation of duties). */
    static final Set<CaseAction> DECISIONS = EnumSet.of(CaseAction.APPROVE, CaseAction.DENY);
    /** The timeline steps whose actor may not decide the same case. */
    static final List<String> PRIOR_DUTIES = List.of(CaseAction.ACCEPT.name(), CaseAction.REVIEWED.name());
    /** The actions that must say why. */
    private static final Set<CaseAction> REASONED = EnumSet.of(
            CaseAction.REFUSE,
            CaseAction.DENY,
            CaseAction.REQUEST_CORRECTION,
            CaseAction.RETURN,
            CaseAction.OBJECT,
            CaseAction.CO_SIGN);
    /** The actions that end the case. */
    private static final Set<CaseAction> CONCLUDING =
            EnumSet.of(CaseAction.APPROVE, CaseAction.DENY, CaseAction.REFUSE);

    static final int OPINION_LENGTH = 1000;
    static final int WITHDRAWAL_REASON_LENGTH = 500;

    /** The open pause of the clock, loaded with the case. */
    public record Pause(long id, PauseKind kind, CaseStatus resumeStatus, Instant startedAt) {}

    /** What a case's item promises (承诺办结时限): so many working or natural days from acceptance. */
    public record Promise(int days, String unit) {}

    /**
     * What an official's action did: the status after it, whether it moved, whether it ended the case, the reasons
     * as recorded, and the values the process continues with ({@code outcome}, and the timers' dates on first
     * acceptance).
     */
    public record Acted(
            CaseStatus status,
            boolean moved,
            boolean concluded,
            @Nullable String reasons,
            Map<String, Object> decision) {}

    /** A write a transition asks for; {@link CaseRepository#save} knows the statement of each. */
    sealed interface Change {
        record Moved(CaseStatus status) implements Change {}

        record Accepted(Instant at, int limitDays, String unit, LocalDate warn, LocalDate due) implements Change {}

        record CorrectionNoted(@Nullable String note) implements Change {}

        record FormReplaced(Map<String, String> form) implements Change {}

        record Concluded(String outcome, @Nullable String opinion, String by, Instant at) implements Change {}

        record PauseStarted(PauseKind kind, String reason, CaseStatus resumeStatus, String by, Instant at)
                implements Change {}

        record PauseEnded(long id, @Nullable String result, int days, Instant at, LocalDate warn, LocalDate due)
                implements Change {}

        record Flagged(boolean overdue) implements Change {}

        record Stepped(
                String step,
                @Nullable String actor,
                @Nullable String department,
                @Nullable String opinion) implements Change {}
    }

    private final CaseRow loaded;
    private CaseStatus status;
    private @Nullable Instant acceptedAt;
    private @Nullable String limitUnit;
    private @Nullable LocalDate warnDate;
    private @Nullable LocalDate dueDate;
    private @Nullable Instant pausedSince;
    private @Nullable Instant concludedAt;
    private boolean warned;
    private boolean overdueNotified;
    private @Nullable Pause pause;
    private final List<Change> changes = new ArrayList<>();

    Case(CaseRow row, @Nullable Pause openPause) {
        this.loaded = row;
        this.status = row.status();
        this.acceptedAt = row.acceptedAt();
        this.limitUnit = row.limitUnit();
        this.warnDate = row.warnDate();
        this.dueDate = row.dueDate();
        this.pausedSince = row.pausedSince();
        this.concludedAt = row.concludedAt();
        this.warned = row.warned();
        this.overdueNotified = row.overdueNotified();
        this.pause = openPause;
    }

    // Officials

    /**
     * An official's action that completes the step waiting at their department ({@code step}, the task's id):
     * refused when the step has no such action, when a decision would be taken by who accepted or reviewed the
     * case ({@code decidedBefore}, asked only for a decision), while the clock is paused, or without the reasons
     * the action needs. {@code promise} is asked only on first acceptance, which starts the time limit.
     */
    public Acted act(
            String step,
            CaseAction action,
            @Nullable String opinion,
            BooleanSupplier decidedBefore,
            String official,
            String department,
            Instant now,
            Supplier<Promise> promise,
            TimeLimits limits) {
        if (isConcluded()) throw new CaseRefusedException("cases.error.concluded");
        if (!actionsAt(step).contains(action)) throw new CaseRefusedException("cases.error.actionNotAllowed");
        if (DECISIONS.contains(action)
                && ProcessStep.of(step).orElse(null) == ProcessStep.DECIDE
                && decidedBefore.getAsBoolean()) {
            throw new DutiesSeparatedException();
        }
        if (pause != null) throw new CaseRefusedException("cases.error.paused");
        var reasons = text(opinion, OPINION_LENGTH);
        if (reasons == null && REASONED.contains(action)) throw new CaseRefusedException("cases.error.opinionRequired");

        var decision = new HashMap<String, Object>();
        decision.put("outcome", processOutcome(action));
        var before = status;
        switch (action) {
            case ACCEPT -> {
                status = CaseStatus.ACCEPTED;
                if (acceptedAt == null) {
                    var p = promise.get();
                    var d = limits.fromAcceptance(now, p.days(), p.unit());
                    acceptedAt = now;
                    limitUnit = p.unit();
                    warnDate = d.warn();
                    dueDate = d.due();
                    changes.add(new Change.Accepted(now, p.days(), p.unit(), d.warn(), d.due()));
                    decision.put("warnAt", limits.warnTimer(d.warn()));
                    decision.put("dueAt", limits.dueTimer(d.due()));
                }
            }
            case REFUSE -> status = CaseStatus.NOT_ACCEPTED;
            case REQUEST_CORRECTION -> {
                status = CaseStatus.CORRECTION_REQUESTED;
                changes.add(new Change.CorrectionNoted(
                        Objects.requireNonNull(reasons, "a correction request names what to correct")));
                if (acceptedAt != null) startPause(PauseKind.CORRECTION, reasons, CaseStatus.IN_PROCESS, official, now);
            }
            case REVIEWED, OBJECT -> status = CaseStatus.IN_PROCESS;
            case APPROVE -> status = CaseStatus.APPROVED;
            case DENY -> status = CaseStatus.DENIED;
            default -> {}
        }
        boolean moved = status != before;
        if (moved) changes.add(new Change.Moved(status));
        changes.add(new Change.Stepped(action.name(), official, department, reasons));
        boolean concludes = CONCLUDING.contains(action);
        if (concludes) conclude(status.name(), reasons, official, now);
        return new Acted(status, moved, concludes, reasons, decision);
    }

    /**
     * Someone takes the step: claims it (签收), is handed it (转办), or hands it on for an opinion (加签). Refused
     * when the step decides the case and they accepted or reviewed it ({@code actedBefore}, 审批分离).
     */
    public void mayTake(String step, BooleanSupplier actedBefore) {
        if (isConcluded()) throw new CaseRefusedException("cases.error.concluded");
        if (ProcessStep.of(step).orElse(null) == ProcessStep.DECIDE && actedBefore.getAsBoolean()) {
            throw new DutiesSeparatedException();
        }
    }

    /**
     * The step was handed to a colleague (转办) or a colleague's opinion asked (加签): recorded in the timeline.
     * The engine has moved the task already; a note too long refuses the whole action.
     */
    public void handedOn(CaseAction action, String official, String department, @Nullable String note) {
        if (isConcluded()) throw new CaseRefusedException("cases.error.concluded");
        changes.add(new Change.Stepped(action.name(), official, department, text(note, OPINION_LENGTH)));
    }

    /**
     * Starts a special procedure (特别程序) of an accepted, open case: the clock stops until it ends. Refused for a
     * kind that is none, without a reason, before acceptance or after conclusion, and while paused already.
     */
    public void startSpecial(String kind, @Nullable String reason, String official, String department, Instant now) {
        var special = PauseKind.special(kind).orElseThrow(() -> new CaseRefusedException("cases.error.specialKind"));
        var why = text(reason, OPINION_LENGTH);
        if (why == null) throw new CaseRefusedException("cases.error.opinionRequired");
        if (acceptedAt == null || isConcluded()) throw new CaseRefusedException("cases.error.notAccepted");
        if (pause != null) throw new CaseRefusedException("cases.error.paused");
        startPause(special, why, status, official, now);
        status = CaseStatus.SPECIAL_PROCEDURE;
        changes.add(new Change.Moved(status));
        changes.add(new Change.Stepped("START_SPECIAL_" + special.name(), official, department, why));
    }

    /** Ends the special procedure with its result; the dates move by the days it lasted. Returns the status after. */
    public CaseStatus endSpecial(
            @Nullable String result, String official, String department, Instant now, TimeLimits limits) {
        var open = Optional.ofNullable(pause)
                .filter(p -> p.kind().special())
                .orElseThrow(() -> new CaseRefusedException("cases.error.notPaused"));
        var what = text(result, OPINION_LENGTH);
        if (what == null) throw new CaseRefusedException("cases.error.opinionRequired");
        resume(open, what, now, limits);
        status = open.resumeStatus();
        changes.add(new Change.Moved(status));
        changes.add(new Change.Stepped("END_SPECIAL", official, department, what));
        return status;
    }

    /**
     * The department admin urges the handlers (催办): refused once concluded, and when no step waits at the
     * department ({@code waitingHere}).
     */
    public void urge(String admin, String department, boolean waitingHere, @Nullable String note) {
        if (isConcluded()) throw new CaseRefusedException("cases.error.concluded");
        if (!waitingHere) throw new CaseRefusedException("cases.error.notWaiting");
        changes.add(new Change.Stepped("URGED", admin, department, text(note, OPINION_LENGTH)));
    }

    /**
     * A process timer fired ({@code overdue}, else the warning): whether the handlers are to be told. Only when the
     * limit really is at risk (or overdue) on {@code today}, and once per deadline: a deadline moved by a pause
     * since the timer was set waits for the next timer.
     */
    public boolean remind(boolean overdue, TimeLimits limits) {
        if (isConcluded() || dueDate == null) return false;
        var state = deadline(limits);
        if (overdue ? state != DeadlineState.OVERDUE || overdueNotified : !state.urgent() || warned) return false;
        if (overdue) overdueNotified = true;
        else warned = true;
        changes.add(new Change.Flagged(overdue));
        var kind = overdue ? "OVERDUE" : "WARNING";
        changes.add(new Change.Stepped(kind, null, null, null));
        return true;
    }

    /**
     * What the official may do now at the task waiting for them ({@code mine}, null when none does): the step's
     * actions unless the clock is paused, claim, transfer and co-signing, special procedures once accepted; a
     * decision is never offered to who accepted or reviewed the case ({@code decidedBefore}).
     */
    public List<CaseAction> actionsFor(@Nullable TaskSummary mine, String official, BooleanSupplier decidedBefore) {
        var actions = new ArrayList<CaseAction>();
        if (mine == null || isConcluded()) return actions;
        var step = mine.step();
        boolean cosign = ProcessStep.COSIGN.is(step);
        boolean claimedByOther = mine.assignee() != null && !mine.assignee().equals(official);
        if (!claimedByOther) {
            // Who accepted or reviewed the case may not decide it: they may only return it or hand it on.
            boolean separated = ProcessStep.of(step).orElse(null) == ProcessStep.DECIDE && decidedBefore.getAsBoolean();
            if (mine.assignee() == null && !separated) actions.add(CaseAction.CLAIM);
            if (pause == null) actions.addAll(actionsAt(step));
            if (separated) actions.removeAll(DECISIONS);
            if (!cosign) actions.add(CaseAction.TRANSFER);
            if ((ProcessStep.DECIDE.is(step) || ProcessStep.REVIEW.is(step)) && !separated) {
                actions.add(CaseAction.ADD_CO_SIGNER);
            }
        }
        if (acceptedAt != null && !cosign) {
            if (pause == null) actions.add(CaseAction.START_SPECIAL);
            else if (pause.kind().special()) actions.add(CaseAction.END_SPECIAL);
        }
        return actions;
    }

    // The applicant

    /** Whether an applicant may withdraw a case in this state: until the department accepts it. */
    public static boolean withdrawable(CaseStatus status, @Nullable Instant acceptedAt) {
        return acceptedAt == null && (status == CaseStatus.SUBMITTED || status == CaseStatus.CORRECTION_REQUESTED);
    }

    /** The applicant withdraws (撤回) before acceptance, with an optional reason; the case concludes. */
    public void withdraw(UUID applicant, @Nullable String reason, Instant now) {
        if (!withdrawable(status, acceptedAt)) throw new CaseRefusedException("cases.error.notWithdrawable");
        var why = text(reason, WITHDRAWAL_REASON_LENGTH);
        status = CaseStatus.WITHDRAWN;
        changes.add(new Change.Moved(status));
        conclude(status.name(), why, applicant.toString(), now);
        changes.add(new Change.Stepped("WITHDRAWN", applicant.toString(), null, why));
    }

    /**
     * The applicant's correction (补正) replaces the answers; the case returns to where it was asked (before
     * acceptance it waits for acceptance again; after, the correction's pause ends and the dates move). Refused
     * unless a correction was asked. Returns the status after.
     */
    public CaseStatus correct(UUID applicant, Map<String, String> answers, Instant now, TimeLimits limits) {
        if (status != CaseStatus.CORRECTION_REQUESTED) throw new CaseRefusedException("cases.error.noCorrection");
        changes.add(new Change.FormReplaced(Map.copyOf(answers)));
        var next = acceptedAt == null ? CaseStatus.SUBMITTED : CaseStatus.IN_PROCESS;
        if (pause != null && pause.kind() == PauseKind.CORRECTION) {
            next = pause.resumeStatus();
            resume(pause, null, now, limits);
        }
        status = next;
        changes.add(new Change.Moved(status));
        changes.add(new Change.CorrectionNoted(null));
        changes.add(new Change.Stepped("CORRECTED", applicant.toString(), null, null));
        return status;
    }

    // State

    public String number() {
        return loaded.number();
    }

    public String itemCode() {
        return loaded.itemCode();
    }

    public int itemVersion() {
        return loaded.itemVersion();
    }

    /** The enterprise filed as (the case's applicant party), or null for a person's own case. */
    public @Nullable String enterpriseCode() {
        return loaded.enterpriseCode();
    }

    public UUID applicant() {
        return loaded.applicant();
    }

    public Instant submittedAt() {
        return loaded.submittedAt();
    }

    /** The answers as filed (or as last corrected). */
    public Map<String, String> formData() {
        return loaded.form();
    }

    public CaseStatus status() {
        return status;
    }

    public boolean isConcluded() {
        return concludedAt != null;
    }

    public boolean isAccepted() {
        return acceptedAt != null;
    }

    public Optional<Pause> pause() {
        return Optional.ofNullable(pause);
    }

    public DeadlineState deadline(TimeLimits limits) {
        return limits.state(warnDate, dueDate, pausedSince != null, concludedAt);
    }

    /** The writes the transitions so far ask for, in order; {@link CaseRepository#save} empties it. */
    List<Change> changes() {
        return changes;
    }

    // Helpers

    /** The actions that complete a step, by its task id. */
    static Set<CaseAction> actionsAt(String step) {
        return ProcessStep.of(step).map(ACTIONS_BY_STEP::get).orElse(OTHER_STEP);
    }

    /** The value of the process variable {@code outcome} the models branch on. */
    private static String processOutcome(CaseAction action) {
        return switch (action) {
            case ACCEPT -> "ACCEPT";
            case REFUSE -> "REFUSE";
            case REQUEST_CORRECTION -> "CORRECTION";
            case REVIEWED -> "PASS";
            case OBJECT -> "OBJECT";
            case RETURN -> "RETURN";
            case APPROVE -> "APPROVE";
            case DENY -> "DENY";
            default -> "DONE";
        };
    }

    private void startPause(PauseKind kind, String reason, CaseStatus resumeStatus, String by, Instant now) {
        changes.add(new Change.PauseStarted(kind, reason, resumeStatus, by, now));
        pause = new Pause(-1, kind, resumeStatus, now);
        pausedSince = now;
    }

    /** Ends the pause and moves the warning and due dates by the days it lasted. */
    private void resume(Pause open, @Nullable String result, Instant now, TimeLimits limits) {
        var unit = limitUnit == null ? Deadlines.WORKING_DAY : limitUnit;
        int days = limits.pausedDays(open.startedAt(), now, unit);
        var moved = dueDate == null || warnDate == null
                ? null
                : limits.extend(new Deadlines.Deadline(warnDate, dueDate), days, unit);
        // Without a due date there is nothing to move; the far date keeps the timers from firing.
        warnDate = moved == null ? Deadlines.FAR : moved.warn();
        dueDate = moved == null ? Deadlines.FAR : moved.due();
        warned = false;
        overdueNotified = false;
        changes.add(new Change.PauseEnded(open.id(), result, days, now, warnDate, dueDate));
        pause = null;
        pausedSince = null;
    }

    private void conclude(String outcome, @Nullable String opinion, String by, Instant now) {
        concludedAt = now;
        // The pause stays open in its table, as before; the case is no longer paused.
        pausedSince = null;
        changes.add(new Change.Concluded(outcome, opinion, by, now));
    }

    /** Text as given, stripped; null when blank; refused when longer than {@code max}. */
    static @Nullable String text(@Nullable String text, int max) {
        if (text == null || text.isBlank()) return null;
        var s = text.strip();
        if (s.length() > max) throw new CaseRefusedException("cases.error.opinionTooLong");
        return s;
    }
}
