package org.tongban.licenses.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.identity.EnterpriseProfileSection;
import org.tongban.identity.EnterpriseView;

/**
 * The licences section of an enterprise's profile (一企一档): the licences it holds, newest first, for an account
 * whose grant covers licences (a legal representative, an agent of full scope); for any other, none.
 */
@Component
class EnterpriseLicencesSection implements EnterpriseProfileSection {

    private final LicenseStore store;
    private final LicenseTypeStore types;
    private final Issuer issuer;
    private final Clock clock;

    EnterpriseLicencesSection(LicenseStore store, LicenseTypeStore types, Issuer issuer, Clock clock) {
        this.store = store;
        this.types = types;
        this.issuer = issuer;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String scope() {
        return "LICENCES";
    }

    @Override
    public String key() {
        return "licences";
    }

    @Override
    public String titleKey() {
        return "licenses.profile.section";
    }

    @Override
    @Transactional(readOnly = true)
    public List<Row> rows(EnterpriseView enterprise, Locale locale) {
        if (!Holders.fullScope(enterprise)) return List.of();
        var today = LocalDate.now(clock);
        boolean zh = locale.getLanguage().equals("zh");
        return store.ofHolders(List.of(issuer.holderIndex(enterprise.creditCode())), Long.MAX_VALUE, 20).stream()
                .map(s -> Views.summary(s, types.find(s.type()).orElseThrow(), today))
                .map(l -> new Row(
                        zh ? l.typeNameZh() : l.typeNameEn(),
                        l.identifier(),
                        "licenses.status." + l.status().name(),
                        "/business/licenses/" + l.identifier()))
                .toList();
    }
}
