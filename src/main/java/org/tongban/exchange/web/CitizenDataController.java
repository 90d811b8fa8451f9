package org.tongban.exchange.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.exchange.internal.Consents;
import org.tongban.identity.Departments;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.RedirectOnError;

/** {@code /citizen/data}: who read which of my data, when and why (PIPL), and my consents to departments' purposes. */
@Controller
class CitizenDataController {

    private final Consents consents;
    private final Departments departments;

    CitizenDataController(Consents consents, Departments departments) {
        this.consents = consents;
        this.departments = departments;
    }

    @GetMapping("/citizen/data")
    @PreAuthorize("hasAuthority('exchange:own-data')")
    String page(@CurrentAccount UUID me, Model model) {
        model.addAttribute("reads", consents.reads(me, departments));
        model.addAttribute("consents", consents.mine(me));
        return "exchange/citizen";
    }

    @PostMapping("/citizen/data/consents/{request}")
    @PreAuthorize("hasAuthority('exchange:own-data')")
    @RedirectOnError("/citizen/data")
    String give(@PathVariable UUID request, @CurrentAccount UUID me, RedirectAttributes redirect) {
        consents.give(me, request);
        redirect.addFlashAttribute("notice", "exchange.consent.given");
        return "redirect:/citizen/data";
    }

    @PostMapping("/citizen/data/consents/{request}/withdraw")
    @PreAuthorize("hasAuthority('exchange:own-data')")
    @RedirectOnError("/citizen/data")
    String withdraw(@PathVariable UUID request, @CurrentAccount UUID me, RedirectAttributes redirect) {
        consents.withdraw(me, request);
        redirect.addFlashAttribute("notice", "exchange.consent.withdrawn");
        return "redirect:/citizen/data";
    }
}
