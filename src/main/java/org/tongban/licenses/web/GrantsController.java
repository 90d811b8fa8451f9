package org.tongban.licenses.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.Departments;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseNotFoundException;
import org.tongban.licenses.internal.GrantLicense;
import org.tongban.licenses.internal.LicenseGrants;
import org.tongban.licenses.internal.LicenseWallet;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/**
 * Use authorisations (用证授权) on pages: the holder's page of a license's grants (give one, withdraw one, the use log)
 * in the citizen and business channels, and the official's reading of a license used in a case or granted to the
 * department, in the office channel.
 */
@Controller
class GrantsController {

    private final LicenseGrants grants;
    private final LicenseWallet wallet;
    private final Departments identity;

    private final Clock clock;

    GrantsController(LicenseGrants grants, LicenseWallet wallet, Departments identity, Clock clock) {
        this.clock = clock;
        this.grants = grants;
        this.wallet = wallet;
        this.identity = identity;
    }

    @GetMapping("/{channel:citizen|business}/licenses/{identifier}/grants")
    @PreAuthorize("hasAuthority('licenses:read-own')")
    String page(@PathVariable String channel, @PathVariable String identifier, @CurrentAccount UUID me, Model model) {
        return holderPage(channel, identifier, me, model, Map.of("granteeKind", "DEPARTMENT"));
    }

    @PostMapping("/{channel:citizen|business}/licenses/{identifier}/grants")
    @PreAuthorize("hasAuthority('licenses:grant')")
    @FormPage(value = "grantRefused", status = 200)
    String grant(
            @PathVariable String channel,
            @PathVariable String identifier,
            @RequestParam(defaultValue = "DEPARTMENT") String granteeKind,
            @RequestParam(defaultValue = "") String department,
            @RequestParam(defaultValue = "") String item,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String validUntil,
            @RequestParam(defaultValue = "") String requestKey,
            @CurrentAccount UUID me,
            Model model,
            RedirectAttributes redirect) {
        var grantee = granteeKind.equals("ITEM") ? item : department;
        grants.grant(me, identifier, new GrantLicense(granteeKind, grantee, purpose, date(validUntil)), requestKey);
        redirect.addFlashAttribute("notice", "licenses.grants.granted");
        return "redirect:/" + channel + "/licenses/" + identifier + "/grants";
    }

    /** The grants page again with what was typed: the errors by field (the grantee's on the field shown), or why. */
    private String grantRefused(
            @PathVariable String channel,
            @PathVariable String identifier,
            @RequestParam(defaultValue = "DEPARTMENT") String granteeKind,
            @RequestParam(defaultValue = "") String department,
            @RequestParam(defaultValue = "") String item,
            @RequestParam(defaultValue = "") String purpose,
            @RequestParam(defaultValue = "") String validUntil,
            @RequestParam(defaultValue = "") String requestKey,
            @CurrentAccount UUID me,
            RuntimeException e,
            Model model) {
        if (e instanceof InvalidLicenseException invalid) {
            var errors = new LinkedHashMap<String, String>(invalid.fieldErrors());
            var granteeError = errors.remove("grantee");
            if (granteeError != null) errors.put(granteeKind.equals("ITEM") ? "item" : "department", granteeError);
            model.addAttribute("errors", errors);
        }
        var form = new LinkedHashMap<String, String>();
        form.put("granteeKind", granteeKind);
        form.put("department", department);
        form.put("item", item);
        form.put("purpose", purpose);
        form.put("validUntil", validUntil);
        model.addAttribute("requestKey", requestKey);
        return holderPage(channel, identifier, me, model, form);
    }

    /** The last day of a grant, if any; a date that is no date is an error on its field. */
    private static @Nullable LocalDate date(String validUntil) {
        try {
            return validUntil.isBlank() ? null : LocalDate.parse(validUntil.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidLicenseException(Map.of("validUntil", "licenses.grants.error.date"));
        }
    }

    @PostMapping("/{channel:citizen|business}/licenses/{identifier}/grants/{grant}/withdraw")
    @PreAuthorize("hasAuthority('licenses:grant')")
    @ConfirmFirst(
            value = "licenses.grants.confirm.withdraw",
            detail = "licenses.grants.confirm.withdraw.detail",
            button = "licenses.grants.withdraw",
            back = "/{channel}/licenses/{identifier}/grants")
    String withdraw(
            @PathVariable String channel,
            @PathVariable String identifier,
            @PathVariable UUID grant,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        grants.withdraw(me, grant);
        redirect.addFlashAttribute("notice", "licenses.grants.withdrawn");
        return "redirect:/" + channel + "/licenses/" + identifier + "/grants";
    }

    // Officials

    /**
     * The licenses granted to the official's department, and those chosen in a case of the department (enter a case
     * number).
     */
    @GetMapping("/office/licenses/granted")
    @PreAuthorize("hasAuthority('licenses:read-granted')")
    String forCase(
            @RequestParam(name = "case", defaultValue = "") String caseNumber, @CurrentAccount UUID me, Model model) {
        model.addAttribute("caseNumber", caseNumber.strip());
        model.addAttribute("departmentGrants", grants.forDepartment(me));
        if (!caseNumber.isBlank()) {
            try {
                model.addAttribute("grants", grants.forCase(me, caseNumber.strip()));
            } catch (LicenseNotFoundException e) {
                model.addAttribute("error", "licenses.granted.noCase");
            }
        }
        return "licenses/granted";
    }

    /** A license's data read through an authorisation; the read is logged for the holder. */
    @GetMapping("/office/licenses/granted/{grant}")
    @PreAuthorize("hasAuthority('licenses:read-granted')")
    @FormPage(value = "readRefused", status = 200)
    String read(
            @PathVariable UUID grant,
            @RequestParam(name = "case", required = false) @Nullable String caseNumber,
            @CurrentAccount UUID me,
            Model model) {
        model.addAttribute("caseNumber", caseNumber == null ? "" : caseNumber.strip());
        var read = grants.read(me, grant, caseNumber);
        model.addAttribute("g", read.grant());
        model.addAttribute("l", read.license());
        return "licenses/granted";
    }

    /** The page with why the read was refused (the grant withdrawn, expired, or for another case). */
    private String readRefused(
            @RequestParam(name = "case", required = false) @Nullable String caseNumber, Model model) {
        model.addAttribute("caseNumber", caseNumber == null ? "" : caseNumber.strip());
        return "licenses/granted";
    }

    private String holderPage(String channel, String identifier, UUID me, Model model, Map<String, String> form) {
        var account = me;
        model.addAttribute("l", wallet.license(account, identifier));
        model.addAttribute("grants", grants.grants(account, identifier));
        model.addAttribute("log", grants.log(account, identifier));
        model.addAttribute("channel", channel);
        model.addAttribute("departments", identity.departments());
        model.addAttribute("form", form);
        if (!model.containsAttribute("requestKey"))
            model.addAttribute("requestKey", UUID.randomUUID().toString());
        model.addAttribute("today", LocalDate.now(clock));
        return "licenses/grants";
    }
}
