package org.tongban.cases;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A case waiting at the official's department: where it waits, since when, who claimed it, and its time limit. */
public record InboxRow(String caseNumber, String itemCode, String step, String status, Instant submittedAt,
        Instant waitingSince, @Nullable String assignee, @Nullable LocalDate dueDate, String deadline, boolean mine) {}
