package org.tongban.cases.internal;

import java.util.ArrayList;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.tongban.workflow.ProcessReminder;
import org.tongban.workflow.TaskSummary;
import org.tongban.workflow.WorkflowManagement;

/**
 * A process timer fired: warns the handlers when the case is really at 80 % of its limit (or overdue), once per
 * deadline; a deadline that moved since the timer was set (a pause) makes the reminder wait for the next. Runs in
 * the engine's job transaction, without locking the case: it only flags it.
 */
@Component
class DeadlineReminders {

    private final CaseRepository cases;
    private final Officials officials;
    private final WorkflowManagement workflow;
    private final TimeLimits limits;
    private final Notices notices;

    DeadlineReminders(
            CaseRepository cases,
            Officials officials,
            WorkflowManagement workflow,
            TimeLimits limits,
            Notices notices) {
        this.cases = cases;
        this.officials = officials;
        this.workflow = workflow;
        this.limits = limits;
        this.notices = notices;
    }

    @EventListener
    void remind(ProcessReminder reminder) {
        var kase = cases.find(reminder.businessKey()).orElse(null);
        boolean overdue = reminder.kind().equals("OVERDUE");
        if (kase == null || !kase.remind(overdue, limits)) return;
        cases.save(kase);
        var open = workflow.openTasks(kase.number()).stream()
                .filter(t -> t.department() != null)
                .toList();
        var recipients = new ArrayList<UUID>();
        for (var department :
                open.stream().map(TaskSummary::department).distinct().toList()) {
            recipients.addAll(officials.handlers(open, department));
        }
        notices.officials(
                recipients.stream().distinct().toList(),
                overdue ? "overdue" : "warning",
                kase.number(),
                kase.itemCode(),
                kase.itemVersion());
    }
}
