package org.tongban.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A catalogue search. {@code text} matches the Chinese name as a substring, the words of the English name, the
 * pinyin (社会保障卡 → "shbzk", "shehuibaozhangka"), the item's keywords and results and its department, also through
 * the managers' synonym list (社保 → 社会保障); results come best first (ADR 0025). Each filter is optional.
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
