package org.tongban.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Implemented by every event that must reach the audit trail: who ({@link #actor}, an account id, or null for an
 * anonymous caller), what ({@link #code}) on what ({@link #subject}), with which result. Details never carry a
 * full ID number or phone: pass masked values.
 */
public interface Audited {

    AuditCode auditCode();

    @Nullable
    String auditActor();

    String auditSubject();

    default AuditResult auditResult() {
        return AuditResult.SUCCESS;
    }

    default Map<String, String> auditDetails() {
        return Map.of();
    }
}
