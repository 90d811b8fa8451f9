package org.tongban.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.catalog.CatalogInputException;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemChange;
import org.tongban.catalog.ItemView;
import org.tongban.portal.ThemeManagement;
import org.tongban.portal.ThemeView;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;
import org.tongban.shared.RedirectOnError;

/**
 * The government manager's catalogue desk: list items, edit a draft version, publish it, withdraw an item.
 * The operator (运) may not change catalogue data; only {@code catalog:items-write} can.
 */
@Controller
class CatalogAdminController {

    private final CatalogManagement catalog;
    private final ObjectProvider<ThemeManagement> portal;

    /** The portal's themes; none when the portal is not running (a test of the catalogue module alone). */
    CatalogAdminController(CatalogManagement catalog, ObjectProvider<ThemeManagement> portal) {
        this.catalog = catalog;
        this.portal = portal;
    }

    private List<ThemeView> themes() {
        var themes = portal.getIfAvailable();
        return themes == null ? List.of() : themes.themes(true);
    }

    /** What the selects and checkboxes offer; each value is shown by its label, never as the constant. */
    private void choices(Model model) {
        model.addAttribute("types", CatalogManagement.TYPES);
        model.addAttribute("levels", CatalogManagement.LEVELS);
        model.addAttribute("units", CatalogManagement.UNITS);
        model.addAttribute("results", CatalogManagement.RESULTS);
        model.addAttribute("channelChoices", CatalogManagement.CHANNELS);
        model.addAttribute("themeChoices", themes());
        model.addAttribute("depths", List.of(1, 2, 3, 4));
        model.addAttribute("trustLevels", List.of(2, 3, 4, 5));
    }

    /** The edit form's fields; enumerated ones are chosen from selects and checkboxes, channels and themes many. */
    record ItemForm(
            String nameZh,
            String nameEn,
            String itemType,
            String itemLevel,
            String legalBasis,
            String conditions,
            int statutoryLimit,
            int promisedLimit,
            String limitUnit,
            int visits,
            int onlineDepth,
            String fee,
            String resultType,
            String faq,
            @Nullable List<String> channels,
            @Nullable List<String> themes,
            int minTrustLevel) {

        static ItemForm of(ItemView v) {
            return new ItemForm(
                    v.nameZh(),
                    v.nameEn(),
                    v.itemType(),
                    v.itemLevel(),
                    v.legalBasis(),
                    v.conditions(),
                    v.statutoryLimit(),
                    v.promisedLimit(),
                    v.limitUnit(),
                    v.visits(),
                    v.onlineDepth(),
                    v.fee(),
                    v.resultType(),
                    v.faq(),
                    v.channels(),
                    v.themes(),
                    v.minTrustLevel());
        }

        ItemChange change() {
            return new ItemChange(
                    nameZh,
                    nameEn,
                    itemType,
                    itemLevel,
                    legalBasis,
                    conditions,
                    statutoryLimit,
                    promisedLimit,
                    limitUnit,
                    visits,
                    onlineDepth,
                    fee,
                    resultType,
                    faq == null ? "" : faq,
                    channels == null ? List.of() : channels,
                    themes == null ? List.of() : themes,
                    minTrustLevel);
        }

        public List<String> chosenChannels() {
            return channels == null ? List.of() : channels;
        }

        public List<String> chosenThemes() {
            return themes == null ? List.of() : themes;
        }
    }

    @GetMapping("/console/catalog")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    String list(Model model) {
        model.addAttribute("items", catalog.newestVersions());
        return "catalog/admin-list";
    }

    @GetMapping("/console/catalog/{code}")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    String edit(@PathVariable String code, Model model, HttpServletResponse response) {
        var current = catalog.newest(code);
        if (current.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "catalog/missing";
        }
        model.addAttribute("item", current.get());
        model.addAttribute("form", ItemForm.of(current.get()));
        choices(model);
        return "catalog/admin-edit";
    }

    @PostMapping("/console/catalog/{code}")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    @FormPage("saveRefused")
    String save(
            @PathVariable String code,
            @ModelAttribute("form") ItemForm form,
            @CurrentAccount UUID me,
            Model model,
            HttpServletResponse response) {
        if (catalog.newest(code).isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "catalog/missing";
        }
        // Every field's problem at once: the catalogue's own checks and the themes the portal knows.
        var errors = new java.util.HashMap<>(CatalogManagement.problems(form.change()));
        var known = themes().stream().map(ThemeView::code).toList();
        if (!known.containsAll(form.chosenThemes())) errors.put("themes", "catalog.error.themes");
        if (!errors.isEmpty()) throw new CatalogInputException(errors);
        catalog.saveDraft(code, form.change(), me);
        return "redirect:/console/catalog/" + code + "?saved";
    }

    /** The edit form again, with what was typed ({@code form}) and the errors by field. */
    private String saveRefused(@PathVariable String code, @ModelAttribute("form") ItemForm form, Model model) {
        catalog.newest(code).ifPresent(v -> model.addAttribute("item", v));
        choices(model);
        return "catalog/admin-edit";
    }

    @PostMapping("/console/catalog/{code}/publish")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    @ConfirmFirst(
            value = "catalog.confirm.publish",
            detail = "catalog.confirm.publish.detail",
            button = "catalog.admin.publish",
            back = "/console/catalog/{code}")
    @RedirectOnError(
            value = "/console/catalog/{code}",
            invalidInput = true,
            message = "catalog.error.noDraft",
            attribute = "notice")
    String publish(@PathVariable String code, @CurrentAccount UUID me, RedirectAttributes redirect) {
        catalog.publish(code, me);
        redirect.addFlashAttribute("notice", "catalog.admin.published");
        return "redirect:/console/catalog/" + code;
    }

    @PostMapping("/console/catalog/{code}/withdraw")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    @ConfirmFirst(
            value = "catalog.confirm.withdraw",
            detail = "catalog.confirm.withdraw.detail",
            button = "catalog.admin.withdraw",
            back = "/console/catalog/{code}")
    String withdraw(@PathVariable String code, @CurrentAccount UUID me, RedirectAttributes redirect) {
        boolean done = catalog.withdraw(code, me);
        redirect.addFlashAttribute("notice", done ? "catalog.admin.withdrawn" : "catalog.admin.notPublished");
        return "redirect:/console/catalog/" + code;
    }
}
