package org.tongban.licenses.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongban.catalog.LicenseTypeChoices;

/** The license types the catalogue's materials editor offers: every type, by its short code and names. */
@Component
class LicenseTypesForCatalog implements LicenseTypeChoices {

    private final LicenseTypes types;

    LicenseTypesForCatalog(LicenseTypes types) {
        this.types = types;
    }

    @Override
    public List<Choice> licenseTypes() {
        return types.all().stream()
                .map(t -> new Choice(t.code(), t.nameZh(), t.nameEn()))
                .toList();
    }
}
