package org.tongban.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.SearchSynonyms;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/**
 * The manager's side of search (ADR 0025): the synonym list ({@code /console/catalog/synonyms}) and an item's
 * keywords and result names ({@code /console/catalog/{code}/search-terms}). Only {@code catalog:items-write}.
 */
@Controller
class SearchAdminController {

    private final SearchSynonyms synonyms;
    private final CatalogManagement catalog;

    SearchAdminController(SearchSynonyms synonyms, CatalogManagement catalog) {
        this.synonyms = synonyms;
        this.catalog = catalog;
    }

    @GetMapping("/console/catalog/synonyms")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    String synonyms(@RequestParam(defaultValue = "") String edit, Model model) {
        var editing = synonyms.all().stream().filter(s -> s.term().equals(edit)).findFirst();
        return synonymsPage(
                editing.map(s -> s.term()).orElse(""),
                editing.map(s -> String.join("，", s.expansions())).orElse(""),
                model);
    }

    @PostMapping("/console/catalog/synonyms")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    @FormPage("synonymRefused")
    String saveSynonym(
            @RequestParam(defaultValue = "") String term,
            @RequestParam(defaultValue = "") String expansions,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        synonyms.save(term, expansions, me);
        redirect.addFlashAttribute("notice", "catalog.synonyms.saved");
        return "redirect:/console/catalog/synonyms";
    }

    /** The list again, with what was typed and the errors by field. */
    private String synonymRefused(
            @RequestParam(defaultValue = "") String term,
            @RequestParam(defaultValue = "") String expansions,
            Model model) {
        return synonymsPage(term, expansions, model);
    }

    private String synonymsPage(String term, String expansions, Model model) {
        model.addAttribute("synonyms", synonyms.all());
        model.addAttribute("term", term);
        model.addAttribute("expansions", expansions);
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "catalog/synonyms";
    }

    @PostMapping("/console/catalog/synonyms/remove")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    @ConfirmFirst(
            value = "catalog.confirm.removeSynonym",
            detail = "catalog.confirm.removeSynonym.detail",
            button = "catalog.synonyms.remove",
            back = "/console/catalog/synonyms")
    String removeSynonym(@RequestParam String term, @CurrentAccount UUID me, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "notice", synonyms.remove(term, me) ? "catalog.synonyms.removed" : "catalog.synonyms.missing");
        return "redirect:/console/catalog/synonyms";
    }

    @GetMapping("/console/catalog/{code}/search-terms")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    String terms(@PathVariable String code, Model model, HttpServletResponse response) {
        var terms = catalog.searchTerms(code);
        return termsPage(code, String.join("，", terms.get(0)), String.join("，", terms.get(1)), model, response);
    }

    @PostMapping("/console/catalog/{code}/search-terms")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    @FormPage("termsRefused")
    String saveTerms(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String keywords,
            @RequestParam(defaultValue = "") String results,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        catalog.saveSearchTerms(code, List.of(keywords), List.of(results), me);
        redirect.addFlashAttribute("notice", "catalog.terms.saved");
        return "redirect:/console/catalog/" + code + "/search-terms";
    }

    private String termsRefused(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String keywords,
            @RequestParam(defaultValue = "") String results,
            Model model,
            HttpServletResponse response) {
        return termsPage(code, keywords, results, model, response);
    }

    private String termsPage(String code, String keywords, String results, Model model, HttpServletResponse response) {
        var item = catalog.newest(code);
        if (item.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "catalog/missing";
        }
        model.addAttribute("item", item.get());
        model.addAttribute("keywords", keywords);
        model.addAttribute("results", results);
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "catalog/search-terms";
    }
}
