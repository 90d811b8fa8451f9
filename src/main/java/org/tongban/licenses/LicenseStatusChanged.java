package org.tongban.licenses;

import java.time.Instant;
import java.util.Map;
import org.tongban.audit.AuditCode;
import org.tongban.audit.Audited;

/** A license's status changed (revoked, suspended, reinstated, cancelled on re-issue), with the reason given. */
public record LicenseStatusChanged(
        String identifier, LicenseStatus from, LicenseStatus to, String reason, String actor, Instant at)
        implements Audited {

    @Override
    public AuditCode auditCode() {
        return LicenseAudit.LICENCE_STATUS_CHANGED;
    }

    @Override
    public String auditActor() {
        return actor;
    }

    @Override
    public String auditSubject() {
        return identifier;
    }

    @Override
    public Map<String, String> auditDetails() {
        return Map.of("from", from.name(), "to", to.name(), "reason", reason);
    }
}
