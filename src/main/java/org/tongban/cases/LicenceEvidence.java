package org.tongban.cases;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The licence port (免证办): a material that an electronic licence can replace is satisfied by the applicant's
 * licence instead of an upload. The licences module implements it; until one does, materials are uploaded.
 * Implementations check that the holder may use the licence, log the use, and return the licence data the
 * handling department may see.
 */
public interface LicenceEvidence {

    /** The holder's valid licences of a type, for the applicant to choose from. */
    List<LicenceOption> available(UUID holder, String licenceType);

    /**
     * Uses a licence in a case with the holder's authorisation for this item and case; refused with
     * {@link CaseRefusedException} when it is not the holder's, not of the type, or not valid.
     */
    LicenceUse use(UUID holder, String licenceId, String licenceType, String itemCode, String caseNumber);

    record LicenceOption(String licenceId, String name, @Nullable LocalDate validUntil) {}

    /** The licence used, and the data shown to the handling official (a readable summary). */
    record LicenceUse(String licenceId, String data) {}
}
