package org.tongban.cases.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.EnterpriseProfileSection;
import org.tongban.identity.EnterpriseView;

/** The cases section of an enterprise's profile (一企一档): the cases filed as it, newest first. */
@Component
class EnterpriseCasesSection implements EnterpriseProfileSection {

    private final CaseQueries cases;
    private final CatalogManagement catalog;

    EnterpriseCasesSection(CaseQueries cases, CatalogManagement catalog) {
        this.cases = cases;
        this.catalog = catalog;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public String scope() {
        return "CASES";
    }

    @Override
    public String key() {
        return "cases";
    }

    @Override
    public String titleKey() {
        return "cases.profile.section";
    }

    @Override
    @Transactional(readOnly = true)
    public List<Row> rows(EnterpriseView enterprise, Locale locale) {
        return cases.forEnterprise(enterprise.creditCode()).stream()
                .limit(20)
                .map(c -> new Row(
                        catalog.version(c.itemCode(), c.itemVersion())
                                .map(i -> i.name(locale))
                                .orElse(c.itemCode()),
                        c.number(),
                        "cases.status." + c.status().name(),
                        "/business/cases/" + c.number()))
                .toList();
    }
}
