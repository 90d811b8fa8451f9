package org.tongban.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A case waiting for the official's department: the step it waits at and who claimed it. */
public record InboxRow(String caseNumber, String itemCode, String step, String status, Instant submittedAt,
        Instant waitingSince, @Nullable String assignee) {}
