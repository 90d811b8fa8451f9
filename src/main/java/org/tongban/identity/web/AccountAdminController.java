package org.tongban.identity.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.internal.AccountAdministration;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.RedirectOnError;

/** The operator's account desk: unlock an account locked after failed sign-ins, disable or enable one. Not open to the manager. */
@Controller
class AccountAdminController {

    private final AccountAdministration accounts;

    AccountAdminController(AccountAdministration accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/console/accounts")
    @PreAuthorize("hasAuthority('identity:accounts-unlock')")
    String page() {
        return "identity/accounts";
    }

    @PostMapping("/console/accounts/unlock")
    @PreAuthorize("hasAuthority('identity:accounts-unlock')")
    String unlock(@RequestParam String identifier, @CurrentAccount UUID me, RedirectAttributes redirect) {
        boolean done = accounts.unlock(identifier, me);
        redirect.addFlashAttribute("notice", done ? "identity.accounts.unlocked" : "identity.accounts.notFound");
        return "redirect:/console/accounts";
    }

    /** Disables or enables an account: a disabled one cannot sign in by any method and its sessions end at once. */
    @PostMapping("/console/accounts/enabled")
    @PreAuthorize("hasAuthority('identity:accounts-unlock')")
    @RedirectOnError(value = "/console/accounts", invalidInput = true, attribute = "notice")
    String setEnabled(
            @RequestParam(defaultValue = "") String identifier,
            @RequestParam boolean enabled,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        boolean done = accounts.setEnabled(identifier, enabled, me);
        var notice = !done
                ? "identity.accounts.notFound"
                : enabled ? "identity.accounts.enabled" : "identity.accounts.disabled";
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/console/accounts";
    }
}
