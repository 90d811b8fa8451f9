package org.tongban.exchange.internal;

import java.util.List;

/** What a registration form shows of a department system: its code and fields, never a way to read it. */
public record SourceInfo(String code, List<Field> fields) {

    public record Field(String code, String label) {}

    static SourceInfo of(SourceSystem s) {
        return new SourceInfo(
                s.code(),
                s.fields().stream().map(f -> new Field(f.code(), f.label())).toList());
    }
}
