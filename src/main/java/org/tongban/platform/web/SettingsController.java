package org.tongban.platform.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.platform.PlatformManagement;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.RedirectOnError;

/** The operator's settings page. The manager and the auditor are refused. */
@Controller
class SettingsController {

    private final PlatformManagement platform;

    SettingsController(PlatformManagement platform) {
        this.platform = platform;
    }

    @GetMapping("/console/platform/settings")
    @PreAuthorize("hasAuthority('platform:settings-read')")
    String settings(Model model) {
        model.addAttribute("settings", platform.settings());
        return "platform/settings";
    }

    @PostMapping("/console/platform/settings")
    @PreAuthorize("hasAuthority('platform:settings-write')")
    @RedirectOnError("/console/platform/settings")
    String change(
            @RequestParam String key,
            @RequestParam String value,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        platform.change(key, value, me);
        redirect.addFlashAttribute("notice", "platform.settings.saved");
        return "redirect:/console/platform/settings";
    }
}
