package org.tongban.exchange.internal;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A department asks to read a resource: which fields, for what purpose, on what legal basis, from when to when. A
 * JSON body may leave out any of them: what is missing arrives as empty, and the use case refuses it on its field.
 */
public record NewRequest(
        String resource, List<String> fields, String purpose, String legalBasis, String validFrom, String validUntil) {

    public NewRequest(
            @Nullable String resource,
            @Nullable List<String> fields,
            @Nullable String purpose,
            @Nullable String legalBasis,
            @Nullable String validFrom,
            @Nullable String validUntil) {
        this.resource = Objects.requireNonNullElse(resource, "");
        this.fields = fields == null
                ? List.of()
                : fields.stream().filter(Objects::nonNull).toList();
        this.purpose = Objects.requireNonNullElse(purpose, "");
        this.legalBasis = Objects.requireNonNullElse(legalBasis, "");
        this.validFrom = Objects.requireNonNullElse(validFrom, "");
        this.validUntil = Objects.requireNonNullElse(validUntil, "");
    }
}
