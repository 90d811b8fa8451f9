package org.tongban.cases;

import java.time.Instant;

/** A case in the applicant's list. */
public record CaseSummary(String number, String itemCode, int itemVersion, String status, Instant submittedAt) {}
