package org.tongban.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.tongban.cases.CaseStatus;

/** A case waiting at the official's department: where it waits, since when, who claimed it, and its time limit. */
public record InboxRow(
        String caseNumber,
        String itemCode,
        String step,
        CaseStatus status,
        Instant submittedAt,
        Instant waitingSince,
        @Nullable String assignee,
        @Nullable LocalDate dueDate,
        DeadlineState deadline,
        boolean mine) {}
