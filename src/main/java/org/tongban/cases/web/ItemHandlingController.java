package org.tongban.cases.web;

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
import org.tongban.catalog.CatalogInputException;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemView;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;
import org.tongban.workflow.ProcessModels;

/**
 * How an item is handled, set by a government manager in {@code /console}: the process model (the standard approval,
 * or one uploaded on the process page), the departments of a joint approval (并联审批) with the lead department
 * first; the application form has its own builder ({@code /console/catalog/{code}/form}). Saved into the item's draft and published with it, so that cases
 * already filed keep the handling of their version.
 */
@Controller
class ItemHandlingController {

    private final CatalogManagement catalog;
    private final ProcessModels models;

    ItemHandlingController(CatalogManagement catalog, ProcessModels models) {
        this.catalog = catalog;
        this.models = models;
    }

    @GetMapping("/console/catalog/{code}/handling")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    String show(@PathVariable String code, Model model, HttpServletResponse response) {
        var item = catalog.newest(code);
        if (item.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "catalog/missing";
        }
        var v = item.get();
        return page(v, v.processKey(), v.jointDepartments(), Map.of(), model);
    }

    @PostMapping("/console/catalog/{code}/handling")
    @PreAuthorize("hasAuthority('catalog:items-write')")
    @FormPage("handlingRefused")
    String save(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String processKey,
            @RequestParam(name = "joint", required = false) List<String> partners,
            @CurrentAccount UUID me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var item = catalog.newest(code);
        if (item.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "catalog/missing";
        }
        if (!models.exists(processKey.strip())) {
            throw new CatalogInputException(Map.of("processKey", "cases.handling.error.noModel"));
        }
        catalog.saveProcess(code, processKey.strip(), joint(item.get(), partners), me);
        redirect.addFlashAttribute("notice", "cases.handling.saved");
        return "redirect:/console/catalog/" + code + "/handling";
    }

    /** The page again, with what was sent and why it was refused. */
    private String handlingRefused(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String processKey,
            @RequestParam(name = "joint", required = false) List<String> partners,
            CatalogInputException e,
            Model model) {
        var item = catalog.newest(code).orElseThrow();
        return page(item, processKey, joint(item, partners), e.fieldErrors(), model);
    }

    /** The lead department is the item's own; the partners chosen review beside it. */
    private static List<String> joint(ItemView item, List<String> partners) {
        var own = item.departmentCode();
        var others = partners == null
                ? List.<String>of()
                : partners.stream().filter(d -> !d.equals(own)).distinct().toList();
        var joint = new java.util.ArrayList<String>();
        if (!others.isEmpty()) {
            joint.add(own);
            joint.addAll(others);
        }
        return joint;
    }

    private String page(ItemView item, String processKey, List<String> joint, Map<String, String> errors, Model model) {
        model.addAttribute("item", item);
        model.addAttribute("models", models.models());
        model.addAttribute("processKey", processKey);
        model.addAttribute("joint", joint);
        model.addAttribute("departments", catalog.departments());
        model.addAttribute("errors", errors);
        return "cases/handling";
    }
}
