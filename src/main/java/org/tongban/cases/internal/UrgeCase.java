package org.tongban.cases.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseActed;
import org.tongban.workflow.WorkflowManagement;

/** The department admin urges the officials working a case at the department (催办). */
@Component
public class UrgeCase {

    private final CaseRepository cases;
    private final Officials officials;
    private final WorkflowManagement workflow;
    private final Notices notices;
    private final ApplicationEventPublisher events;

    UrgeCase(
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

    @Transactional
    public void urge(UUID departmentAdmin, String number, @Nullable String note) {
        var department = officials.departmentOf(departmentAdmin);
        var kase = cases.lock(number, department);
        var open = workflow.openTasks(number).stream()
                .filter(t -> department.equals(t.department()))
                .toList();
        kase.urge(departmentAdmin.toString(), department, !open.isEmpty(), note);
        cases.save(kase);
        events.publishEvent(new CaseActed(
                number, departmentAdmin.toString(), "URGE", kase.status().name(), department));
        notices.officials(officials.handlers(open, department), "urged", number, kase.itemCode(), kase.itemVersion());
    }
}
