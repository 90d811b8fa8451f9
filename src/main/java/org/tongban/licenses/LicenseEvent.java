package org.tongban.licenses;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.audit.AuditResult;
import org.tongban.audit.Audited;

/**
 * An audited happening in the licences module that nothing but the audit trail listens to: refusals, shows, reads,
 * batch summaries, key events. Issuance and status changes have their own events ({@link LicenseIssued},
 * {@link LicenseStatusChanged}), which other modules may follow.
 */
public record LicenseEvent(LicenseAudit code, @Nullable String actor, String subject, AuditResult result,
        Map<String, String> details) implements Audited {

    public static LicenseEvent success(LicenseAudit code, @Nullable String actor, String subject, Map<String, String> details) {
        return new LicenseEvent(code, actor, subject, AuditResult.SUCCESS, details);
    }

    public static LicenseEvent denied(LicenseAudit code, @Nullable String actor, String subject, Map<String, String> details) {
        return new LicenseEvent(code, actor, subject, AuditResult.DENIED, details);
    }

    public static LicenseEvent failed(LicenseAudit code, @Nullable String actor, String subject, Map<String, String> details) {
        return new LicenseEvent(code, actor, subject, AuditResult.FAILURE, details);
    }

    @Override
    public LicenseAudit auditCode() {
        return code;
    }

    @Override
    public @Nullable String auditActor() {
        return actor;
    }

    @Override
    public String auditSubject() {
        return subject;
    }

    @Override
    public AuditResult auditResult() {
        return result;
    }

    @Override
    public Map<String, String> auditDetails() {
        return details;
    }
}
