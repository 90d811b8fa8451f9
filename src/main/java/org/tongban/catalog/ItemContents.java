package org.tongban.catalog;

import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.catalog.internal.ItemStore;

/**
 * What an item's draft holds beside its fields: its materials (申请材料) and its application form (申请表), edited by
 * the government manager (the caller checks {@code catalog:items-write}). Each change opens a draft from the newest
 * version when there is none, is refused field by field with nothing written when invalid, is audited as a saved
 * draft ({@link CatalogAudit#ITEM_DRAFT_SAVED}) and takes effect when the draft is published.
 */
@Service
public class ItemContents {

    public static final List<String> NECESSITIES = List.of("REQUIRED", "CONDITIONAL", "OPTIONAL");
    public static final List<String> SOURCES = List.of("APPLICANT", "GOVERNMENT");

    /** A material as the manager enters it; {@code licenseType} blank when no license replaces it. */
    public record MaterialChange(
            String name,
            String necessity,
            String source,
            @Nullable String licenseType) {}

    private final CatalogManagement catalog;
    private final ItemStore items;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<LicenseTypeChoices> licenseTypes;

    ItemContents(
            CatalogManagement catalog,
            ItemStore items,
            ApplicationEventPublisher events,
            ObjectProvider<LicenseTypeChoices> licenseTypes) {
        this.catalog = catalog;
        this.items = items;
        this.events = events;
        this.licenseTypes = licenseTypes;
    }

    /** The license types a material may name (none when the licenses module is not running). */
    public List<LicenseTypeChoices.Choice> licenseTypes() {
        var port = licenseTypes.getIfAvailable();
        return port == null ? List.of() : port.licenseTypes();
    }

    /**
     * Adds a material at the end ({@code seq} null) or changes the material at {@code seq} of the draft. Returns
     * false when there is no such material.
     */
    @Transactional
    public boolean saveMaterial(String code, @Nullable Integer seq, MaterialChange change, UUID manager) {
        var license = change.licenseType() == null || change.licenseType().isBlank()
                ? null
                : change.licenseType().strip();
        var name = change.name() == null ? "" : change.name().strip();
        var errors = new HashMap<String, String>();
        if (name.isEmpty() || name.length() > 100) errors.put("name", "catalog.material.error.name");
        if (!NECESSITIES.contains(change.necessity())) errors.put("necessity", "catalog.error.choice");
        if (!SOURCES.contains(change.source())) errors.put("source", "catalog.error.choice");
        // A material keeps a license type the platform does not issue (yet) when the manager leaves it as it was.
        var kept = seq == null
                ? null
                : catalog.newest(code).stream()
                        .flatMap(v -> v.materials().stream())
                        .filter(m -> m.seq() == seq)
                        .map(MaterialView::licenseType)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null);
        if (license != null
                && !license.equals(kept)
                && licenseTypes().stream().noneMatch(t -> t.code().equals(license))) {
            errors.put("licenseType", "catalog.material.error.licenseType");
        }
        if (!errors.isEmpty()) throw new CatalogInputException(errors);
        int version = catalog.openDraft(code, manager);
        if (seq == null) {
            int next = items.nextMaterialSeq(code, version);
            items.insertMaterial(
                    code, version, new MaterialView(next, name, change.necessity(), change.source(), license));
        } else if (items.updateMaterial(
                        code, version, new MaterialView(seq, name, change.necessity(), change.source(), license))
                == 0) {
            return false;
        }
        saved(code, version, manager);
        return true;
    }

    /** Removes a material from the draft; false when there is no such material. */
    @Transactional
    public boolean removeMaterial(String code, int seq, UUID manager) {
        int version = catalog.openDraft(code, manager);
        if (items.removeMaterial(code, version, seq) == 0) return false;
        saved(code, version, manager);
        return true;
    }

    /** Sets the draft's application form, checked as a whole (refused under {@code form} when it is not whole). */
    @Transactional
    public void saveForm(String code, FormDefinition form, UUID manager) {
        var json = FormDefinition.parse(form.toJson()).toJson();
        int version = catalog.openDraft(code, manager);
        items.setForm(code, version, json);
        saved(code, version, manager);
    }

    private void saved(String code, int version, UUID manager) {
        events.publishEvent(new ItemChanged(CatalogAudit.ITEM_DRAFT_SAVED, code, version, manager.toString()));
    }
}
