package org.tongban.cases.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.LicenseEvidence;
import org.tongban.catalog.ItemView;
import org.tongban.catalog.MaterialView;

/**
 * The materials an applicant chose for an application: per material of the item an upload of their own
 * ({@code upload:<id>}) or an electronic license ({@code licence:<id>}, 免证办) when the license port is there.
 * Checked into field errors ({@code material.<n>}), then attached to the case.
 */
@Component
public class MaterialChoices {

    private final MaterialStore materials;
    private final ObjectProvider<LicenseEvidence> licenses;

    MaterialChoices(MaterialStore materials, ObjectProvider<LicenseEvidence> licenses) {
        this.materials = materials;
        this.licenses = licenses;
    }

    /** A material as chosen: an upload (its id) or a license (its id). */
    public record Chosen(
            MaterialView material,
            @Nullable UUID upload,
            @Nullable String license) {}

    public boolean licensesAvailable() {
        return licenses.getIfAvailable() != null;
    }

    /** The applicant's licenses of a type that can replace a material; none without the license port. */
    @Transactional(readOnly = true)
    public List<LicenseEvidence.LicenseOption> licenseOptions(UUID applicant, String licenseType) {
        var port = licenses.getIfAvailable();
        return port == null ? List.of() : port.available(applicant, licenseType);
    }

    /**
     * The choices that can be used; errors for the rest. An upload must be the applicant's and not attached to
     * another case ({@code caseNumber}: the case being corrected, whose own uploads may be chosen again).
     */
    public List<Chosen> check(
            ItemView item,
            UUID applicant,
            Map<Integer, String> chosen,
            @Nullable String caseNumber,
            Map<String, String> errors) {
        var result = new ArrayList<Chosen>();
        for (var m : item.materials()) {
            if (m.source().equals("GOVERNMENT")) continue;
            var key = "material." + m.seq();
            var value = chosen.getOrDefault(m.seq(), "").strip();
            if (value.isEmpty()) {
                if (m.necessity().equals("REQUIRED")) errors.put(key, "cases.error.materialMissing");
                continue;
            }
            if (value.startsWith("upload:")) {
                UUID id;
                try {
                    id = UUID.fromString(value.substring(7));
                } catch (IllegalArgumentException e) {
                    errors.put(key, "cases.error.uploadUnknown");
                    continue;
                }
                var upload = materials.upload(id);
                if (upload.isEmpty()
                        || !upload.get().owner().equals(applicant)
                        || (upload.get().caseNumber() != null
                                && !upload.get().caseNumber().equals(caseNumber))) {
                    errors.put(key, "cases.error.uploadUnknown");
                    continue;
                }
                result.add(new Chosen(m, id, null));
            } else if (value.startsWith("licence:") && m.licenseType() != null && licensesAvailable()) {
                result.add(new Chosen(m, null, value.substring(8)));
            } else {
                errors.put(key, "cases.error.licenseUnavailable");
            }
        }
        return result;
    }

    /** Attaches the checked choices to the case; a license is used through the port, which logs the use. */
    public void attach(String number, ItemView item, UUID applicant, List<Chosen> chosen) {
        for (var c : chosen) {
            var m = c.material();
            if (c.upload() != null) {
                materials.uploadMaterial(number, m.seq(), m.name(), c.upload());
            } else {
                var use = licenses.getObject()
                        .use(
                                applicant,
                                Objects.requireNonNull(c.license(), "a choice is an upload or a license"),
                                Objects.requireNonNull(
                                        m.licenseType(), "only a material with a license type offers a license"),
                                item.code(),
                                number);
                materials.licenseMaterial(number, m.seq(), m.name(), use.licenseId(), use.data());
            }
        }
    }
}
