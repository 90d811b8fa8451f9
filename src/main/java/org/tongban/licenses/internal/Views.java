package org.tongban.licenses.internal;

import java.time.LocalDate;

/** Read models from stored rows. */
public final class Views {

    private Views() {}

    public static LicenseSummary summary(LicenseStore.StoredLicense s, LicenseTypeView type, LocalDate today) {
        return new LicenseSummary(
                s.id(),
                s.identifier(),
                s.type(),
                type.nameZh(),
                type.nameEn(),
                s.issuerDepartment(),
                s.holderNameMasked(),
                s.holderIdMasked(),
                s.issueDate(),
                s.validFrom(),
                s.validTo(),
                s.effectiveStatus(today),
                s.statusReason(),
                s.version(),
                s.issuedAt());
    }
}
