package org.tongban.cases.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.internal.CaseSummary;
import org.tongban.cases.internal.CaseView;
import org.tongban.identity.CurrentEnterprise;
import org.tongban.identity.EnterpriseView;

/**
 * The cases of the enterprise a request acts for (named by {@code X-Enterprise}, ADR 0030): filed as it, by
 * whoever acted for it. A case of another enterprise, or a person's own, is not found.
 */
@RestController
@RequestMapping("/api/v1/business/cases")
@Tag(name = "Cases")
class BusinessCaseApiController {

    private final CaseManagement cases;

    BusinessCaseApiController(CaseManagement cases) {
        this.cases = cases;
    }

    @GetMapping
    @Operation(summary = "The cases filed as the enterprise, newest first")
    @Parameter(in = ParameterIn.HEADER, name = CurrentEnterprise.HEADER, description = "credit code")
    @PreAuthorize("hasAuthority('identity:read-own') and hasAuthority('channel:business')")
    List<CaseSummary> list(@CurrentEnterprise EnterpriseView enterprise) {
        return cases.ofEnterprise(enterprise);
    }

    @GetMapping("/{number}")
    @Operation(summary = "One case filed as the enterprise, with its answers, materials, result and timeline")
    @Parameter(in = ParameterIn.HEADER, name = CurrentEnterprise.HEADER, description = "credit code")
    @PreAuthorize("hasAuthority('identity:read-own') and hasAuthority('channel:business')")
    CaseView one(@PathVariable String number, @CurrentEnterprise EnterpriseView enterprise) {
        return cases.ofEnterprise(number, enterprise);
    }
}
