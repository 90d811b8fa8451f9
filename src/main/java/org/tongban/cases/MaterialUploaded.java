package org.tongban.cases;

import java.util.Map;
import java.util.UUID;
import org.tongban.audit.AuditCode;
import org.tongban.audit.Audited;

/** An applicant uploaded a file for an application (its content type as sniffed, its size and SM3 digest). */
public record MaterialUploaded(UUID owner, UUID upload, String contentType, int size, String digest)
        implements Audited {

    @Override
    public AuditCode auditCode() {
        return CaseAudit.MATERIAL_UPLOADED;
    }

    @Override
    public String auditActor() {
        return owner.toString();
    }

    @Override
    public String auditSubject() {
        return upload.toString();
    }

    @Override
    public Map<String, String> auditDetails() {
        return Map.of("type", contentType, "size", Integer.toString(size), "sm3", digest);
    }
}
