package org.tongban.catalog.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/** Public pages: search the catalogue, read an item's guide (办事指南). */
@Controller
class CatalogController {

    private final CatalogManagement catalog;

    CatalogController(CatalogManagement catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/services")
    String search(
            @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String theme,
            @RequestParam(defaultValue = "") String department,
            @RequestParam(defaultValue = "") String channel,
            @RequestParam(defaultValue = "false") boolean zeroVisit,
            Model model) {
        model.addAttribute("items", catalog.search(new ItemSearch(q, theme, department, channel, zeroVisit, 100)));
        model.addAttribute("departments", catalog.departments());
        model.addAttribute("q", q);
        model.addAttribute("theme", theme);
        model.addAttribute("department", department);
        model.addAttribute("channel", channel);
        model.addAttribute("zeroVisit", zeroVisit);
        return "catalog/search";
    }

    @GetMapping("/services/{code}")
    String guide(@PathVariable String code, Model model, HttpServletResponse response) {
        var item = catalog.guide(code);
        if (item.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "catalog/missing";
        }
        model.addAttribute("item", item.get());
        return "catalog/guide";
    }
}
