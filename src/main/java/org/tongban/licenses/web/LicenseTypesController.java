package org.tongban.licenses.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.Departments;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.internal.LicenseTypes;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/** The license types for the government manager: the list, and one type's definition to read and change. */
@Controller
class LicenseTypesController {

    private final LicenseTypes types;
    private final Departments identity;

    LicenseTypesController(LicenseTypes types, Departments identity) {
        this.types = types;
        this.identity = identity;
    }

    @GetMapping("/console/licenses")
    @PreAuthorize("hasAuthority('licenses:types-read')")
    String types(Model model) {
        model.addAttribute("types", types.all());
        var names = new java.util.HashMap<String, String[]>();
        identity.departments().forEach(d -> names.put(d.code(), new String[] {d.nameZh(), d.nameEn()}));
        model.addAttribute("departments", names);
        return "licenses/types";
    }

    /** A new type: the editor starts from an example definition to change. */
    @GetMapping("/console/licenses/new")
    @PreAuthorize("hasAuthority('licenses:types-write')")
    String fresh(Model model) {
        var example = types.definition("HEALTH_CERTIFICATE")
                .or(() -> types.definition(types.all().getFirst().code()))
                .orElseThrow()
                .replaceFirst("\"code\": \"[^\"]*\"", "\"code\": \"NEW_TYPE\"")
                .replaceFirst("\"typeCode\": \"[^\"]*\"", "\"typeCode\": \"\"");
        return fresh(example, null, model);
    }

    @PostMapping("/console/licenses/new")
    @PreAuthorize("hasAuthority('licenses:types-write')")
    @FormPage("createRefused")
    String create(
            @RequestParam(defaultValue = "") String definition,
            @CurrentAccount UUID me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var type = types.create(definition, me);
        redirect.addFlashAttribute("notice", "licenses.types.created");
        return "redirect:/console/licenses/" + type.code();
    }

    /** The editor again with the definition as sent and why it was refused. */
    private String createRefused(
            @RequestParam(defaultValue = "") String definition, InvalidLicenseException e, Model model) {
        return fresh(definition, e.fieldErrors().get("definition"), model);
    }

    private String fresh(String definition, @Nullable String error, Model model) {
        model.addAttribute("type", null);
        model.addAttribute("definition", definition);
        model.addAttribute("definitionError", error);
        return "licenses/type";
    }

    @GetMapping("/console/licenses/{code}")
    @PreAuthorize("hasAuthority('licenses:types-read')")
    String type(@PathVariable String code, Model model) {
        var definition = types.definition(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return page(code, definition, null, model);
    }

    @PostMapping("/console/licenses/{code}")
    @PreAuthorize("hasAuthority('licenses:types-write')")
    @FormPage("saveRefused")
    String save(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String definition,
            @CurrentAccount UUID me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (types.find(code).isEmpty()) throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        types.save(code, definition, me);
        redirect.addFlashAttribute("notice", "licenses.types.saved");
        return "redirect:/console/licenses/" + code;
    }

    private String saveRefused(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String definition,
            InvalidLicenseException e,
            Model model) {
        return page(code, definition, e.fieldErrors().get("definition"), model);
    }

    private String page(String code, String definition, @Nullable String error, Model model) {
        model.addAttribute("type", types.find(code).orElseThrow());
        model.addAttribute("definition", definition);
        model.addAttribute("definitionError", error);
        return "licenses/type";
    }
}
