package org.tongban.cases;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An application: the item, the applicant, the idempotency key of the request, the form answers, per material
 * (by its number in the item) how it is provided: {@code upload:<id>} for a file uploaded before, or
 * {@code licence:<id>} for an electronic license the applicant authorises for this case; and the channel it is
 * filed in, {@code PERSON} (citizen channel) or {@code ENTERPRISE} (business channel), or null for the item's only
 * channel (for an item of both, the citizen channel unless the applicant is no citizen).
 */
public record SubmitCase(
        String itemCode,
        UUID applicant,
        String idempotencyKey,
        Map<String, String> formData,
        Map<Integer, String> materials,
        @Nullable String channel) {

    public SubmitCase {
        formData = Map.copyOf(formData);
        materials = Map.copyOf(materials);
    }

    /** An application in the item's own channel. */
    public SubmitCase(
            String itemCode,
            UUID applicant,
            String idempotencyKey,
            Map<String, String> formData,
            Map<Integer, String> materials) {
        this(itemCode, applicant, idempotencyKey, formData, materials, null);
    }
}
