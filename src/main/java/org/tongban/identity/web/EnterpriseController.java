package org.tongban.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.IdentityAudit;
import org.tongban.identity.internal.CurrentEnterpriseResolver;
import org.tongban.identity.internal.EnterpriseClaims;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/**
 * Claiming an enterprise (credit code, the register's check of the representative, a passkey to confirm) and
 * switching the current one (ADR 0030).
 */
@Controller
class EnterpriseController {

    private final EnterpriseClaims claims;
    private final CurrentEnterpriseResolver current;
    private final AuditManagement audit;

    EnterpriseController(EnterpriseClaims claims, CurrentEnterpriseResolver current, AuditManagement audit) {
        this.claims = claims;
        this.current = current;
        this.audit = audit;
    }

    @GetMapping("/business/enterprises/claim")
    @PreAuthorize("hasAuthority('identity:enterprise-claim')")
    String claimForm() {
        return "identity/enterprise-claim";
    }

    @PostMapping("/business/enterprises/claim")
    @PreAuthorize("hasAuthority('identity:enterprise-claim')")
    @FormPage("claimForm")
    String claim(@CurrentAccount UUID me, @RequestParam(defaultValue = "") String creditCode) {
        var claim = claims.start(me, creditCode);
        return "redirect:/business/enterprises/claims/" + claim;
    }

    @GetMapping("/business/enterprises/claims/{claim}")
    @PreAuthorize("hasAuthority('identity:enterprise-claim')")
    String confirmPage(@CurrentAccount UUID me, @PathVariable UUID claim, Model model) {
        model.addAttribute("claim", claims.pending(me, claim));
        return "identity/enterprise-confirm";
    }

    /** The passkey request options, the challenge bound to this claim. */
    @PostMapping(value = "/business/enterprises/claims/{claim}/options", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('identity:enterprise-claim')")
    @ResponseBody
    String options(@CurrentAccount UUID me, @PathVariable UUID claim, Authentication authentication) {
        return claims.requestOptions(me, claim, authentication);
    }

    /** The passkey assertion, as the browser made it; the answer says where to go. */
    @PostMapping(
            value = "/business/enterprises/claims/{claim}/confirm",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('identity:enterprise-claim')")
    @ResponseBody
    Map<String, String> confirm(
            @CurrentAccount UUID me,
            @PathVariable UUID claim,
            @RequestBody String assertion,
            HttpServletRequest request) {
        var code = claims.confirm(me, claim, assertion);
        current.switchTo(me, code.value(), request);
        return Map.of("redirect", "/business?claimed=" + code.value());
    }

    /** Makes another of the caller's enterprises the current one, and goes back to the page it was chosen on. */
    @PostMapping("/business/enterprises/current")
    String switchTo(
            @CurrentAccount UUID me,
            @RequestParam(defaultValue = "") String code,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        var chosen = current.switchTo(me, code, request);
        audit.recordNow(
                AuditRecord.success(IdentityAudit.ENTERPRISE_SWITCHED, me.toString(), chosen.creditCode(), Map.of()));
        redirect.addFlashAttribute("notice", "enterprise.switched");
        return "redirect:" + backTo(request);
    }

    /** Back to the /business page the switch was made on; anywhere else, the channel's home. */
    private static String backTo(HttpServletRequest request) {
        var referer = request.getHeader(HttpHeaders.REFERER);
        if (referer == null) return "/business";
        try {
            var path = java.net.URI.create(referer).getRawPath();
            if (path == null || !path.startsWith("/business") || path.startsWith("/business/enterprises/claim")) {
                return "/business";
            }
            return path;
        } catch (IllegalArgumentException e) {
            return "/business";
        }
    }
}
