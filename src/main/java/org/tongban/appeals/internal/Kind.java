package org.tongban.appeals.internal;

import java.util.Optional;

/** 诉求, 投诉 or 建议. */
public enum Kind {
    REQUEST,
    COMPLAINT,
    SUGGESTION;

    static Optional<Kind> parse(String value) {
        for (var k : values()) if (k.name().equals(value)) return Optional.of(k);
        return Optional.empty();
    }
}
