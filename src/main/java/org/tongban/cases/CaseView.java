package org.tongban.cases;

import java.time.Instant;
import java.util.List;

/** A case in full, for its applicant: the item version it was filed under and every step so far. */
public record CaseView(String number, String itemCode, int itemVersion, String departmentCode, String status,
        String formData, Instant submittedAt, List<CaseStepView> steps) {}
