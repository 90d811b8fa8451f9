package org.tongban.appeals.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.appeals.InvalidAppealException;
import org.tongban.appeals.internal.AppealViews;
import org.tongban.appeals.internal.OfficeAppeals;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/** The department's requests: the open ones by deadline (time left in words), handled ones, and handling one. */
@Controller
class OfficeRequestsController {

    private final OfficeAppeals office;
    private final AppealViews views;
    private final MessageSource messages;

    OfficeRequestsController(OfficeAppeals office, AppealViews views, MessageSource messages) {
        this.office = office;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/office/requests")
    @PreAuthorize("hasAuthority('appeals:handle')")
    String list(
            @RequestParam(defaultValue = "false") boolean handled,
            @CurrentAccount UUID me,
            Locale locale,
            Model model) {
        model.addAttribute("handled", handled);
        model.addAttribute("requests", views.views(office.list(me, !handled), locale));
        return "appeals/office-list";
    }

    @GetMapping("/office/requests/{id}")
    @PreAuthorize("hasAuthority('appeals:handle')")
    String one(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale, Model model) {
        return page(id, me, null, locale, model);
    }

    @PostMapping("/office/requests/{id}/accept")
    @PreAuthorize("hasAuthority('appeals:handle')")
    @FormPage("refused")
    String accept(@PathVariable UUID id, @CurrentAccount UUID me, RedirectAttributes redirect) {
        office.accept(me, id);
        redirect.addFlashAttribute("notice", "appeals.notice.accepted");
        return "redirect:/office/requests/" + id;
    }

    @PostMapping("/office/requests/{id}/transfer")
    @PreAuthorize("hasAuthority('appeals:handle')")
    @FormPage("refused")
    String transfer(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String reason,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        office.transfer(me, id, target, reason);
        redirect.addFlashAttribute("notice", "appeals.notice.transferred");
        return "redirect:/office/requests";
    }

    @PostMapping("/office/requests/{id}/reply")
    @PreAuthorize("hasAuthority('appeals:handle')")
    @FormPage("refused")
    String reply(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reply,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        office.reply(me, id, reply);
        redirect.addFlashAttribute("notice", "appeals.notice.replied");
        return "redirect:/office/requests/" + id;
    }

    private String refused(
            @PathVariable UUID id,
            @CurrentAccount UUID me,
            @Nullable InvalidAppealException e,
            Locale locale,
            Model model) {
        return page(id, me, e, locale, model);
    }

    private String page(UUID id, UUID me, @Nullable InvalidAppealException e, Locale locale, Model model) {
        var row = office.one(me, id);
        model.addAttribute("r", views.view(row, locale));
        model.addAttribute("steps", views.steps(office.events(id), locale));
        model.addAttribute("targets", office.transferTargets(me));
        var problems = new HashMap<String, String>();
        if (e != null)
            e.fieldErrors().forEach((f, key) -> problems.put(f, messages.getMessage(key, null, key, locale)));
        model.addAttribute("problems", problems);
        return "appeals/office-request";
    }
}
