package org.tongban.catalog;

import java.util.List;

/** What the manager edits on an item's draft. Codes and lists use the values of the catalogue's enums. */
public record ItemChange(String nameZh, String nameEn, String itemType, String itemLevel, String legalBasis,
        String conditions, int statutoryLimit, int promisedLimit, String limitUnit, int visits, int onlineDepth,
        String fee, String resultType, String faq, List<String> channels, List<String> themes, int minTrustLevel) {}
