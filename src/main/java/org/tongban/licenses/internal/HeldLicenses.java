package org.tongban.licenses.internal;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseNotFoundException;
import org.tongban.licenses.internal.LicenseStore.StoredLicense;

/**
 * A license that an account holds, for the holder's own use cases (the wallet, show tokens, authorisations). Another
 * holder's license is not found, so that an identifier reveals nothing, and the attempt is recorded
 * ({@link LicenseAudit#LICENCE_ACCESS_DENIED}).
 */
@Component
class HeldLicenses {

    private final LicenseStore store;
    private final Holders holders;
    private final AuditManagement audit;

    HeldLicenses(LicenseStore store, Holders holders, AuditManagement audit) {
        this.store = store;
        this.holders = holders;
        this.audit = audit;
    }

    /**
     * One of the account's licenses.
     *
     * @param purpose what the account wanted, for the record of a refusal (READ, SHOW, GRANT ...)
     * @throws LicenseNotFoundException no such license, or not the account's
     */
    StoredLicense own(UUID account, @Nullable String identifier, String purpose) {
        var id = identifier == null ? "" : identifier.strip();
        var stored = store.find(id).orElse(null);
        if (stored == null || !holders.holds(account, stored.holderIdx())) {
            audit.recordNow(AuditRecord.denied(
                    LicenseAudit.LICENCE_ACCESS_DENIED,
                    account.toString(),
                    id,
                    Map.of("purpose", purpose, "reason", stored == null ? "NOT_FOUND" : "NOT_HOLDER")));
            throw new LicenseNotFoundException();
        }
        return stored;
    }
}
