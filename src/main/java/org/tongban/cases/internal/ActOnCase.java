package org.tongban.cases.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.CaseActed;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseConcluded;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.CaseStatus;
import org.tongban.catalog.CatalogManagement;
import org.tongban.workflow.TaskAlreadyClaimedException;
import org.tongban.workflow.WorkflowManagement;
import org.tongban.workflow.WorkflowRefusedException;

/**
 * An official's action that completes the step waiting at their department (受理, 补正, 审查, 决定, …). The case
 * row is locked, the case checks the action ({@link Case#act}), the engine completes the step, and the case, its
 * timeline, the events and the applicant's notice commit together.
 */
@Component
public class ActOnCase {

    /** How often an action is tried when the engine reports that another transaction moved the same process. */
    public static final int ATTEMPTS = 3;

    private final CaseRepository cases;
    private final Officials officials;
    private final WorkflowManagement workflow;
    private final CatalogManagement catalog;
    private final TimeLimits limits;
    private final Notices notices;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate inTransaction;

    ActOnCase(
            CaseRepository cases,
            Officials officials,
            WorkflowManagement workflow,
            CatalogManagement catalog,
            TimeLimits limits,
            Notices notices,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.cases = cases;
        this.officials = officials;
        this.workflow = workflow;
        this.catalog = catalog;
        this.limits = limits;
        this.notices = notices;
        this.events = events;
        this.inTransaction = new TransactionTemplate(transactions);
    }

    /**
     * Performs the action; returns the new status. When the engine reports that another transaction moved the same
     * process at the same moment (two departments completing their parallel reviews), nothing of the attempt is
     * kept and the action is tried again from the start, up to {@value #ATTEMPTS} times; only then is the official
     * told to try again. Inside a caller's transaction it is tried once.
     */
    public CaseStatus act(UUID official, String number, CaseAction action, @Nullable String opinion) {
        if (TransactionSynchronizationManager.isActualTransactionActive())
            return once(official, number, action, opinion);
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction.execute(s -> once(official, number, action, opinion));
            } catch (CaseRefusedException e) {
                if (!e.messageKey().equals("cases.error.concurrent") || attempt == ATTEMPTS) throw e;
            }
        }
    }

    private CaseStatus once(UUID official, String number, CaseAction action, @Nullable String opinion) {
        var department = officials.departmentOf(official);
        var me = official.toString();
        var kase = cases.lock(number, department);
        var task = officials.waitingFor(number, department, me);
        var now = limits.now();
        var acted = kase.act(
                task.step(),
                action,
                opinion,
                () -> cases.actedBefore(number, me),
                me,
                department,
                now,
                () -> promise(kase),
                limits);
        try {
            if (task.assignee() == null) workflow.claim(task.taskId(), department, me);
        } catch (TaskAlreadyClaimedException e) {
            throw new CaseRefusedException("cases.error.claimedByOther");
        }
        try {
            workflow.complete(task.taskId(), department, me, acted.decision());
        } catch (WorkflowRefusedException e) {
            throw new CaseRefusedException(e.reason().replace("workflow.error.", "cases.error."));
        }
        cases.save(kase);
        events.publishEvent(
                new CaseActed(number, me, action.name(), acted.status().name(), department));
        if (acted.moved())
            notices.status(
                    kase.applicant(),
                    number,
                    kase.itemCode(),
                    kase.itemVersion(),
                    acted.status().name());
        if (acted.concluded()) concluded(kase, acted.status(), acted.reasons(), me, now);
        return acted.status();
    }

    private Case.Promise promise(Case kase) {
        var item = catalog.version(kase.itemCode(), kase.itemVersion()).orElseThrow();
        return new Case.Promise(item.promisedLimit(), item.limitUnit());
    }

    private void concluded(Case c, CaseStatus outcome, @Nullable String reasons, String official, Instant at) {
        var item = catalog.version(c.itemCode(), c.itemVersion()).orElseThrow();
        events.publishEvent(new CaseConcluded(
                c.number(),
                item.code(),
                item.version(),
                item.nameZh(),
                item.nameEn(),
                item.departmentCode(),
                item.departmentZh(),
                item.departmentEn(),
                c.applicant(),
                outcome.name(),
                item.resultType(),
                reasons,
                official,
                c.submittedAt(),
                at));
    }
}
