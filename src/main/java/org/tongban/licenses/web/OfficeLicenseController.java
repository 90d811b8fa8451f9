package org.tongban.licenses.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.Departments;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseRefusedException;
import org.tongban.licenses.internal.IssueLicense;
import org.tongban.licenses.internal.LicenseIssuance;
import org.tongban.licenses.internal.LicenseManagement;
import org.tongban.licenses.internal.LicenseTypeView;
import org.tongban.licenses.internal.LicenseTypes;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/**
 * The issuing department's license desk (发证): its register, issuing one license on a form built from the type's
 * schema, batch import from CSV with the report of refused rows, and a license's page with revocation, suspension
 * and reinstatement.
 */
@Controller
class OfficeLicenseController {

    private final LicenseTypes types;
    private final LicenseIssuance issuance;
    private final LicenseManagement management;
    private final Departments identity;

    OfficeLicenseController(
            LicenseTypes types, LicenseIssuance issuance, LicenseManagement management, Departments identity) {
        this.types = types;
        this.issuance = issuance;
        this.management = management;
        this.identity = identity;
    }

    @GetMapping("/office/licenses")
    @PreAuthorize("hasAuthority('licenses:issue')")
    String desk(@RequestParam(required = false) @Nullable Long before, @CurrentAccount UUID official, Model model) {
        model.addAttribute("types", myTypes(official));
        model.addAttribute("page", management.issuedByMyDepartment(official, before, 20));
        return "licenses/office";
    }

    @GetMapping("/office/licenses/new")
    @PreAuthorize("hasAuthority('licenses:issue')")
    String form(@RequestParam String type, @CurrentAccount UUID me, Model model) {
        var licenseType = mine(me, type);
        model.addAttribute("type", licenseType);
        model.addAttribute("form", Map.of());
        model.addAttribute("requestKey", UUID.randomUUID().toString());
        return "licenses/issue";
    }

    @PostMapping("/office/licenses")
    @PreAuthorize("hasAuthority('licenses:issue')")
    @FormPage(value = "issueRefused", status = 200)
    String issue(
            @RequestParam MultiValueMap<String, String> form,
            @CurrentAccount UUID official,
            Model model,
            RedirectAttributes redirect) {
        var type = mine(official, first(form, "type"));
        var values = values(form);
        var data = new HashMap<String, String>();
        for (var f : type.fields()) data.put(f.name(), values.getOrDefault(f.name(), ""));
        var dateErrors = new HashMap<String, String>();
        var command = new IssueLicense(
                type.code(),
                values.getOrDefault("holderName", ""),
                values.getOrDefault("holderId", ""),
                data,
                values.get("number"),
                date(values.get("validFrom"), "validFrom", dateErrors),
                date(values.get("validTo"), "validTo", dateErrors));
        if (!dateErrors.isEmpty()) throw new InvalidLicenseException(dateErrors);
        var issued = issuance.issue(official, values.getOrDefault("requestKey", ""), command);
        redirect.addFlashAttribute("notice", "licenses.office.issued");
        return "redirect:/office/licenses/" + issued.identifier();
    }

    /** The form again with everything typed, and the errors by field or why the license was refused. */
    private String issueRefused(
            @RequestParam MultiValueMap<String, String> form, @CurrentAccount UUID official, Model model) {
        var values = values(form);
        model.addAttribute("type", mine(official, first(form, "type")));
        model.addAttribute("form", values);
        model.addAttribute(
                "requestKey",
                values.getOrDefault("requestKey", UUID.randomUUID().toString()));
        return "licenses/issue";
    }

    @PostMapping("/office/licenses/batch")
    @PreAuthorize("hasAuthority('licenses:issue')")
    @FormPage(value = "batchRefused", status = 200)
    String batch(
            @RequestParam String type,
            @RequestParam("file") MultipartFile file,
            @CurrentAccount UUID official,
            Model model)
            throws IOException {
        model.addAttribute(
                "report",
                issuance.importCsv(
                        official, type, Objects.requireNonNullElse(file.getOriginalFilename(), ""), file.getBytes()));
        model.addAttribute("batchType", type);
        return desk(null, official, model);
    }

    /** The desk again, the batch refused as a whole: not an official of an issuing department, or no such type. */
    private String batchRefused(
            @RequestParam String type, @CurrentAccount UUID official, RuntimeException e, Model model) {
        model.addAttribute(
                "batchError", e instanceof LicenseRefusedException r ? r.messageKey() : "licenses.error.unknownType");
        model.addAttribute("batchType", type);
        return desk(null, official, model);
    }

    @GetMapping("/office/licenses/{id}")
    @PreAuthorize("hasAuthority('licenses:issue')")
    String license(@PathVariable String id, @CurrentAccount UUID official, Model model) {
        // Another department's license is not found, so an identifier does not reveal that it exists.
        model.addAttribute("l", management.license(official, id));
        model.addAttribute("history", management.history(official, id));
        return "licenses/license";
    }

    @PostMapping("/office/licenses/{id}/status")
    @PreAuthorize("hasAuthority('licenses:status')")
    @ConfirmFirst(
            value = "licenses.confirm.revoke",
            detail = "licenses.confirm.revoke.detail",
            button = "licenses.license.revoke",
            back = "/office/licenses/{id}",
            when = "action=revoke")
    @FormPage(value = "statusRefused", status = 200)
    String status(
            @PathVariable String id,
            @RequestParam String action,
            @RequestParam(defaultValue = "") String reason,
            @CurrentAccount UUID official,
            Model model,
            RedirectAttributes redirect) {
        switch (action) {
            case "revoke" -> management.revoke(official, id, reason);
            case "suspend" -> management.suspend(official, id, reason);
            case "reinstate" -> management.reinstate(official, id, reason);
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        redirect.addFlashAttribute("notice", "licenses.office.statusChanged." + action);
        return "redirect:/office/licenses/" + id;
    }

    /** The license page again, with the reason as typed and why the change was refused. */
    private String statusRefused(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String reason,
            @CurrentAccount UUID official,
            Model model) {
        model.addAttribute("reason", reason);
        return license(id, official, model);
    }

    private static Map<String, String> values(MultiValueMap<String, String> form) {
        var values = new HashMap<String, String>();
        form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.getFirst()));
        return values;
    }

    private List<LicenseTypeView> myTypes(UUID official) {
        return identity.departmentOf(official).map(types::issuedBy).orElse(List.of());
    }

    /** A type the official's department issues; another type is not found. */
    private LicenseTypeView mine(UUID official, @Nullable String type) {
        return myTypes(official).stream()
                .filter(t -> t.code().equals(type))
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String first(MultiValueMap<String, String> form, String name) {
        var v = form.getFirst(name);
        return v == null ? "" : v;
    }

    private static @Nullable LocalDate date(@Nullable String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) return null;
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "licenses.error.date");
            return null;
        }
    }
}
