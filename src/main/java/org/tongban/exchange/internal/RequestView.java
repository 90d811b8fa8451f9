package org.tongban.exchange.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An access request as its two departments see it (and, for a grant, what was granted). */
public record RequestView(
        UUID id,
        String resourceCode,
        String resourceName,
        String ownerDepartment,
        String ownerNameZh,
        String ownerNameEn,
        String requesterDepartment,
        String requesterNameZh,
        String requesterNameEn,
        List<String> fields,
        String purpose,
        String legalBasis,
        LocalDate validFrom,
        LocalDate validUntil,
        RequestStatus status,
        @Nullable List<String> grantedFields,
        @Nullable LocalDate grantedUntil,
        @Nullable String decisionReason,
        @Nullable Instant decidedAt,
        @Nullable String clientId,
        Instant createdAt) {

    /** The OAuth2 scope that names this grant. */
    public String scope() {
        return AccessRequests.scopeOf(id);
    }

    public boolean pending() {
        return status == RequestStatus.PENDING;
    }

    public boolean approved() {
        return status == RequestStatus.APPROVED;
    }

    /** Whether the grant covers this day. */
    public boolean activeOn(LocalDate day) {
        return status == RequestStatus.APPROVED
                && grantedUntil != null
                && !day.isBefore(validFrom)
                && !day.isAfter(grantedUntil);
    }
}
