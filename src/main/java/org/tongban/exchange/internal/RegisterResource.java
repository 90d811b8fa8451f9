package org.tongban.exchange.internal;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A department registers a resource on one of its own systems: the fields it offers, each with a label and a sharing
 * class (a field left out is not offered at all).
 */
public record RegisterResource(
        String code,
        String name,
        String description,
        String source,
        String updateFrequency,
        boolean personal,
        List<FieldDef> fields) {

    /** A JSON body may leave out any part: what is missing arrives as empty, and the use case refuses it. */
    public RegisterResource(
            @Nullable String code,
            @Nullable String name,
            @Nullable String description,
            @Nullable String source,
            @Nullable String updateFrequency,
            boolean personal,
            @Nullable List<FieldDef> fields) {
        this.code = Objects.requireNonNullElse(code, "");
        this.name = Objects.requireNonNullElse(name, "");
        this.description = Objects.requireNonNullElse(description, "");
        this.source = Objects.requireNonNullElse(source, "");
        this.updateFrequency = Objects.requireNonNullElse(updateFrequency, "");
        this.personal = personal;
        this.fields = fields == null
                ? List.of()
                : fields.stream().filter(Objects::nonNull).toList();
    }

    public record FieldDef(String code, String label, String shareClass) {

        public FieldDef(@Nullable String code, @Nullable String label, @Nullable String shareClass) {
            this.code = Objects.requireNonNullElse(code, "");
            this.label = Objects.requireNonNullElse(label, "");
            this.shareClass = Objects.requireNonNullElse(shareClass, "");
        }
    }
}
