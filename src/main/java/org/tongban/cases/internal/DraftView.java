package org.tongban.cases.internal;

import java.time.Instant;
import java.util.Map;

/** An application saved to finish later: answers so far and the materials chosen (as in {@link SubmitCase}). */
public record DraftView(
        String itemCode, Map<String, String> formData, Map<Integer, String> materials, Instant savedAt) {}
