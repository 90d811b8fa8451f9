package org.tongban.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

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
    String home(@CurrentAccount UUID me) {
        var roles = identity.profile(me).roles();
        if (roles.contains(Role.ENTERPRISE_USER)) return "redirect:/business";
        if (roles.contains(Role.CITIZEN)) return "redirect:/citizen";
        if (roles.contains(Role.OFFICIAL) || roles.contains(Role.DEPARTMENT_ADMIN)) return "redirect:/office";
        return "redirect:/console";
    }

    @GetMapping("/account")
    @PreAuthorize("hasAuthority('identity:read-own')")
    String account(@CurrentAccount UUID id, Model model) {
        model.addAttribute("profile", identity.profile(id));
        model.addAttribute("passkeys", accountSecurity.passkeys(id));
        model.addAttribute("demoFaceCheck", trustLevels.demoFaceCheck());
        model.addAttribute(
                "freshSignIn",
                RecentSignIn.isFresh(SecurityContextHolder.getContext().getAuthentication()));
        return "identity/account";
    }

    /** Changes the password; every other session of the account ends. Errors are shown next to the field. */
    @PostMapping("/account/password")
    @PreAuthorize("hasAuthority('identity:read-own') and !hasAuthority('SECOND_FACTOR_REQUIRED')")
    @FormPage("passwordRefused")
    String changePassword(
            @CurrentAccount UUID id,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        accountSecurity.changePassword(
                id, currentPassword, newPassword, request.getSession().getId());
        redirect.addFlashAttribute("notice", "identity.password.changed");
        return "redirect:/account";
    }

    /** The account page again, the password errors next to their fields (the passwords are not sent back). */
    private String passwordRefused(@CurrentAccount UUID id, InvalidInputException e, Model model) {
        model.addAttribute("passwordErrors", e.fieldErrors());
        return account(id, model);
    }

    @PostMapping("/account/verify")
    @PreAuthorize("hasAuthority('identity:update-own')")
    String verify(
            @CurrentAccount UUID me,
            @RequestParam(defaultValue = "") String faceEvidence,
            RedirectAttributes redirect) {
        int level = trustLevels.verifyIdentity(me, faceEvidence);
        redirect.addFlashAttribute(
                "notice", level >= 3 ? "identity.account.verified" : "identity.account.verifyFailedFace");
        return "redirect:/account";
    }

    @PostMapping("/account/passkeys/delete")
    @PreAuthorize("hasAuthority('identity:read-own') and !hasAuthority('SECOND_FACTOR_REQUIRED')")
    @ConfirmFirst(
            value = "passkeys.confirm.remove",
            detail = "passkeys.confirm.remove.detail",
            button = "passkeys.remove",
            back = "/account")
    String deletePasskey(@CurrentAccount UUID me, @RequestParam String credentialId, RedirectAttributes redirect) {
        boolean removed = accountSecurity.removePasskey(me, credentialId);
        redirect.addFlashAttribute("notice", removed ? "identity.passkeys.removed" : "identity.passkeys.notFound");
        return "redirect:/account";
    }

    @PostMapping("/account/passkeys/rename")
    @PreAuthorize("hasAuthority('identity:read-own') and !hasAuthority('SECOND_FACTOR_REQUIRED')")
    String renamePasskey(
            @CurrentAccount UUID me,
            @RequestParam String credentialId,
            @RequestParam(defaultValue = "") String label,
            RedirectAttributes redirect) {
        try {
            boolean renamed = accountSecurity.renamePasskey(me, credentialId, label);
            redirect.addFlashAttribute("notice", renamed ? "passkeys.renamed" : "identity.passkeys.notFound");
        } catch (org.tongban.identity.InvalidInputException e) {
            redirect.addFlashAttribute("error", "passkeys.label.invalid");
        }
        return "redirect:/account";
    }

    @PostMapping("/account/sign-out-everywhere")
    @ConfirmFirst(
            value = "account.confirm.signOutEverywhere",
            detail = "account.confirm.signOutEverywhere.detail",
            button = "account.signOutEverywhere",
            back = "/account")
    String signOutEverywhere(@CurrentAccount UUID me) {
        accountSecurity.signOutEverywhere(me);
        return "redirect:/login?signedOutEverywhere";
    }
}
