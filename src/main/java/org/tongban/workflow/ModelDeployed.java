package org.tongban.workflow;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.tongban.audit.AuditCode;
import org.tongban.audit.Audited;

/**
 * A manager deployed an uploaded process model: from now on new instances of {@code key} start at {@code version};
 * running instances finish on the version they started with.
 */
public record ModelDeployed(
        String key, String name, int version, String fileName, int sizeBytes, UUID manager, Instant deployedAt)
        implements Audited {

    @Override
    public AuditCode auditCode() {
        return WorkflowAudit.PROCESS_MODEL_DEPLOYED;
    }

    @Override
    public String auditActor() {
        return manager.toString();
    }

    @Override
    public String auditSubject() {
        return key;
    }

    @Override
    public Map<String, String> auditDetails() {
        return Map.of("version", Integer.toString(version), "file", fileName, "bytes", Integer.toString(sizeBytes));
    }
}
