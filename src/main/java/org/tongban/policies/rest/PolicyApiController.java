package org.tongban.policies.rest;

import java.util.List;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.CurrentEnterprise;
import org.tongban.identity.EnterpriseView;
import org.tongban.policies.internal.PolicyOffers;
import org.tongban.policies.internal.PolicyViews;

/**
 * The enterprise's policies on the API, for the enterprise named by {@code X-Enterprise} (ADR 0030): matched and
 * nearly matched policies with the reasons, and the benefits granted without application.
 */
@RestController
@RequestMapping("/api/v1/business/policies")
class PolicyApiController {

    private final PolicyOffers offers;

    PolicyApiController(PolicyOffers offers) {
        this.offers = offers;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('policies:read-own')")
    PolicyViews.Offers policies(@CurrentEnterprise EnterpriseView enterprise, Locale locale) {
        return offers.offers(enterprise.creditCode(), locale);
    }

    @GetMapping("/benefits")
    @PreAuthorize("hasAuthority('policies:read-own')")
    List<PolicyViews.Benefit> benefits(@CurrentEnterprise EnterpriseView enterprise, Locale locale) {
        return offers.benefits(enterprise.creditCode(), locale);
    }
}
