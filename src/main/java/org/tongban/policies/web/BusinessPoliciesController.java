package org.tongban.policies.web;

import java.util.Locale;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.tongban.identity.CurrentEnterprise;
import org.tongban.identity.EnterpriseView;
import org.tongban.policies.internal.PolicyOffers;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.RedirectOnError;

/** The enterprise's policies: matched ones with the reasons, nearly matched ones, applying, and its benefits. */
@Controller
class BusinessPoliciesController {

    private final PolicyOffers offers;

    BusinessPoliciesController(PolicyOffers offers) {
        this.offers = offers;
    }

    @GetMapping("/business/policies")
    @PreAuthorize("hasAuthority('policies:read-own')")
    String policies(@CurrentEnterprise EnterpriseView enterprise, Locale locale, Model model) {
        model.addAttribute("offers", offers.offers(enterprise.creditCode(), locale));
        return "policies/business";
    }

    @GetMapping("/business/policies/benefits")
    @PreAuthorize("hasAuthority('policies:read-own')")
    String benefits(@CurrentEnterprise EnterpriseView enterprise, Locale locale, Model model) {
        model.addAttribute("benefits", offers.benefits(enterprise.creditCode(), locale));
        return "policies/benefits";
    }

    /** Applying in one step: to the policy's service item's form, after checking the enterprise matches now. */
    @PostMapping("/business/policies/{id}/apply")
    @PreAuthorize("hasAuthority('policies:read-own')")
    @RedirectOnError("/business/policies")
    String apply(@PathVariable UUID id, @CurrentEnterprise EnterpriseView enterprise, @CurrentAccount UUID me) {
        return "redirect:" + offers.apply(me, enterprise.creditCode(), id);
    }
}
