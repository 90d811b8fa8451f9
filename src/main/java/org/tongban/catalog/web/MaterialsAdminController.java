package org.tongban.catalog.web;

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
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemContents;
import org.tongban.catalog.ItemContents.MaterialChange;
import org.tongban.catalog.ItemView;
import org.tongban.catalog.MaterialView;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/**
 * The materials editor (申请材料): the manager adds, changes and removes an item's materials, each with whether it
 * is needed, who provides it and the electronic license that may replace it; saved into the draft.
 */
@Controller
class MaterialsAdminController {

    private final CatalogManagement catalog;
    private final ItemContents contents;

    MaterialsAdminController(CatalogManagement catalog, ItemContents contents) {
        this.catalog = catalog;
        this.contents = contents;
    }

    /** The editor's fields as sent. */
    record MaterialForm(
            @Nullable String name,
            @Nullable String necessity,
            @Nullable String source,
            @Nullable String licenseType) {

        static MaterialForm empty() {
            return new MaterialForm("", "REQUIRED", "APPLICANT", "");
        }

        static MaterialForm of(MaterialView m) {
            return new MaterialForm(
                    m.name(), m.necessity(), m.source(), m.licenseType() == null ? "" : m.licenseType());
        }

        MaterialChange change() {
            return new MaterialChange(
                    name == null ? "" : name,
                    necessity == null ? "" : necessity,
                    source == null ? "" : source,
                    licenseType);
        }
    }

    @GetMapping("/console/catalog/{code}/materials")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    String materials(@PathVariable String code, Model model) {
        return page(item(code), null, MaterialForm.empty(), model);
    }

    @GetMapping("/console/catalog/{code}/materials/{seq}")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    String material(@PathVariable String code, @PathVariable int seq, Model model) {
        var item = item(code);
        return page(item, seq, MaterialForm.of(present(item, seq)), model);
    }

    @PostMapping("/console/catalog/{code}/materials")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    @FormPage("addRefused")
    String add(
            @PathVariable String code,
            @ModelAttribute("material") MaterialForm material,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        item(code);
        contents.saveMaterial(code, null, material.change(), me);
        redirect.addFlashAttribute("notice", "catalog.material.saved");
        return "redirect:/console/catalog/" + code + "/materials";
    }

    private String addRefused(
            @PathVariable String code, @ModelAttribute("material") MaterialForm material, Model model) {
        return page(item(code), null, material, model);
    }

    @PostMapping("/console/catalog/{code}/materials/{seq}")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    @FormPage("changeRefused")
    String change(
            @PathVariable String code,
            @PathVariable int seq,
            @ModelAttribute("material") MaterialForm material,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        present(item(code), seq);
        if (!contents.saveMaterial(code, seq, material.change(), me)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("notice", "catalog.material.saved");
        return "redirect:/console/catalog/" + code + "/materials";
    }

    private String changeRefused(
            @PathVariable String code,
            @PathVariable int seq,
            @ModelAttribute("material") MaterialForm material,
            Model model) {
        return page(item(code), seq, material, model);
    }

    @PostMapping("/console/catalog/{code}/materials/{seq}/remove")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    @ConfirmFirst(
            value = "catalog.confirm.removeMaterial",
            detail = "catalog.confirm.removeMaterial.detail",
            button = "catalog.material.remove",
            back = "/console/catalog/{code}/materials")
    String remove(
            @PathVariable String code, @PathVariable int seq, @CurrentAccount UUID me, RedirectAttributes redirect) {
        present(item(code), seq);
        if (!contents.removeMaterial(code, seq, me)) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        redirect.addFlashAttribute("notice", "catalog.material.removed");
        return "redirect:/console/catalog/" + code + "/materials";
    }

    private String page(ItemView item, @Nullable Integer seq, MaterialForm material, Model model) {
        model.addAttribute("item", item);
        model.addAttribute("editing", seq);
        model.addAttribute("material", material);
        model.addAttribute("necessities", ItemContents.NECESSITIES);
        model.addAttribute("sources", ItemContents.SOURCES);
        var types = contents.licenseTypes();
        model.addAttribute("licenseTypes", types);
        var names = new java.util.HashMap<String, String>();
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        types.forEach(t -> names.put(t.code(), t.name(locale)));
        model.addAttribute("licenseNames", names);
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "catalog/materials";
    }

    private ItemView item(String code) {
        return catalog.newest(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static MaterialView present(ItemView item, int seq) {
        return item.materials().stream()
                .filter(m -> m.seq() == seq)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
