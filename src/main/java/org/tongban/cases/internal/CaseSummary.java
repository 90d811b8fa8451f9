package org.tongban.cases.internal;

import java.time.Instant;
import org.tongban.cases.CaseStatus;

/** A case in the applicant's list. */
public record CaseSummary(String number, String itemCode, int itemVersion, CaseStatus status, Instant submittedAt) {}
