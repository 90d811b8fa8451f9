package org.tongban.identity;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.audit.AuditResult;
import org.tongban.audit.Audited;

/**
 * An audited happening in the identity module. One record with a code rather than a class per code: the
 * listeners outside identity care only about the audit trail so far; specific events (such as
 * {@link AccountRegistered}) exist where another module reacts.
 */
public record IdentityEvent(
        IdentityAudit code, @Nullable String actor, String subject, AuditResult result, Map<String, String> details)
        implements Audited {

    public static IdentityEvent success(IdentityAudit code, @Nullable String actor, String subject, Map<String, String> details) {
        return new IdentityEvent(code, actor, subject, AuditResult.SUCCESS, details);
    }

    public static IdentityEvent failure(IdentityAudit code, @Nullable String actor, String subject, Map<String, String> details) {
        return new IdentityEvent(code, actor, subject, AuditResult.FAILURE, details);
    }

    @Override
    public IdentityAudit auditCode() {
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
