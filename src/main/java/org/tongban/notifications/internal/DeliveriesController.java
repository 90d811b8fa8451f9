package org.tongban.notifications.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.shared.CurrentAccount;

/**
 * The operator's view of deliveries (ADR 0034): the share of the last 7 days' texts delivered within 10 s, and the
 * failed and dead ones with their errors, each of which can be tried once more (audited).
 */
@Controller
class DeliveriesController {

    private final Deliveries deliveries;
    private final Clock clock;

    DeliveriesController(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @GetMapping("/console/notifications")
    @PreAuthorize("hasAuthority('notifications:deliveries')")
    String page(Model model) {
        model.addAttribute("timeliness", deliveries.timeliness(clock.instant().minus(Duration.ofDays(7))));
        model.addAttribute("deliveries", deliveries.troubled(200));
        return "notifications/deliveries";
    }

    @PostMapping("/console/notifications/{id}/retry")
    @PreAuthorize("hasAuthority('notifications:deliveries')")
    String retry(@PathVariable UUID id, @CurrentAccount UUID operator, RedirectAttributes redirect) {
        var outcome = deliveries.retryByOperator(id, operator);
        redirect.addFlashAttribute(
                "notice", outcome.equals("SENT") ? "deliveries.retry.sent" : "deliveries.retry.failed");
        return "redirect:/console/notifications";
    }
}
