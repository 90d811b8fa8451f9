package org.tongban.licenses.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.licenses.internal.GrantLicense;
import org.tongban.licenses.internal.GrantUseView;
import org.tongban.licenses.internal.GrantView;
import org.tongban.licenses.internal.GrantedLicenseView;
import org.tongban.licenses.internal.LicenseGrants;
import org.tongban.shared.CurrentAccount;

/**
 * Use authorisations (用证授权): the holder grants, lists and withdraws them and reads the use log; an official reads
 * a license's data through one (every read logged for the holder). Another holder's license or grant is not found.
 */
@RestController
@RequestMapping("/api/v1/licenses")
@Tag(name = "License use authorisations")
class GrantApiController {

    private final LicenseGrants grants;

    GrantApiController(LicenseGrants grants) {
        this.grants = grants;
    }

    /** To whom (granteeKind DEPARTMENT or ITEM, grantee the department's or item's code), why and until when. */
    record GrantRequest(
            @Nullable String granteeKind,
            @Nullable String grantee,
            @Nullable String purpose,
            @Nullable LocalDate validUntil) {}

    @GetMapping("/{id}/grants")
    @Operation(summary = "The use authorisations of one of my licenses, newest first, with their status")
    @PreAuthorize("hasAuthority('licenses:read-own')")
    List<GrantView> list(@PathVariable String id, @CurrentAccount UUID me) {
        return grants.grants(me, id);
    }

    @PostMapping("/{id}/grants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Authorise a department or a service item's handlers to use one of my licenses",
            description =
                    "The purpose is required (at most 100 characters); validUntil (yyyy-MM-dd) is after today and "
                            + "at most a year ahead. 422 with errors by field; 409 when the license is not valid. Repeating the "
                            + "request with the same Idempotency-Key returns the grant made the first time.")
    @PreAuthorize("hasAuthority('licenses:grant')")
    GrantView grant(
            @PathVariable String id,
            @RequestHeader("Idempotency-Key") String key,
            @RequestBody GrantRequest body,
            @CurrentAccount UUID me) {
        return grants.grant(
                me, id, new GrantLicense(body.granteeKind(), body.grantee(), body.purpose(), body.validUntil()), key);
    }

    @PostMapping("/grants/{grant}/withdraw")
    @Operation(summary = "Withdraw one of my use authorisations; reads through it are refused from now on")
    @PreAuthorize("hasAuthority('licenses:grant')")
    GrantView withdraw(@PathVariable UUID grant, @CurrentAccount UUID me) {
        return grants.withdraw(me, grant);
    }

    @GetMapping("/{id}/grants/log")
    @Operation(
            summary = "Every use of one of my licenses through an authorisation: who, which case, when, what was read")
    @PreAuthorize("hasAuthority('licenses:read-own')")
    List<GrantUseView> log(@PathVariable String id, @CurrentAccount UUID me) {
        return grants.log(me, id);
    }

    @GetMapping("/granted/cases/{number}")
    @Operation(summary = "The licenses applicants chose for a case of my department, with their authorisations")
    @PreAuthorize("hasAuthority('licenses:read-granted')")
    List<GrantView> forCase(@PathVariable String number, @CurrentAccount UUID me) {
        return grants.forCase(me, number);
    }

    @GetMapping("/granted/{grant}")
    @Operation(
            summary = "Read a license's data through an authorisation (logged for the holder)",
            description =
                    "403 when the authorisation is withdrawn, expired, or covers neither my department nor a case "
                            + "of the item that my department handles (name it in case); 409 when the license is not valid.")
    @PreAuthorize("hasAuthority('licenses:read-granted')")
    GrantedLicenseView read(
            @PathVariable UUID grant,
            @RequestParam(name = "case", required = false) @Nullable String caseNumber,
            @CurrentAccount UUID me) {
        return grants.read(me, grant, caseNumber);
    }
}
