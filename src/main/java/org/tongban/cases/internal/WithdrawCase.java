package org.tongban.cases.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseActed;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.cases.CaseStatus;
import org.tongban.workflow.WorkflowManagement;

/** The applicant withdraws a case the department has not accepted yet (撤回); its process is cancelled. */
@Component
public class WithdrawCase {

    private final CaseRepository cases;
    private final WorkflowManagement workflow;
    private final TimeLimits limits;
    private final Notices notices;
    private final ApplicationEventPublisher events;
    private final EnterpriseStanding standing;

    WithdrawCase(
            CaseRepository cases,
            WorkflowManagement workflow,
            TimeLimits limits,
            Notices notices,
            ApplicationEventPublisher events,
            EnterpriseStanding standing) {
        this.standing = standing;
        this.cases = cases;
        this.workflow = workflow;
        this.limits = limits;
        this.notices = notices;
        this.events = events;
    }

    @Transactional
    public void withdraw(String number, UUID applicant, @Nullable String reason) {
        var kase = cases.lockOwn(number, applicant);
        if (!standing.mayReach(applicant, kase.enterpriseCode())) throw new CaseNotFoundException(number);
        kase.withdraw(applicant, reason, limits.now());
        workflow.cancel(number, "withdrawn by applicant");
        cases.save(kase);
        var status = CaseStatus.WITHDRAWN.name();
        events.publishEvent(new CaseActed(number, applicant.toString(), "WITHDRAW", status, null));
        notices.status(applicant, number, kase.itemCode(), kase.itemVersion(), status);
    }
}
