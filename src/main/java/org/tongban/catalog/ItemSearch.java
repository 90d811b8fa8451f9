package org.tongban.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A catalogue search. {@code text} matches the Chinese name as a substring, the English name, or the pinyin
 * initials (社保卡 → "sbk"); each filter is optional.
 */
public record ItemSearch(
        @Nullable String text,
        @Nullable String theme,
        @Nullable String department,
        @Nullable String channel,
        boolean zeroVisitOnly,
        int limit) {

    public static ItemSearch of(@Nullable String text) {
        return new ItemSearch(text, null, null, null, false, 50);
    }
}
