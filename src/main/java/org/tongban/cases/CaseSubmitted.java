package org.tongban.cases;

import java.util.Map;
import java.util.UUID;
import org.tongban.audit.AuditCode;
import org.tongban.audit.Audited;

/** A case was filed: durable, numbered, its approval process started. */
public record CaseSubmitted(String number, String itemCode, int itemVersion, UUID applicant) implements Audited {

    @Override
    public AuditCode auditCode() {
        return CaseAudit.CASE_SUBMITTED;
    }

    @Override
    public String auditActor() {
        return applicant.toString();
    }

    @Override
    public String auditSubject() {
        return number;
    }

    @Override
    public Map<String, String> auditDetails() {
        return Map.of("item", itemCode, "version", Integer.toString(itemVersion));
    }
}
