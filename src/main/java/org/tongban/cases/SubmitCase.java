package org.tongban.cases;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An application: the item, the applicant, the idempotency key of the request, the form answers, per material
 * (by its number in the item) how it is provided: {@code upload:<id>} for a file uploaded before, or
 * {@code licence:<id>} for an electronic license the applicant authorises for this case; and the channel it is
 * filed in, {@code PERSON} (citizen channel) or {@code ENTERPRISE} (business channel), or null for the item's only
 * channel (for an item of both, the citizen channel unless the applicant is no citizen); and for the business
 * channel the enterprise filed as ({@code enterprise}, a credit code: the one the request acts for, ADR 0030), which
 * becomes the case's applicant party while {@code applicant} is recorded as the person who acted for it. The cases
 * module checks that the applicant may act for it now; an enterprise filing needs one, a person filing takes none.
 */
public record SubmitCase(
        String itemCode,
        UUID applicant,
        String idempotencyKey,
        Map<String, String> formData,
        Map<Integer, String> materials,
        @Nullable String channel,
        @Nullable String enterprise) {

    public SubmitCase {
        formData = Map.copyOf(formData);
        materials = Map.copyOf(materials);
    }

    /** An application in this channel, as a person (or, in the business channel, naming no enterprise). */
    public SubmitCase(
            String itemCode,
            UUID applicant,
            String idempotencyKey,
            Map<String, String> formData,
            Map<Integer, String> materials,
            @Nullable String channel) {
        this(itemCode, applicant, idempotencyKey, formData, materials, channel, null);
    }

    /** An application in the item's own channel. */
    public SubmitCase(
            String itemCode,
            UUID applicant,
            String idempotencyKey,
            Map<String, String> formData,
            Map<Integer, String> materials) {
        this(itemCode, applicant, idempotencyKey, formData, materials, null, null);
    }
}
