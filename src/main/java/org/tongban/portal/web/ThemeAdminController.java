package org.tongban.portal.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.portal.ThemeManagement;
import org.tongban.shared.CurrentAccount;

/** The manager's page for the portal's service themes. The operator may not change content (管运分离). */
@Controller
class ThemeAdminController {

    private final ThemeManagement themes;

    ThemeAdminController(ThemeManagement themes) {
        this.themes = themes;
    }

    @GetMapping("/console/themes")
    @PreAuthorize("hasAuthority('portal:themes-read')")
    String list(Model model) {
        model.addAttribute("themes", themes.themes(true));
        return "portal/themes";
    }

    @PostMapping("/console/themes")
    @PreAuthorize("hasAuthority('portal:themes-write')")
    String update(
            @RequestParam String code,
            @RequestParam(defaultValue = "false") boolean visible,
            @RequestParam int sortOrder,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        boolean ok = sortOrder >= 0 && sortOrder <= 9999 && themes.update(code, visible, sortOrder, me);
        redirect.addFlashAttribute(ok ? "notice" : "error", ok ? "portal.themes.saved" : "portal.themes.invalid");
        return "redirect:/console/themes";
    }
}
