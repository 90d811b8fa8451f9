package org.tongban.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.Bilingual;

/** One version of a service item in full: what its guide (办事指南) shows. */
public record ItemView(
        String code,
        int version,
        String status,
        String nameZh,
        String nameEn,
        String itemType,
        String itemLevel,
        String departmentCode,
        String departmentZh,
        String departmentEn,
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
        int minTrustLevel,
        @Nullable Instant publishedAt,
        List<MaterialView> materials,
        String processKey,
        List<String> jointDepartments,
        FormDefinition form) {

    /** Whether departments review the case in parallel (并联审批). */
    public boolean jointApproval() {
        return jointDepartments.size() > 1;
    }

    public String name(Locale locale) {
        return Bilingual.pick(locale, nameZh, nameEn);
    }

    public String department(Locale locale) {
        return Bilingual.pick(locale, departmentZh, departmentEn);
    }

    public boolean zeroVisit() {
        return visits == 0;
    }
}
