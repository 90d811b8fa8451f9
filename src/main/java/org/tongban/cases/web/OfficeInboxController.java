package org.tongban.cases.web;

import java.security.Principal;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseNotFoundException;
import org.tongban.cases.CaseRefusedException;

/** The official's inbox of cases waiting at their department, with the actions of each step. */
@Controller
class OfficeInboxController {

    private final CaseHandling handling;

    OfficeInboxController(CaseHandling handling) {
        this.handling = handling;
    }

    @GetMapping("/office/inbox")
    @PreAuthorize("hasAuthority('cases:handle')")
    String inbox(Principal me, Model model) {
        model.addAttribute("rows", handling.inbox(UUID.fromString(me.getName())));
        return "cases/inbox";
    }

    @PostMapping("/office/cases/{number}/act")
    @PreAuthorize("hasAuthority('cases:handle')")
    String act(@PathVariable String number, @RequestParam CaseAction action,
            @RequestParam(defaultValue = "") String opinion, Principal me, RedirectAttributes redirect) {
        try {
            handling.act(UUID.fromString(me.getName()), number, action, opinion);
            redirect.addFlashAttribute("notice", "cases.inbox.done");
        } catch (CaseNotFoundException e) {
            redirect.addFlashAttribute("error", "cases.error.notFound");
        } catch (CaseRefusedException e) {
            redirect.addFlashAttribute("error", e.messageKey());
        }
        return "redirect:/office/inbox";
    }
}
