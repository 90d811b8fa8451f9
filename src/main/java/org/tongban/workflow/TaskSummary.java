package org.tongban.workflow;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An open task in an inbox: which step of which business object, for which department, claimed by whom. */
public record TaskSummary(
        String taskId,
        String businessKey,
        String step,
        String stepName,
        @Nullable String department,
        @Nullable String assignee,
        Instant createdAt) {}
