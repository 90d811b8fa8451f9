package org.tongban.ratings;

import java.util.Map;
import org.tongban.audit.AuditResult;
import org.tongban.audit.Audited;

/**
 * An audited happening in the ratings module other than the rating itself ({@link CaseRated}): the steps of a
 * rectification, and refused ratings. One record with a code, as nothing but the audit trail listens to these.
 */
public record RatingEvent(RatingAudit code, String actor, String subject, AuditResult result, Map<String, String> details)
        implements Audited {

    public static RatingEvent success(RatingAudit code, String actor, String subject, Map<String, String> details) {
        return new RatingEvent(code, actor, subject, AuditResult.SUCCESS, details);
    }

    public static RatingEvent denied(RatingAudit code, String actor, String subject, Map<String, String> details) {
        return new RatingEvent(code, actor, subject, AuditResult.DENIED, details);
    }

    @Override
    public RatingAudit auditCode() {
        return code;
    }

    @Override
    public String auditActor() {
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
