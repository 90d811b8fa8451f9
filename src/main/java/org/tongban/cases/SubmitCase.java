package org.tongban.cases;

import java.util.Map;
import java.util.UUID;

/**
 * An application: the item, the applicant, the idempotency key of the request, the form answers and, per material
 * (by its number in the item), how it is provided: {@code upload:<id>} for a file uploaded before, or
 * {@code licence:<id>} for an electronic licence the applicant authorises for this case.
 */
public record SubmitCase(String itemCode, UUID applicant, String idempotencyKey, Map<String, String> formData,
        Map<Integer, String> materials) {

    public SubmitCase {
        formData = Map.copyOf(formData);
        materials = Map.copyOf(materials);
    }
}
