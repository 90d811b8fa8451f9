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
import org.tongban.cases.LicenceEvidence;

/**
 * The cases module's licence port (免证办), filled by this module: a material the catalogue marks with a licence type
 * is satisfied by one of the applicant's valid licences of that type, through a use authorisation for the item and
 * the case ({@link UseGrant#useInCase}). The catalogue's licence-type names map to this module's type codes in
 * {@code licenses/catalog-licence-types.properties}; a name not listed there stands for the type of that code, and
 * one that names no type offers no licence.
 */
@Component
class CaseLicenceEvidence implements LicenceEvidence {

    private final UseGrant grants;
    private final LicenseTypeStore types;
    private final Map<String, String> mapping;

    CaseLicenceEvidence(UseGrant grants, LicenseTypeStore types) throws IOException {
        this.grants = grants;
        this.types = types;
        var properties = new Properties();
        var resource = new ClassPathResource("licenses/catalog-licence-types.properties");
        if (resource.exists()) {
            try (var in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
                properties.load(in);
            }
        }
        this.mapping = properties.stringPropertyNames().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(k -> k, k -> properties.getProperty(k).strip()));
    }

    /** The licence type code a catalogue licence-type name stands for, or null when none does. */
    @Nullable String typeOf(String catalogueName) {
        var name = catalogueName == null ? "" : catalogueName.strip();
        var code = mapping.getOrDefault(name, name);
        return code.isEmpty() || types.find(code).isEmpty() ? null : code;
    }

    @Override
    public List<LicenceOption> available(UUID holder, String licenceType) {
        var type = typeOf(licenceType);
        if (type == null) return List.of();
        var name = types.find(type).map(LicenseTypeView::nameZh).orElse(type);
        return grants.available(holder, type).stream()
                .map(l -> new LicenceOption(l.identifier(), name + " " + l.holderNameMasked(), l.validTo())).toList();
    }

    @Override
    public LicenceUse use(UUID holder, String licenceId, String licenceType, String itemCode, String caseNumber) {
        var type = typeOf(licenceType);
        if (type == null) throw new CaseRefusedException("cases.error.licenceUnavailable");
        return new LicenceUse(licenceId.strip(), grants.useInCase(holder, licenceId, type, itemCode, caseNumber));
    }
}
