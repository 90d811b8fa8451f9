package org.tongban.cases.internal;

import java.time.Instant;

/** One of the applicant's saved drafts as listed with their cases: the item and when it was last saved. */
public record SavedDraft(String itemCode, Instant savedAt) {}
