package org.tongban.licenses.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.DepartmentView;
import org.tongban.identity.Departments;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseRefusedException;

/**
 * What every issuing use case checks before it signs: the request key, the official's department against the type's
 * issuers, and the data against the type's schema. Each refusal is recorded on the audit trail at once
 * ({@link LicenseAudit#LICENCE_ISSUE_REFUSED}), since the use case's transaction rolls back.
 */
@Component
class IssueChecks {

    private final LicenseTypeStore types;
    private final Departments identity;
    private final Officials officials;
    private final AuditManagement audit;

    IssueChecks(LicenseTypeStore types, Departments identity, Officials officials, AuditManagement audit) {
        this.types = types;
        this.identity = identity;
        this.officials = officials;
        this.audit = audit;
    }

    /**
     * An idempotency key as given, without spaces around.
     *
     * @throws LicenseRefusedException none, or longer than 100 characters (unprocessable)
     */
    static String requestKey(@Nullable String requestKey) {
        var key = requestKey == null ? "" : requestKey.strip();
        if (key.isEmpty() || key.length() > 100) {
            throw new LicenseRefusedException(
                    "licenses.error.idempotencyKey", LicenseRefusedException.Kind.UNPROCESSABLE);
        }
        return key;
    }

    /**
     * The official's department, when it issues the type.
     *
     * @throws LicenseRefusedException not an official, or the department does not issue the type (forbidden)
     * @throws InvalidLicenseException no such type
     */
    DepartmentView department(UUID official, String type) {
        var actor = official.toString();
        var code = officials.departmentOf(official);
        if (code == null) {
            refused(actor, type, "NOT_AN_OFFICIAL", Map.of());
            throw new LicenseRefusedException("licenses.error.notAnOfficial", LicenseRefusedException.Kind.FORBIDDEN);
        }
        var licenseType = types.find(type);
        if (licenseType.isEmpty()) {
            refused(actor, type, "UNKNOWN_TYPE", Map.of());
            throw new InvalidLicenseException(Map.of("type", "licenses.error.unknownType"));
        }
        var department = identity.department(code).orElse(null);
        if (!licenseType.get().issuedBy(code) || department == null || department.creditCode() == null) {
            refused(actor, type, "NOT_ISSUER", Map.of("department", code));
            throw new LicenseRefusedException("licenses.error.notIssuer", LicenseRefusedException.Kind.FORBIDDEN);
        }
        return department;
    }

    /**
     * The checked draft of a license to issue.
     *
     * @param subject what the refusal is recorded against: the type for a new license, the identifier for a new version
     * @throws InvalidLicenseException the data fail the type's schema or validity rule, by field
     */
    Drafts.Draft draft(LicenseTypeView type, IssueLicense command, LocalDate today, String actor, String subject) {
        var checked = Drafts.check(type, command, today);
        if (!checked.ok()) {
            var fields = String.join(",", new TreeSet<>(checked.errors().keySet()));
            refused(actor, subject, "INVALID", Map.of("fields", fields));
            throw new InvalidLicenseException(checked.errors());
        }
        return checked.valid();
    }

    /** Records a refused attempt to issue, in a transaction of its own. */
    void refused(String actor, String subject, String reason, Map<String, String> more) {
        var details = new HashMap<>(more);
        details.put("reason", reason);
        audit.recordNow(AuditRecord.denied(LicenseAudit.LICENCE_ISSUE_REFUSED, actor, subject, Map.copyOf(details)));
    }

    /** The refusal of a second active license of an exclusive type, recorded. */
    LicenseRefusedException alreadyHolds(String actor, String type) {
        refused(actor, type, "ALREADY_HOLDS", Map.of());
        return new LicenseRefusedException("licenses.error.alreadyHolds", LicenseRefusedException.Kind.CONFLICT);
    }
}
