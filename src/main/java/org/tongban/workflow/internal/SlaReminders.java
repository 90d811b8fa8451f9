package org.tongban.workflow.internal;

import org.flowable.engine.delegate.DelegateExecution;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.tongban.workflow.ProcessReminder;

/**
 * Called by the timers of the process models ({@code ${slaReminders.remind(execution, 'WARNING')}}): turns an
 * engine timer into a {@link ProcessReminder} for the module that owns the business object.
 */
@Component("slaReminders")
public class SlaReminders {

    private final ApplicationEventPublisher events;

    SlaReminders(ApplicationEventPublisher events) {
        this.events = events;
    }

    public void remind(DelegateExecution execution, String kind) {
        var key = execution.getProcessInstanceBusinessKey();
        var step = execution.getCurrentActivityId();
        events.publishEvent(new ProcessReminder(key == null ? "" : key, step == null ? "" : step, kind));
    }
}
