package org.tongban.audit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An audited happening that nothing but the audit trail listens to: a refusal, a read, a sign-in, a step of a
 * rectification. Modules publish this one record with a code from their own enum instead of writing an event
 * class per module; a happening another module reacts to gets an event of its own that implements
 * {@link Audited} (such as {@code CaseSubmitted}).
 *
 * @param actor the account id, or null for an anonymous caller
 * @param details masked values only (see {@link Audited})
 */
public record AuditRecord(
        AuditCode code, @Nullable String actor, String subject, AuditResult result, Map<String, String> details)
        implements Audited {

    public static AuditRecord success(
            AuditCode code, @Nullable String actor, String subject, Map<String, String> details) {
        return new AuditRecord(code, actor, subject, AuditResult.SUCCESS, details);
    }

    public static AuditRecord denied(
            AuditCode code, @Nullable String actor, String subject, Map<String, String> details) {
        return new AuditRecord(code, actor, subject, AuditResult.DENIED, details);
    }

    public static AuditRecord failure(
            AuditCode code, @Nullable String actor, String subject, Map<String, String> details) {
        return new AuditRecord(code, actor, subject, AuditResult.FAILURE, details);
    }

    @Override
    public AuditCode auditCode() {
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
