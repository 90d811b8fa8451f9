package org.tongban.licenses.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tongban.identity.IdentityManagement;
import org.tongban.licenses.LicenseTypes;

/** The licence types for the government manager: read only for now (editing types is a later issue). */
@Controller
class LicenceTypesController {

    private final LicenseTypes types;
    private final IdentityManagement identity;

    LicenceTypesController(LicenseTypes types, IdentityManagement identity) {
        this.types = types;
        this.identity = identity;
    }

    @GetMapping("/console/licences")
    @PreAuthorize("hasAuthority('licenses:types-read')")
    String types(Model model) {
        model.addAttribute("types", types.all());
        var names = new java.util.HashMap<String, String[]>();
        identity.departments().forEach(d -> names.put(d.code(), new String[] {d.nameZh(), d.nameEn()}));
        model.addAttribute("departments", names);
        return "licenses/types";
    }
}
