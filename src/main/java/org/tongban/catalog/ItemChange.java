package org.tongban.catalog;

import java.util.List;

/**
 * What the manager edits on an item's draft. Codes and lists use the values of the catalogue's enums. A field a
 * form left out arrives as null from the binder; it is blank here, so that validation names the field instead of
 * a null pointer answering 500.
 */
public record ItemChange(
        String nameZh,
        String nameEn,
        String itemType,
        String itemLevel,
        String legalBasis,
        String conditions,
        int statutoryLimit,
        int promisedLimit,
        String limitUnit,
        int visits,
        int onlineDepth,
        String fee,
        String resultType,
        String faq,
        List<String> channels,
        List<String> themes,
        int minTrustLevel) {

    public ItemChange {
        nameZh = blankIfNull(nameZh);
        nameEn = blankIfNull(nameEn);
        itemType = blankIfNull(itemType);
        itemLevel = blankIfNull(itemLevel);
        legalBasis = blankIfNull(legalBasis);
        conditions = blankIfNull(conditions);
        limitUnit = blankIfNull(limitUnit);
        fee = blankIfNull(fee);
        resultType = blankIfNull(resultType);
        faq = blankIfNull(faq);
        channels = channels == null ? List.of() : List.copyOf(channels);
        themes = themes == null ? List.of() : List.copyOf(themes);
    }

    @SuppressWarnings("NullAway")
    private static String blankIfNull(@org.jspecify.annotations.Nullable String s) {
        return s == null ? "" : s;
    }
}
