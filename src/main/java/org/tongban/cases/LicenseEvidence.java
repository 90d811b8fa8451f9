package org.tongban.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The license port (免证办): a material that an electronic license can replace is satisfied by the applicant's
 * license instead of an upload. The licenses module implements it; until one does, materials are uploaded.
 * Implementations check that the holder may use the license, log the use, and return the license data the
 * handling department may see.
 */
public interface LicenseEvidence {

    /** The holder's valid licenses of a type, for the applicant to choose from. */
    List<LicenseOption> available(UUID holder, String licenseType);

    /**
     * Uses a license in a case with the holder's authorisation for this item and case; refused with
     * {@link CaseRefusedException} when it is not the holder's, not of the type, or not valid.
     */
    LicenseUse use(UUID holder, String licenseId, String licenseType, String itemCode, String caseNumber);

    record LicenseOption(
            String licenseId, String name, @Nullable LocalDate validUntil) {}

    /** The license used, and the data shown to the handling official (a readable summary). */
    record LicenseUse(String licenseId, String data) {}
}
