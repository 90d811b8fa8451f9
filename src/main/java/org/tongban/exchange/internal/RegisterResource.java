package org.tongban.exchange.internal;

import java.util.List;

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

    public record FieldDef(String code, String label, String shareClass) {}
}
