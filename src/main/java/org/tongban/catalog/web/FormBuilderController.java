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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.FormDefinition.Field;
import org.tongban.catalog.FormEdits;
import org.tongban.catalog.ItemContents;
import org.tongban.catalog.ItemView;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;
import org.tongban.shared.RedirectOnError;

/**
 * The form builder (申请表设计): the manager adds, changes, reorders and removes the questions of an item's
 * application form on plain pages, without script; each change is saved into the draft and published with it.
 */
@Controller
class FormBuilderController {

    private final CatalogManagement catalog;
    private final ItemContents contents;

    FormBuilderController(CatalogManagement catalog, ItemContents contents) {
        this.catalog = catalog;
        this.contents = contents;
    }

    @GetMapping("/console/catalog/{code}/form")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    String questions(@PathVariable String code, Model model) {
        model.addAttribute("item", item(code));
        return "catalog/form-builder";
    }

    @GetMapping("/console/catalog/{code}/form/new")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    String fresh(@PathVariable String code, Model model) {
        return editor(item(code), null, QuestionForm.empty(), model);
    }

    @GetMapping("/console/catalog/{code}/form/{name}")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    String question(@PathVariable String code, @PathVariable String name, Model model) {
        var item = item(code);
        var field = editable(item, name);
        return editor(item, name, QuestionForm.of(field), model);
    }

    @PostMapping("/console/catalog/{code}/form/new")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    @FormPage("addRefused")
    String add(
            @PathVariable String code,
            @ModelAttribute("question") QuestionForm question,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        var item = item(code);
        contents.saveForm(code, FormEdits.put(item.form(), null, question.toField(null)), me);
        redirect.addFlashAttribute("notice", "catalog.builder.saved");
        return "redirect:/console/catalog/" + code + "/form";
    }

    private String addRefused(
            @PathVariable String code, @ModelAttribute("question") QuestionForm question, Model model) {
        return editor(item(code), null, question, model);
    }

    @PostMapping("/console/catalog/{code}/form/{name}")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    @FormPage("changeRefused")
    String change(
            @PathVariable String code,
            @PathVariable String name,
            @ModelAttribute("question") QuestionForm question,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        var item = item(code);
        var kept = editable(item, name);
        contents.saveForm(code, FormEdits.put(item.form(), name, question.toField(kept)), me);
        redirect.addFlashAttribute("notice", "catalog.builder.saved");
        return "redirect:/console/catalog/" + code + "/form";
    }

    private String changeRefused(
            @PathVariable String code,
            @PathVariable String name,
            @ModelAttribute("question") QuestionForm question,
            Model model) {
        return editor(item(code), name, question, model);
    }

    @PostMapping("/console/catalog/{code}/form/{name}/move")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    @RedirectOnError(value = "/console/catalog/{code}/form", invalidInput = true)
    String move(
            @PathVariable String code,
            @PathVariable String name,
            @RequestParam(defaultValue = "down") String to,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        var item = item(code);
        present(item, name);
        contents.saveForm(code, FormEdits.move(item.form(), name, to.equals("up") ? -1 : 1), me);
        redirect.addFlashAttribute("notice", "catalog.builder.moved");
        return "redirect:/console/catalog/" + code + "/form#q-" + name;
    }

    @PostMapping("/console/catalog/{code}/form/{name}/remove")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    @ConfirmFirst(
            value = "catalog.confirm.removeQuestion",
            detail = "catalog.confirm.removeQuestion.detail",
            button = "catalog.builder.remove",
            back = "/console/catalog/{code}/form")
    @RedirectOnError(value = "/console/catalog/{code}/form", invalidInput = true)
    String remove(
            @PathVariable String code,
            @PathVariable String name,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        var item = item(code);
        present(item, name);
        contents.saveForm(code, FormEdits.remove(item.form(), name), me);
        redirect.addFlashAttribute("notice", "catalog.builder.removed");
        return "redirect:/console/catalog/" + code + "/form";
    }

    private String editor(ItemView item, @Nullable String name, QuestionForm question, Model model) {
        model.addAttribute("item", item);
        model.addAttribute("editing", name);
        model.addAttribute("question", question);
        model.addAttribute("types", FormEdits.TYPES);
        model.addAttribute("prefills", FormEdits.PREFILLS);
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "catalog/question";
    }

    private ItemView item(String code) {
        return catalog.newest(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Field present(ItemView item, String name) {
        return item.form().fields().stream()
                .filter(f -> f.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A question the builder edits: a repeatable group is kept as it is (moved or removed, not changed here). */
    private static Field editable(ItemView item, String name) {
        var field = present(item, name);
        if (field.group()) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        return field;
    }
}
