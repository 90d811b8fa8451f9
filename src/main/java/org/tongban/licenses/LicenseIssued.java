package org.tongban.licenses;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.audit.AuditCode;
import org.tongban.audit.Audited;

/**
 * A license was issued (one at a time: by an official, or on a concluded case); a batch import announces itself
 * once, as {@link LicenseAudit#LICENCE_BATCH_IMPORTED}. Carries no personal data: the holder is masked.
 *
 * @param previous the identifier of the version this one replaces (re-issue, renewal, change), if any
 * @param caseNumber the case whose approval issued it, if any
 */
public record LicenseIssued(
        String identifier,
        String type,
        String issuerDepartment,
        String holderMasked,
        @Nullable String previous,
        @Nullable String caseNumber,
        String actor,
        Instant issuedAt)
        implements Audited {

    @Override
    public AuditCode auditCode() {
        return LicenseAudit.LICENCE_ISSUED;
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
        var details = new LinkedHashMap<String, String>();
        details.put("type", type);
        details.put("department", issuerDepartment);
        details.put("holder", holderMasked);
        if (previous != null) details.put("previous", previous);
        if (caseNumber != null) details.put("case", caseNumber);
        return details;
    }
}
