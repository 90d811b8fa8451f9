package org.tongban.licenses.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One use of a license under an authorisation, as its holder sees it.
 *
 * @param actorKind an official of {@code department} read the data, or the license was used in the application
 *     {@code caseNumber}
 * @param what the data put on the case, or all the license's data
 */
public record GrantUseView(
        UUID grantId,
        GrantUse.By actorKind,
        @Nullable String department,
        String departmentNameZh,
        String departmentNameEn,
        @Nullable String caseNumber,
        GrantUse.Disclosed what,
        String purpose,
        Instant at) {}
