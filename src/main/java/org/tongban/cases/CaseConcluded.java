package org.tongban.cases;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.audit.AuditCode;
import org.tongban.audit.Audited;

/**
 * A case has concluded (办结): approved, denied or not accepted. Carries what a result needs (the licenses module
 * issues a result license from it, the ratings module opens the case for rating): the item and its result type,
 * the applicant, the deciding department and official, the decision with its reasons. Not the form answers: the
 * event is stored in the event table until delivered, and the answers hold ID numbers and phones; a listener that
 * needs them reads them with {@link CaseHandling#concludedAnswers}.
 *
 * @param outcome {@code APPROVED}, {@code DENIED} or {@code NOT_ACCEPTED}
 * @param resultType the item's result type ({@code LICENCE}, {@code CERTIFICATE}, {@code APPROVAL}, …)
 */
public record CaseConcluded(
        String number,
        String itemCode,
        int itemVersion,
        String itemNameZh,
        String itemNameEn,
        String departmentCode,
        String departmentZh,
        String departmentEn,
        UUID applicant,
        String outcome,
        String resultType,
        @Nullable String opinion,
        String decidedBy,
        Instant submittedAt,
        Instant concludedAt)
        implements Audited {

    public boolean approved() {
        return outcome.equals(CaseStatus.APPROVED.name());
    }

    @Override
    public AuditCode auditCode() {
        return CaseAudit.CASE_CONCLUDED;
    }

    @Override
    public String auditActor() {
        return decidedBy;
    }

    @Override
    public String auditSubject() {
        return number;
    }

    @Override
    public Map<String, String> auditDetails() {
        return Map.of("item", itemCode, "outcome", outcome, "department", departmentCode);
    }
}
