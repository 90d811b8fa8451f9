package org.tongban.cases.internal;

import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseActed;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseRefusedException;
import org.tongban.workflow.ProcessStep;
import org.tongban.workflow.TaskAlreadyClaimedException;
import org.tongban.workflow.TaskSummary;
import org.tongban.workflow.WorkflowManagement;

/**
 * An official hands the step waiting at their department to a colleague (转办) or asks a colleague's opinion
 * before completing it (加签). Neither moves the case; both are recorded in its timeline and told to the colleague.
 */
@Component
public class HandOnTask {

    private final CaseRepository cases;
    private final Officials officials;
    private final WorkflowManagement workflow;
    private final Notices notices;
    private final ApplicationEventPublisher events;

    HandOnTask(
            CaseRepository cases,
            Officials officials,
            WorkflowManagement workflow,
            Notices notices,
            ApplicationEventPublisher events) {
        this.cases = cases;
        this.officials = officials;
        this.workflow = workflow;
        this.notices = notices;
        this.events = events;
    }

    /** 转办: any step but a co-signature; the colleague must be free to take it. */
    @Transactional
    public void transfer(UUID official, String number, UUID colleague, @Nullable String note) {
        handOn(
                official,
                number,
                colleague,
                note,
                CaseAction.TRANSFER,
                "transferred",
                step -> !ProcessStep.COSIGN.is(step),
                (task, department) ->
                        workflow.transfer(task.taskId(), department, official.toString(), colleague.toString()));
    }

    /** 加签: at review or decision; the step waits for the colleague's opinion. */
    @Transactional
    public void addCoSigner(UUID official, String number, UUID colleague, @Nullable String note) {
        handOn(
                official,
                number,
                colleague,
                note,
                CaseAction.ADD_CO_SIGNER,
                "coSign",
                step -> ProcessStep.REVIEW.is(step) || ProcessStep.DECIDE.is(step),
                (task, department) -> {
                    if (task.assignee() == null) workflow.claim(task.taskId(), department, official.toString());
                    workflow.addCoSigner(task.taskId(), department, official.toString(), colleague.toString());
                });
    }

    /**
     * What 转办 and 加签 share: the official's open step (one of {@code steps}) is handed on to a colleague of the
     * department by {@code handOver}, then recorded in the timeline, published and announced to the colleague.
     */
    private void handOn(
            UUID official,
            String number,
            UUID colleague,
            @Nullable String note,
            CaseAction action,
            String notice,
            Predicate<String> steps,
            BiConsumer<TaskSummary, String> handOver) {
        var department = officials.departmentOf(official);
        var kase = cases.lock(number, department);
        officials.mustBeColleague(official, colleague);
        var task = officials
                .taskOf(number, department, official.toString())
                .filter(t -> steps.test(t.step()))
                .orElseThrow(() -> new CaseRefusedException("cases.error.notWaiting"));
        // The decision goes neither to nor through someone who accepted or reviewed the case.
        var decider = (action == CaseAction.TRANSFER ? colleague : official).toString();
        kase.mayTake(task.step(), () -> cases.actedBefore(number, decider));
        try {
            handOver.accept(task, department);
        } catch (TaskAlreadyClaimedException e) {
            throw new CaseRefusedException("cases.error.claimedByOther");
        }
        kase.handedOn(action, official.toString(), department, note);
        cases.save(kase);
        events.publishEvent(new CaseActed(
                number, official.toString(), action.name(), kase.status().name(), department));
        notices.officials(List.of(colleague), notice, number, kase.itemCode(), kase.itemVersion());
    }
}
