package org.tongban.cases.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseActed;
import org.tongban.cases.CaseStatus;

/**
 * Special procedures (特别程序: hearing, expert review, inspection): an official of the department working the case
 * stops its clock, and ends the procedure with its result; the due date moves by the days it lasted.
 */
@Component
public class SpecialProcedures {

    private final CaseRepository cases;
    private final Officials officials;
    private final TimeLimits limits;
    private final Notices notices;
    private final ApplicationEventPublisher events;

    SpecialProcedures(
            CaseRepository cases,
            Officials officials,
            TimeLimits limits,
            Notices notices,
            ApplicationEventPublisher events) {
        this.cases = cases;
        this.officials = officials;
        this.limits = limits;
        this.notices = notices;
        this.events = events;
    }

    @Transactional
    public void start(UUID official, String number, String kind, @Nullable String reason) {
        var department = officials.departmentOf(official);
        var kase = cases.lock(number, department);
        kase.startSpecial(kind, reason, official.toString(), department, limits.now());
        officials.waitingFor(number, department, official.toString());
        cases.save(kase);
        var status = CaseStatus.SPECIAL_PROCEDURE.name();
        events.publishEvent(new CaseActed(number, official.toString(), "START_SPECIAL", status, department));
        notices.status(kase.applicant(), number, kase.itemCode(), kase.itemVersion(), status);
    }

    @Transactional
    public void end(UUID official, String number, @Nullable String result) {
        var department = officials.departmentOf(official);
        var kase = cases.lock(number, department);
        var status = kase.endSpecial(result, official.toString(), department, limits.now(), limits)
                .name();
        cases.save(kase);
        events.publishEvent(new CaseActed(number, official.toString(), "END_SPECIAL", status, department));
        notices.status(kase.applicant(), number, kase.itemCode(), kase.itemVersion(), status);
    }
}
