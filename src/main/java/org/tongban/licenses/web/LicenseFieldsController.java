package org.tongban.licenses.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.internal.LicenseTypeStore;
import org.tongban.licenses.internal.LicenseTypeView;
import org.tongban.licenses.internal.LicenseTypeView.FieldSpec;
import org.tongban.licenses.internal.LicenseTypeView.FieldType;
import org.tongban.licenses.internal.LicenseTypeView.Mask;
import org.tongban.licenses.internal.LicenseTypes;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;
import org.tongban.verifier.Json;

/**
 * A license type's data items (照面数据项) as rows: label, kind, required, mask and length. An existing item's name
 * is a key of signed license content, so it is shown, never edited; an item is added with a name of its own and
 * removed only while no license of the type exists (the type's own check refuses it otherwise). Saved through the
 * type's whole definition, so every check and the audit of a saved type apply.
 */
@Controller
class LicenseFieldsController {

    /** The kinds a new item may take (a choice needs options, which only the full definition sets). */
    static final List<FieldType> NEW_TYPES =
            List.of(FieldType.TEXT, FieldType.DATE, FieldType.NUMBER, FieldType.ID_NUMBER, FieldType.CREDIT_CODE);

    private final LicenseTypes types;

    LicenseFieldsController(LicenseTypes types) {
        this.types = types;
    }

    /** The rows as sent: one entry per row in each list; {@code state} is required, optional or remove. */
    record FieldRows(
            @Nullable List<String> name,
            @Nullable List<String> zh,
            @Nullable List<String> en,
            @Nullable List<String> type,
            @Nullable List<String> state,
            @Nullable List<String> mask,
            @Nullable List<String> max) {

        static String at(@Nullable List<String> list, int i) {
            return list == null || i >= list.size() || list.get(i) == null
                    ? ""
                    : list.get(i).strip();
        }

        int size() {
            return name == null ? 0 : name.size();
        }
    }

    /** One row to draw. */
    public record Row(
            String name, boolean existing, String zh, String en, String type, String state, String mask, String max) {}

    @GetMapping("/console/licenses/{code}/fields")
    @PreAuthorize("hasAuthority('licenses:types-read')")
    String fields(@PathVariable String code, Model model) {
        var type = type(code);
        var rows = new ArrayList<Row>();
        for (var f : type.fields()) {
            rows.add(new Row(
                    f.name(),
                    true,
                    f.zh(),
                    f.en(),
                    f.type().name(),
                    f.required() ? "required" : "optional",
                    f.mask().name(),
                    f.max() == null ? "" : f.max().toString()));
        }
        return page(type, rows, null, model);
    }

    @PostMapping("/console/licenses/{code}/fields")
    @PreAuthorize("hasAuthority('licenses:types-write')")
    @FormPage("refused")
    String save(
            @PathVariable String code,
            @ModelAttribute FieldRows rows,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        var type = type(code);
        var fields = new ArrayList<FieldSpec>();
        var removed = new ArrayList<String>();
        for (int i = 0; i < rows.size(); i++) {
            var name = FieldRows.at(rows.name(), i);
            var zh = FieldRows.at(rows.zh(), i);
            var en = FieldRows.at(rows.en(), i);
            var state = FieldRows.at(rows.state(), i);
            var existing = type.field(name);
            if (existing == null && name.isEmpty() && zh.isEmpty() && en.isEmpty()) continue; // a spare row
            if (state.equals("remove")) {
                if (existing != null) removed.add(name);
                continue;
            }
            FieldType kind;
            try {
                kind = existing != null ? existing.type() : FieldType.valueOf(FieldRows.at(rows.type(), i));
                if (existing == null && !NEW_TYPES.contains(kind)) throw new IllegalArgumentException();
                var mask = Mask.valueOf(FieldRows.at(rows.mask(), i));
                var maxText = FieldRows.at(rows.max(), i);
                var max = maxText.isEmpty() ? null : Integer.valueOf(maxText);
                if (max != null && max < 1) throw new IllegalArgumentException();
                fields.add(new FieldSpec(
                        name,
                        kind,
                        zh,
                        en,
                        state.equals("required"),
                        mask,
                        max,
                        existing == null ? List.of() : existing.options()));
            } catch (IllegalArgumentException e) {
                throw new InvalidLicenseException(Map.of("fields", "licenses.fields.error.row"));
            }
        }
        var face = type.face().stream().filter(f -> !removed.contains(f)).toList();
        var next = new LicenseTypeView(
                type.code(),
                type.typeCode(),
                type.nameZh(),
                type.nameEn(),
                type.authorityCode(),
                type.authorityZh(),
                type.authorityEn(),
                type.holderKind(),
                type.issuers(),
                type.validity(),
                type.allowMultiple(),
                type.numberMask(),
                fields,
                type.color(),
                face);
        try {
            types.save(code, Json.canonical(LicenseTypeStore.toJson(next)), me);
        } catch (InvalidLicenseException e) {
            throw new InvalidLicenseException(
                    Map.of("fields", e.fieldErrors().getOrDefault("definition", "licenses.fields.error.row")));
        }
        redirect.addFlashAttribute("notice", "licenses.fields.saved");
        return "redirect:/console/licenses/" + code + "/fields";
    }

    /** The rows again as sent, with why they were refused. */
    private String refused(
            @PathVariable String code, @ModelAttribute FieldRows rows, InvalidLicenseException e, Model model) {
        var type = type(code);
        var drawn = new ArrayList<Row>();
        for (int i = 0; i < rows.size(); i++) {
            var name = FieldRows.at(rows.name(), i);
            var existing = type.field(name);
            if (existing == null && name.isEmpty() && FieldRows.at(rows.zh(), i).isEmpty()) continue;
            drawn.add(new Row(
                    name,
                    existing != null,
                    FieldRows.at(rows.zh(), i),
                    FieldRows.at(rows.en(), i),
                    existing != null ? existing.type().name() : FieldRows.at(rows.type(), i),
                    FieldRows.at(rows.state(), i),
                    FieldRows.at(rows.mask(), i),
                    FieldRows.at(rows.max(), i)));
        }
        return page(type, drawn, e.fieldErrors().get("fields"), model);
    }

    private String page(LicenseTypeView type, List<Row> rows, @Nullable String error, Model model) {
        var all = new ArrayList<>(rows);
        for (int i = 0; i < 2; i++) all.add(new Row("", false, "", "", "TEXT", "optional", "NONE", ""));
        model.addAttribute("type", type);
        model.addAttribute("rows", all);
        model.addAttribute("newTypes", NEW_TYPES);
        model.addAttribute("masks", List.of(Mask.values()));
        model.addAttribute("fieldsError", error);
        model.addAttribute("issued", types.issued(type.code()));
        return "licenses/fields";
    }

    private LicenseTypeView type(String code) {
        return types.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
