package org.tongban.cases.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of a case's timeline: what happened, at which department, with which opinion, when. */
public record CaseStepView(
        String step, @Nullable String department, @Nullable String opinion, Instant at) {}
