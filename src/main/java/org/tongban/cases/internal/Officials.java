package org.tongban.cases.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseRefusedException;
import org.tongban.identity.Departments;
import org.tongban.workflow.ProcessStep;
import org.tongban.workflow.TaskSummary;
import org.tongban.workflow.WorkflowManagement;

/**
 * Who works a case: the official's department, the task waiting for them, their colleagues, and the handlers to
 * tell about a case. What every official's use case asks before it touches a case.
 */
@Component
public class Officials {

    private final Departments identity;
    private final WorkflowManagement workflow;

    Officials(Departments identity, WorkflowManagement workflow) {
        this.identity = identity;
        this.workflow = workflow;
    }

    /** The department the official works in; refused for an account that is no official. */
    public String departmentOf(UUID official) {
        return identity.departmentOf(official).orElseThrow(() -> new CaseRefusedException("cases.error.notAnOfficial"));
    }

    /** The task the official works on, if any: a co-signature asked of them first, else the step at their department. */
    public Optional<TaskSummary> taskOf(String number, String department, String official) {
        return taskOf(workflow.openTasks(number), department, official);
    }

    public static Optional<TaskSummary> taskOf(List<TaskSummary> open, String department, String official) {
        var coSign = open.stream()
                .filter(t -> ProcessStep.COSIGN.is(t.step()) && official.equals(t.assignee()))
                .findFirst();
        if (coSign.isPresent()) return coSign;
        return open.stream()
                .filter(t -> department.equals(t.department()) && !ProcessStep.COSIGN.is(t.step()))
                .findFirst();
    }

    /** The task the official works on; refused when none waits for them. */
    public TaskSummary waitingFor(String number, String department, String official) {
        return taskOf(number, department, official)
                .orElseThrow(() -> new CaseRefusedException("cases.error.notWaiting"));
    }

    /** Refuses a colleague who is not in the official's department. */
    public void mustBeColleague(UUID official, UUID colleague) {
        if (identity.colleagues(official).stream().noneMatch(s -> s.accountId().equals(colleague))) {
            throw new CaseRefusedException("cases.error.notColleague");
        }
    }

    /** Who works the department's open tasks: those who claimed them, else every official of the department. */
    public List<UUID> handlers(List<TaskSummary> open, String department) {
        var assigned = open.stream()
                .filter(t -> department.equals(t.department()) && t.assignee() != null)
                .map(t -> UUID.fromString(t.assignee()))
                .toList();
        return assigned.isEmpty() ? identity.officialsOf(department) : assigned;
    }
}
