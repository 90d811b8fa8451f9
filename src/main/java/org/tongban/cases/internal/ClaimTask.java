package org.tongban.cases.internal;

import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseRefusedException;
import org.tongban.workflow.TaskAlreadyClaimedException;
import org.tongban.workflow.WorkflowManagement;

/** An official claims the task waiting at their department (签收); the second of two officials is refused. */
@Component
public class ClaimTask {

    private final CaseRepository cases;
    private final Officials officials;
    private final WorkflowManagement workflow;

    ClaimTask(CaseRepository cases, Officials officials, WorkflowManagement workflow) {
        this.cases = cases;
        this.officials = officials;
        this.workflow = workflow;
    }

    @Transactional
    public void claim(UUID official, String number) {
        var department = officials.departmentOf(official);
        var me = official.toString();
        var kase = cases.lock(number, department);
        var task = officials.waitingFor(number, department, me);
        kase.mayTake(task.step(), () -> cases.actedBefore(number, me));
        try {
            workflow.claim(task.taskId(), department, me);
        } catch (TaskAlreadyClaimedException e) {
            throw new CaseRefusedException("cases.error.claimedByOther");
        }
    }
}
