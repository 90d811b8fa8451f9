package org.tongban.licenses.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.tongban.licenses.LicenseStatus;

/**
 * One license in a list (a wallet, a department's register): no personal data beyond the masked holder.
 *
 * @param id the license's number in the register (also its status-list index); lists page by it, newest first
 * @param status the effective status: a valid license past its last day reads {@link LicenseStatus#EXPIRED}
 */
public record LicenseSummary(
        long id,
        String identifier,
        String type,
        String typeNameZh,
        String typeNameEn,
        String issuerDepartment,
        String holderNameMasked,
        String holderIdMasked,
        LocalDate issueDate,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        LicenseStatus status,
        @Nullable String statusReason,
        int version,
        Instant issuedAt) {}
