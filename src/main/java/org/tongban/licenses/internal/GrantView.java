package org.tongban.licenses.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A use authorisation (用证授权) of a license.
 *
 * @param grantee the department's code or the item's code
 * @param caseNumber the case whose application used the license (null for one the holder gave on the license page)
 * @param status as it reads today
 */
public record GrantView(
        UUID id,
        String license,
        String licenseType,
        GranteeKind granteeKind,
        String grantee,
        String granteeNameZh,
        String granteeNameEn,
        String purpose,
        @Nullable String caseNumber,
        LocalDate validUntil,
        Instant createdAt,
        @Nullable Instant withdrawnAt,
        GrantStatus status) {

    public boolean active() {
        return status == GrantStatus.ACTIVE;
    }
}
