package org.tongban.licenses.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.LicenseEvidence;

/**
 * The cases module's license port (免证办), filled by this module: a material the catalogue marks with a license type
 * is satisfied by one of the applicant's valid licenses of that type, through a use authorisation for the item and
 * the case ({@link UseGrant#useInCase}). The catalogue's license-type names map to this module's type codes in
 * {@code licenses/catalog-license-types.properties}; a name not listed there stands for the type of that code, and
 * one that names no type offers no license.
 */
@Component
class CaseLicenseEvidence implements LicenseEvidence {

    private final UseGrant grants;
    private final LicenseTypeStore types;
    private final Map<String, String> mapping;

    CaseLicenseEvidence(UseGrant grants, LicenseTypeStore types) throws IOException {
        this.grants = grants;
        this.types = types;
        var properties = new Properties();
        var resource = new ClassPathResource("licenses/catalog-license-types.properties");
        if (resource.exists()) {
            try (var in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(in);
            }
        }
        this.mapping = properties.stringPropertyNames().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        k -> k, k -> properties.getProperty(k).strip()));
    }

    /** The license type code a catalogue license-type name stands for, or null when none does. */
    @Nullable
    String typeOf(String catalogueName) {
        var name = catalogueName == null ? "" : catalogueName.strip();
        var code = mapping.getOrDefault(name, name);
        return code.isEmpty() || types.find(code).isEmpty() ? null : code;
    }

    @Override
    public List<LicenseOption> available(UUID holder, String licenseType) {
        var type = typeOf(licenseType);
        if (type == null) return List.of();
        var name = types.find(type).map(LicenseTypeView::nameZh).orElse(type);
        return grants.available(holder, type).stream()
                .map(l -> new LicenseOption(l.identifier(), name + " " + l.holderNameMasked(), l.validTo()))
                .toList();
    }

    @Override
    public LicenseUse use(UUID holder, String licenseId, String licenseType, String itemCode, String caseNumber) {
        var type = typeOf(licenseType);
        if (type == null) throw new CaseRefusedException("cases.error.licenseUnavailable");
        return new LicenseUse(licenseId.strip(), grants.useInCase(holder, licenseId, type, itemCode, caseNumber));
    }
}
