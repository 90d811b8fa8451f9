package org.tongban.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the figures of a case are made from (效能监管, ADR 0044): item, department, channel, the person who filed
 * it, when, its due date, status and conclusion. No form answers and no names.
 *
 * @param channel {@code PERSON} (a person's own case) or {@code ENTERPRISE} (filed as an enterprise)
 * @param outcome {@code APPROVED}, {@code DENIED}, {@code NOT_ACCEPTED} or {@code WITHDRAWN} once concluded
 */
public record CaseFacts(
        String number,
        String itemCode,
        int itemVersion,
        String departmentCode,
        String channel,
        UUID applicant,
        String status,
        Instant submittedAt,
        @Nullable LocalDate dueDate,
        @Nullable Instant concludedAt,
        @Nullable String outcome) {}
