package org.tongban.ratings;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.tongban.audit.AuditCode;
import org.tongban.audit.Audited;

/**
 * An applicant rated a concluded case. {@link #bad} ratings (level 1 or 2) have opened a rectification for the
 * department in the same transaction. The comment is not carried: it is the rater's text, read where it is kept.
 */
public record CaseRated(
        String caseNumber,
        UUID rater,
        String itemCode,
        String departmentCode,
        int level,
        Map<String, Integer> indicators,
        Instant ratedAt)
        implements Audited {

    public boolean bad() {
        return level <= 2;
    }

    @Override
    public AuditCode auditCode() {
        return RatingAudit.CASE_RATED;
    }

    @Override
    public String auditActor() {
        return rater.toString();
    }

    @Override
    public String auditSubject() {
        return caseNumber;
    }

    @Override
    public Map<String, String> auditDetails() {
        return Map.of("level", Integer.toString(level), "item", itemCode, "department", departmentCode);
    }
}
