package org.tongban.identity.web;

import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.tongban.identity.internal.EnterpriseProfiles;
import org.tongban.shared.CurrentAccount;

/**
 * An enterprise's profile (一企一档) for an account that acts for it: its register data and a section from each
 * module that holds something of it. Another enterprise is not found.
 */
@Controller
class EnterpriseProfileController {

    private final EnterpriseProfiles profiles;

    EnterpriseProfileController(EnterpriseProfiles profiles) {
        this.profiles = profiles;
    }

    @GetMapping("/business/enterprises/{code}")
    @PreAuthorize("hasAuthority('identity:read-own')")
    String profile(@PathVariable String code, @CurrentAccount UUID me, Model model, Locale locale) {
        model.addAttribute("profile", profiles.of(me, code, locale));
        return "identity/enterprise-profile";
    }
}
