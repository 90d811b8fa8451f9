package org.tongban.appeals.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.appeals.InvalidAppealException;
import org.tongban.appeals.internal.Appeals;
import org.tongban.appeals.internal.Requesters;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/** The citizen channel's requests (政企互动): the list, submitting, one request with its reply, rating and reopening. */
@Controller
class CitizenRequestsController {

    private static final String CHANNEL = "citizen";

    private final Appeals appeals;
    private final Requesters requesters;
    private final RequesterPages pages;

    CitizenRequestsController(Appeals appeals, Requesters requesters, RequesterPages pages) {
        this.appeals = appeals;
        this.requesters = requesters;
        this.pages = pages;
    }

    @GetMapping("/citizen/requests")
    @PreAuthorize("hasAuthority('appeals:submit')")
    String list(@CurrentAccount UUID me, Locale locale, Model model) {
        return pages.list(CHANNEL, me, null, locale, model);
    }

    @GetMapping("/citizen/requests/new")
    @PreAuthorize("hasAuthority('appeals:submit')")
    String form(Locale locale, Model model) {
        return pages.form(CHANNEL, Map.of(), null, locale, model);
    }

    @PostMapping("/citizen/requests")
    @PreAuthorize("hasAuthority('appeals:submit')")
    @FormPage(value = "submitRefused", message = "appeals.form.invalid")
    String submit(@RequestParam Map<String, String> form, @CurrentAccount UUID me, RedirectAttributes redirect) {
        var id = appeals.submit(requesters.person(me), form);
        redirect.addFlashAttribute("notice", "appeals.notice.submitted");
        return "redirect:/citizen/requests/" + id;
    }

    private String submitRefused(
            @RequestParam Map<String, String> form, @Nullable InvalidAppealException e, Locale locale, Model model) {
        return pages.form(CHANNEL, form, e, locale, model);
    }

    @GetMapping("/citizen/requests/{id}")
    @PreAuthorize("hasAuthority('appeals:submit')")
    String one(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale, Model model) {
        return pages.one(CHANNEL, appeals.own(me, null, id), null, locale, model);
    }

    @PostMapping("/citizen/requests/{id}/rate")
    @PreAuthorize("hasAuthority('appeals:submit')")
    @FormPage(value = "actionRefused")
    String rate(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String rating,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        appeals.rate(me, null, id, rating);
        redirect.addFlashAttribute("notice", "appeals.notice.rated");
        return "redirect:/citizen/requests/" + id;
    }

    @PostMapping("/citizen/requests/{id}/reopen")
    @PreAuthorize("hasAuthority('appeals:submit')")
    @FormPage(value = "actionRefused")
    String reopen(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        appeals.reopen(me, null, id, reason);
        redirect.addFlashAttribute("notice", "appeals.notice.reopened");
        return "redirect:/citizen/requests/" + id;
    }

    private String actionRefused(
            @PathVariable UUID id,
            @CurrentAccount UUID me,
            @Nullable InvalidAppealException e,
            Locale locale,
            Model model) {
        return pages.one(CHANNEL, appeals.own(me, null, id), e, locale, model);
    }
}
