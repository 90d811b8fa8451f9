package org.tongban.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.InvalidInputException;
import org.tongban.identity.Persons;
import org.tongban.identity.Role;
import org.tongban.identity.internal.AccountSecurity;
import org.tongban.identity.internal.RecentSignIn;
import org.tongban.identity.internal.TrustLevelProof;

/** The signed-in person's own account: profile, trust level, passkeys (刷脸), sign out everywhere. */
@Controller
class AccountController {

    private final Persons identity;
    private final AccountSecurity accountSecurity;
    private final TrustLevelProof trustLevels;

    AccountController(Persons identity, AccountSecurity accountSecurity, TrustLevelProof trustLevels) {
        this.identity = identity;
        this.accountSecurity = accountSecurity;
        this.trustLevels = trustLevels;
    }

    /** After sign-in: each person lands in the channel of their main role. */
    @GetMapping("/home")
    String home(Principal me) {
        var roles = identity.profile(UUID.fromString(me.getName())).roles();
        if (roles.contains(Role.ENTERPRISE_USER)) return "redirect:/business";
        if (roles.contains(Role.CITIZEN)) return "redirect:/citizen";
        if (roles.contains(Role.OFFICIAL) || roles.contains(Role.DEPARTMENT_ADMIN)) return "redirect:/office";
        return "redirect:/console";
    }

    @GetMapping("/account")
    @PreAuthorize("hasAuthority('identity:read-own')")
    String account(Principal me, Model model) {
        var id = UUID.fromString(me.getName());
        model.addAttribute("profile", identity.profile(id));
        model.addAttribute("passkeys", accountSecurity.passkeys(id));
        model.addAttribute("demoFaceCheck", trustLevels.demoFaceCheck());
        model.addAttribute("freshSignIn", RecentSignIn.isFresh(SecurityContextHolder.getContext().getAuthentication()));
        return "identity/account";
    }

    /** Changes the password; every other session of the account ends. Errors are shown next to the field. */
    @PostMapping("/account/password")
    @PreAuthorize("hasAuthority('identity:read-own') and !hasAuthority('SECOND_FACTOR_REQUIRED')")
    String changePassword(Principal me, @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        var id = UUID.fromString(me.getName());
        try {
            accountSecurity.changePassword(id, currentPassword, newPassword, request.getSession().getId());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("passwordErrors", e.fieldErrors());
            return account(me, model);
        }
        redirect.addFlashAttribute("notice", "identity.password.changed");
        return "redirect:/account";
    }

    @PostMapping("/account/verify")
    @PreAuthorize("hasAuthority('identity:update-own')")
    String verify(Principal me, @RequestParam(defaultValue = "") String faceEvidence, RedirectAttributes redirect) {
        int level = trustLevels.verifyIdentity(UUID.fromString(me.getName()), faceEvidence);
        redirect.addFlashAttribute("notice", level >= 3 ? "identity.account.verified" : "identity.account.verifyFailedFace");
        return "redirect:/account";
    }

    @PostMapping("/account/passkeys/delete")
    @PreAuthorize("hasAuthority('identity:read-own') and !hasAuthority('SECOND_FACTOR_REQUIRED')")
    String deletePasskey(Principal me, @RequestParam String credentialId, RedirectAttributes redirect) {
        boolean removed = accountSecurity.removePasskey(UUID.fromString(me.getName()), credentialId);
        redirect.addFlashAttribute("notice", removed ? "identity.passkeys.removed" : "identity.passkeys.notFound");
        return "redirect:/account";
    }

    @PostMapping("/account/sign-out-everywhere")
    String signOutEverywhere(Principal me) {
        accountSecurity.signOutEverywhere(UUID.fromString(me.getName()));
        return "redirect:/login?signedOutEverywhere";
    }
}
