package org.tongban.cases;

import java.util.Map;
import java.util.UUID;

/** An application for a published item, with the applicant's answers; the key makes a repeated submit harmless. */
public record SubmitCase(String itemCode, UUID applicant, String idempotencyKey, Map<String, String> formData) {}
