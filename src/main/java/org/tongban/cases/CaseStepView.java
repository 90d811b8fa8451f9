package org.tongban.cases;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One step of a case's timeline. */
public record CaseStepView(String step, @Nullable String department, @Nullable String opinion, Instant at) {}
