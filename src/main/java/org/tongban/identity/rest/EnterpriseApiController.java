package org.tongban.identity.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.CurrentEnterprise;
import org.tongban.identity.EnterpriseView;
import org.tongban.identity.Enterprises;
import org.tongban.shared.CurrentAccount;

/**
 * The enterprises the caller acts for, and the one a request acts for: named by the {@code X-Enterprise} header
 * (a credit code) on every enterprise call of the API (ADR 0030).
 */
@RestController
@RequestMapping("/api/v1/business")
@Tag(name = "Enterprises")
class EnterpriseApiController {

    private final Enterprises enterprises;
    private final org.tongban.identity.internal.EnterpriseProfiles profiles;

    EnterpriseApiController(Enterprises enterprises, org.tongban.identity.internal.EnterpriseProfiles profiles) {
        this.enterprises = enterprises;
        this.profiles = profiles;
    }

    @GetMapping("/enterprises/{code}")
    @Operation(
            summary = "An enterprise's profile (一企一档): register data, and its cases, licences and ratings given",
            description = "For an enterprise the caller acts for now; any other is 404. Each section is a module's "
                    + "(cases, licences, ratings); a module that does not exist has no section.")
    @PreAuthorize("hasAuthority('identity:read-own')")
    org.tongban.identity.internal.EnterpriseProfiles.Profile profile(
            @org.springframework.web.bind.annotation.PathVariable String code,
            @CurrentAccount UUID me,
            java.util.Locale locale) {
        return profiles.of(me, code, locale);
    }

    @GetMapping("/enterprises")
    @Operation(summary = "The enterprises I may act for now, as legal representative or agent")
    @PreAuthorize("hasAuthority('identity:read-own')")
    List<EnterpriseView> mine(@CurrentAccount UUID me) {
        return enterprises.actingFor(me);
    }

    @GetMapping("/enterprise")
    @Operation(
            summary = "The enterprise this request acts for",
            description = "Named by the X-Enterprise header (its credit code); without it, the only enterprise of a "
                    + "caller acting for one. 404 for an enterprise the caller may not act for, 422 without the "
                    + "header for a caller acting for several.")
    @Parameter(in = ParameterIn.HEADER, name = CurrentEnterprise.HEADER, description = "credit code")
    @PreAuthorize("hasAuthority('identity:read-own')")
    EnterpriseView current(@CurrentEnterprise EnterpriseView enterprise) {
        return enterprise;
    }
}
