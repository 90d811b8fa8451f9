package org.tongban.catalog;

import java.util.List;
import java.util.Locale;
import org.tongban.shared.Bilingual;

/** A service item in a result list. */
public record ItemSummary(
        String code,
        int version,
        String nameZh,
        String nameEn,
        String itemType,
        String departmentCode,
        String departmentZh,
        String departmentEn,
        int promisedLimit,
        String limitUnit,
        int visits,
        List<String> channels,
        List<String> themes) {

    public String name(Locale locale) {
        return Bilingual.pick(locale, nameZh, nameEn);
    }

    public String department(Locale locale) {
        return Bilingual.pick(locale, departmentZh, departmentEn);
    }

    /** 零跑动: the applicant never has to go anywhere. */
    public boolean zeroVisit() {
        return visits == 0;
    }
}
