package org.tongban.cases;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.tongban.catalog.CatalogManagement;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.internal.CaseStore;
import org.tongban.identity.IdentityManagement;
import org.tongban.workflow.WorkflowManagement;

/**
 * The officials' side of a case: the department's inbox and the actions at each step. An official acts only on
 * cases of their own department (another department's case is not found), and only with the actions of the
 * step the case waits at. The case's status, its timeline and the process move in one transaction.
 */
@Service
public class CaseHandling {

    private static final Map<String, Set<CaseAction>> ACTIONS_BY_STEP = Map.of(
            "accept", Set.of(CaseAction.ACCEPT, CaseAction.REFUSE),
            "review", Set.of(CaseAction.REVIEWED),
            "decide", Set.of(CaseAction.APPROVE, CaseAction.DENY));

    private final CaseStore cases;
    private final WorkflowManagement workflow;
    private final IdentityManagement identity;
    private final CatalogManagement catalog;
    private final ApplicationEventPublisher events;

    CaseHandling(CaseStore cases, WorkflowManagement workflow, IdentityManagement identity, CatalogManagement catalog,
            ApplicationEventPublisher events) {
        this.cases = cases;
        this.workflow = workflow;
        this.identity = identity;
        this.catalog = catalog;
        this.events = events;
    }

    /** Cases waiting at the official's department, oldest first. */
    @Transactional(readOnly = true)
    public java.util.List<InboxRow> inbox(UUID official) {
        var department = departmentOf(official);
        var tasks = workflow.departmentTasks(department, 200);
        var byNumber = cases.summaries(tasks.stream().map(t -> t.businessKey()).toList());
        return tasks.stream()
                .filter(t -> byNumber.containsKey(t.businessKey()))
                .map(t -> {
                    var c = byNumber.get(t.businessKey());
                    return new InboxRow(c.number(), c.itemCode(), t.step(), c.status(), c.submittedAt(), t.createdAt(),
                            t.assignee());
                })
                .toList();
    }

    /** Performs an action at the case's current step; returns the case's new status. */
    @Transactional
    public String act(UUID official, String number, CaseAction action, String opinion) {
        var department = departmentOf(official);
        var current = cases.departmentOf(number).filter(department::equals)
                .orElseThrow(() -> new CaseNotFoundException(number));
        var task = workflow.openTasks(number).stream().findFirst()
                .orElseThrow(() -> new CaseRefusedException("cases.error.notWaiting"));
        if (!ACTIONS_BY_STEP.getOrDefault(task.step(), Set.of()).contains(action)) {
            throw new CaseRefusedException("cases.error.actionNotAllowed");
        }
        var actor = official.toString();
        if (task.assignee() == null) workflow.claim(task.taskId(), current, actor);
        var outcome = switch (action) {
            case ACCEPT, REVIEWED, APPROVE -> "ACCEPT";
            case REFUSE -> "REFUSE";
            case DENY -> "DENY";
        };
        workflow.complete(task.taskId(), current, actor, Map.of("outcome", outcome));
        var status = switch (action) {
            case ACCEPT -> "ACCEPTED";
            case REVIEWED -> "IN_PROCESS";
            case REFUSE -> "NOT_ACCEPTED";
            case APPROVE -> "APPROVED";
            case DENY -> "DENIED";
        };
        var reasons = opinion == null || opinion.isBlank() ? null : opinion.strip();
        cases.move(number, status);
        cases.step(number, action.name(), actor, current, reasons);
        if (action == CaseAction.APPROVE || action == CaseAction.DENY || action == CaseAction.REFUSE) {
            concluded(number, status, reasons, actor);
        }
        return status;
    }

    private void concluded(String number, String outcome, @Nullable String reasons, String official) {
        var c = cases.full(number).orElseThrow();
        var item = catalog.version(c.itemCode(), c.itemVersion()).orElseThrow();
        events.publishEvent(new CaseConcluded(number, item.code(), item.version(), item.nameZh(), item.nameEn(),
                item.departmentCode(), item.departmentZh(), item.departmentEn(), c.applicant(), outcome,
                item.resultType(), reasons, official, c.form(), c.submittedAt(), Instant.now()));
    }

    private String departmentOf(UUID official) {
        var post = identity.profile(official).official();
        if (post == null) throw new CaseRefusedException("cases.error.notAnOfficial");
        return post.orgUnitCode();
    }
}
