package org.tongban.ratings.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseManagement;
import org.tongban.identity.EnterpriseProfileSection;
import org.tongban.identity.EnterpriseView;

/**
 * The ratings section of an enterprise's profile (一企一档): the ratings (好差评) given on the cases filed as it,
 * newest first: the item, the department and the level in words.
 */
@Component
class EnterpriseRatingsSection implements EnterpriseProfileSection {

    private final CaseManagement cases;
    private final JdbcClient jdbc;

    EnterpriseRatingsSection(CaseManagement cases, JdbcClient jdbc) {
        this.cases = cases;
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public String scope() {
        return "CASES";
    }

    @Override
    public String key() {
        return "ratings";
    }

    @Override
    public String titleKey() {
        return "ratings.profile.section";
    }

    @Override
    @Transactional(readOnly = true)
    public List<Row> rows(EnterpriseView enterprise, Locale locale) {
        var numbers = cases.numbersOfEnterprise(enterprise).toArray(String[]::new);
        if (numbers.length == 0) return List.of();
        boolean zh = locale.getLanguage().equals("zh");
        return jdbc.sql("""
                        select c.case_number, c.item_name_zh, c.item_name_en, c.department_zh, c.department_en, r.level
                          from ratings.rating r join ratings.rateable_case c on c.case_number = r.case_number
                         where r.case_number = any(:numbers) order by r.rated_at desc limit 20""")
                .param("numbers", numbers)
                .query((rs, i) -> new Row(
                        (zh ? rs.getString(2) : rs.getString(3)) + " · " + (zh ? rs.getString(4) : rs.getString(5)),
                        rs.getString(1),
                        "ratings.level." + rs.getInt(6),
                        "/business/cases/" + rs.getString(1)))
                .list();
    }
}
