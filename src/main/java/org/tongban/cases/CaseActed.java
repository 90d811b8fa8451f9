package org.tongban.cases;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.audit.AuditCode;
import org.tongban.audit.Audited;

/** Someone acted on a case: an official's step, the applicant's withdrawal or correction; with the new status. */
public record CaseActed(
        String number,
        String actor,
        String action,
        String status,
        @Nullable String department) implements Audited {

    @Override
    public AuditCode auditCode() {
        return CaseAudit.CASE_ACTED;
    }

    @Override
    public String auditActor() {
        return actor;
    }

    @Override
    public String auditSubject() {
        return number;
    }

    @Override
    public Map<String, String> auditDetails() {
        return department == null
                ? Map.of("action", action, "status", status)
                : Map.of("action", action, "status", status, "department", department);
    }
}
