package org.tongban.identity.web;

import java.security.Principal;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.IdentityManagement;

/** The operator's account desk: unlock an account locked after failed sign-ins. Not open to the manager. */
@Controller
class AccountAdminController {

    private final IdentityManagement identity;

    AccountAdminController(IdentityManagement identity) {
        this.identity = identity;
    }

    @GetMapping("/console/accounts")
    @PreAuthorize("hasAuthority('identity:accounts-unlock')")
    String page() {
        return "identity/accounts";
    }

    @PostMapping("/console/accounts/unlock")
    @PreAuthorize("hasAuthority('identity:accounts-unlock')")
    String unlock(@RequestParam String identifier, Principal me, RedirectAttributes redirect) {
        boolean done = identity.unlock(identifier, UUID.fromString(me.getName()));
        redirect.addFlashAttribute("notice", done ? "identity.accounts.unlocked" : "identity.accounts.notFound");
        return "redirect:/console/accounts";
    }
}
