package org.tongban.ratings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One rectification in full, for the officials of the responsible department. */
public record RectificationView(
        UUID id,
        String caseNumber,
        String itemCode,
        String itemNameZh,
        String itemNameEn,
        String departmentCode,
        String outcome,
        Instant concludedAt,
        RatingView.Scores rating,
        Instant openedAt,
        LocalDate deadline,
        String status,
        boolean overdue,
        @Nullable String response,
        @Nullable Instant respondedAt,
        @Nullable Instant closedAt,
        List<FollowUp> followUps) {

    public boolean open() {
        return status.equals("OPEN");
    }

    /** A follow-up note (回访). */
    public record FollowUp(String note, String officialId, Instant at) {}
}
