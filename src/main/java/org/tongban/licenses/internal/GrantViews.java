package org.tongban.licenses.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.Departments;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.internal.GrantStore.StoredGrant;
import org.tongban.licenses.internal.LicenseStore.StoredLicense;

/**
 * What the use authorisation use cases share: a grant as the holder or an official sees it, its grantee named in
 * both languages, and the records of refusals ({@link LicenseAudit#LICENCE_GRANT_REFUSED},
 * {@link LicenseAudit#LICENCE_GRANT_READ_REFUSED}), written at once since the refused transaction rolls back.
 */
@Component
class GrantViews {

    private final Departments identity;
    private final CatalogManagement catalog;
    private final AuditManagement audit;

    GrantViews(Departments identity, CatalogManagement catalog, AuditManagement audit) {
        this.identity = identity;
        this.catalog = catalog;
        this.audit = audit;
    }

    GrantView view(StoredGrant g, StoredLicense stored, LocalDate today) {
        String zh = g.grantee();
        String en = g.grantee();
        if (g.granteeKind() == GranteeKind.DEPARTMENT) {
            var d = identity.department(g.grantee());
            if (d.isPresent()) {
                zh = d.get().nameZh();
                en = d.get().nameEn();
            }
        } else {
            var item = catalog.guide(g.grantee());
            if (item.isPresent()) {
                zh = item.get().nameZh();
                en = item.get().nameEn();
            }
        }
        return new GrantView(
                g.id(),
                stored.identifier(),
                stored.type(),
                g.granteeKind(),
                g.grantee(),
                zh,
                en,
                g.purpose(),
                g.caseNumber(),
                g.validUntil(),
                g.createdAt(),
                g.withdrawnAt(),
                g.status(today));
    }

    /** Records a refused authorisation or use by the holder, in a transaction of its own. */
    void refused(UUID holder, String identifier, String reason, Map<String, String> more) {
        var details = new LinkedHashMap<String, String>(more);
        details.put("reason", reason);
        audit.recordNow(AuditRecord.denied(LicenseAudit.LICENCE_GRANT_REFUSED, holder.toString(), identifier, details));
    }

    /** Records an official's refused read through a grant, in a transaction of its own. */
    void readRefused(String actor, String grant, String reason) {
        audit.recordNow(
                AuditRecord.denied(LicenseAudit.LICENCE_GRANT_READ_REFUSED, actor, grant, Map.of("reason", reason)));
    }
}
