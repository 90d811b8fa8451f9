package org.tongban.licenses.internal;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A license to issue: its type, the holder (name, and citizen ID number or credit code as the type's holder kind
 * requires), the face data by field name, and optionally the license number (证照编号; the platform numbers it
 * otherwise), the first valid day (today by default) and the last (the type's rule decides by default).
 */
public record IssueLicense(
        String type,
        String holderName,
        String holderId,
        Map<String, String> data,
        @Nullable String number,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validTo) {

    public IssueLicense {
        data = Map.copyOf(data);
    }
}
