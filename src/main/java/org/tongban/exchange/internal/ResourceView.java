package org.tongban.exchange.internal;

import java.time.Instant;
import java.util.List;

/** A resource of the catalogue with its fields, and the owning department's names. */
public record ResourceView(
        String code,
        String name,
        String description,
        String ownerDepartment,
        String ownerNameZh,
        String ownerNameEn,
        String source,
        String updateFrequency,
        boolean personal,
        SubjectKind subjectKind,
        Instant registeredAt,
        List<FieldView> fields) {

    /** One field and its sharing class. */
    public record FieldView(String code, String label, ShareClass shareClass) {}

    /** The field's label, or its code for a field no longer offered. */
    public String labelOf(String code) {
        return field(code).map(FieldView::label).orElse(code);
    }

    public java.util.Optional<FieldView> field(String code) {
        return fields.stream().filter(f -> f.code().equals(code)).findFirst();
    }
}
