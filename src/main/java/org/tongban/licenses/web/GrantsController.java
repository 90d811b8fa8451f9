package org.tongban.licenses.web;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.tongban.identity.IdentityManagement;
import org.tongban.licenses.internal.GrantLicence;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.internal.LicenseGrants;
import org.tongban.licenses.LicenseNotFoundException;
import org.tongban.licenses.LicenseRefusedException;
import org.tongban.licenses.internal.LicenseWallet;

/**
 * Use authorisations (用证授权) on pages: the holder's page of a licence's grants (give one, withdraw one, the use log)
 * in the citizen and business channels, and the official's reading of a licence used in a case or granted to the
 * department, in the office channel.
 */
@Controller
class GrantsController {

    private final LicenseGrants grants;
    private final LicenseWallet wallet;
    private final IdentityManagement identity;

    GrantsController(LicenseGrants grants, LicenseWallet wallet, IdentityManagement identity) {
        this.grants = grants;
        this.wallet = wallet;
        this.identity = identity;
    }

    @GetMapping("/{channel:citizen|business}/licences/{identifier}/grants")
    @PreAuthorize("hasAuthority('licenses:read-own')")
    String page(@PathVariable String channel, @PathVariable String identifier, Principal me, Model model) {
        return holderPage(channel, identifier, me, model, Map.of("granteeKind", "DEPARTMENT"));
    }

    @PostMapping("/{channel:citizen|business}/licences/{identifier}/grants")
    @PreAuthorize("hasAuthority('licenses:grant')")
    String grant(@PathVariable String channel, @PathVariable String identifier,
            @RequestParam(defaultValue = "DEPARTMENT") String granteeKind,
            @RequestParam(defaultValue = "") String department, @RequestParam(defaultValue = "") String item,
            @RequestParam(defaultValue = "") String purpose, @RequestParam(defaultValue = "") String validUntil,
            @RequestParam(defaultValue = "") String requestKey, Principal me, Model model, RedirectAttributes redirect) {
        var form = new LinkedHashMap<String, String>();
        form.put("granteeKind", granteeKind);
        form.put("department", department);
        form.put("item", item);
        form.put("purpose", purpose);
        form.put("validUntil", validUntil);
        LocalDate until = null;
        try {
            until = validUntil.isBlank() ? null : LocalDate.parse(validUntil.strip());
        } catch (DateTimeParseException e) {
            model.addAttribute("errors", Map.of("validUntil", "licenses.grants.error.date"));
            model.addAttribute("requestKey", requestKey);
            return holderPage(channel, identifier, me, model, form);
        }
        var grantee = granteeKind.equals("ITEM") ? item : department;
        try {
            grants.grant(account(me), identifier, new GrantLicence(granteeKind, grantee, purpose, until), requestKey);
        } catch (InvalidLicenseException e) {
            var errors = new LinkedHashMap<String, String>(e.fieldErrors());
            var granteeError = errors.remove("grantee");
            if (granteeError != null) errors.put(granteeKind.equals("ITEM") ? "item" : "department", granteeError);
            model.addAttribute("errors", errors);
            model.addAttribute("requestKey", requestKey);
            return holderPage(channel, identifier, me, model, form);
        } catch (LicenseRefusedException e) {
            model.addAttribute("error", e.messageKey());
            model.addAttribute("requestKey", requestKey);
            return holderPage(channel, identifier, me, model, form);
        } catch (LicenseNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("notice", "licenses.grants.granted");
        return "redirect:/" + channel + "/licences/" + identifier + "/grants";
    }

    @PostMapping("/{channel:citizen|business}/licences/{identifier}/grants/{grant}/withdraw")
    @PreAuthorize("hasAuthority('licenses:grant')")
    String withdraw(@PathVariable String channel, @PathVariable String identifier, @PathVariable UUID grant, Principal me,
            RedirectAttributes redirect) {
        try {
            grants.withdraw(account(me), grant);
        } catch (LicenseNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        redirect.addFlashAttribute("notice", "licenses.grants.withdrawn");
        return "redirect:/" + channel + "/licences/" + identifier + "/grants";
    }

    // Officials

    /** The licences chosen in a case of the official's department (enter a case number). */
    @GetMapping("/office/licences/granted")
    @PreAuthorize("hasAuthority('licenses:read-granted')")
    String forCase(@RequestParam(name = "case", defaultValue = "") String caseNumber, Principal me, Model model) {
        model.addAttribute("caseNumber", caseNumber.strip());
        if (!caseNumber.isBlank()) {
            try {
                model.addAttribute("grants", grants.forCase(account(me), caseNumber.strip()));
            } catch (LicenseNotFoundException e) {
                model.addAttribute("error", "licenses.granted.noCase");
            }
        }
        return "licenses/granted";
    }

    /** A licence's data read through an authorisation; the read is logged for the holder. */
    @GetMapping("/office/licences/granted/{grant}")
    @PreAuthorize("hasAuthority('licenses:read-granted')")
    String read(@PathVariable UUID grant, @RequestParam(name = "case", required = false) @Nullable String caseNumber,
            Principal me, Model model) {
        model.addAttribute("caseNumber", caseNumber == null ? "" : caseNumber.strip());
        try {
            var read = grants.read(account(me), grant, caseNumber);
            model.addAttribute("g", read.grant());
            model.addAttribute("l", read.licence());
        } catch (LicenseNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (LicenseRefusedException e) {
            model.addAttribute("error", e.messageKey());
        }
        return "licenses/granted";
    }

    private String holderPage(String channel, String identifier, Principal me, Model model, Map<String, String> form) {
        var account = account(me);
        try {
            model.addAttribute("l", wallet.licence(account, identifier));
            model.addAttribute("grants", grants.grants(account, identifier));
            model.addAttribute("log", grants.log(account, identifier));
        } catch (LicenseNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("channel", channel);
        model.addAttribute("departments", identity.departments());
        model.addAttribute("form", form);
        if (!model.containsAttribute("requestKey")) model.addAttribute("requestKey", UUID.randomUUID().toString());
        model.addAttribute("today", LocalDate.now(org.tongban.licenses.internal.Issuer.CHINA));
        return "licenses/grants";
    }

    private static UUID account(Principal me) {
        return UUID.fromString(me.getName());
    }
}
