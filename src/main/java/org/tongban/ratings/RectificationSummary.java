package org.tongban.ratings;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A row of the department's list of rectifications. */
public record RectificationSummary(
        UUID id,
        String caseNumber,
        String itemCode,
        String itemNameZh,
        String itemNameEn,
        int level,
        Instant openedAt,
        LocalDate deadline,
        String status,
        boolean overdue,
        boolean responded) {}
