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
import org.tongban.identity.CurrentEnterprise;
import org.tongban.identity.EnterpriseView;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/** The business channel's requests (政企互动): the list, submitting, one request with its reply, rating and reopening. */
@Controller
class BusinessRequestsController {

    private static final String CHANNEL = "business";

    private final Appeals appeals;
    private final Requesters requesters;
    private final RequesterPages pages;

    BusinessRequestsController(Appeals appeals, Requesters requesters, RequesterPages pages) {
        this.appeals = appeals;
        this.requesters = requesters;
        this.pages = pages;
    }

    @GetMapping("/business/requests")
    @PreAuthorize("hasAuthority('appeals:submit')")
    String list(@CurrentEnterprise EnterpriseView enterprise, @CurrentAccount UUID me, Locale locale, Model model) {
        return pages.list(CHANNEL, me, enterprise.creditCode(), locale, model);
    }

    @GetMapping("/business/requests/new")
    @PreAuthorize("hasAuthority('appeals:submit')")
    String form(@CurrentEnterprise EnterpriseView enterprise, Locale locale, Model model) {
        return pages.form(CHANNEL, Map.of(), null, locale, model);
    }

    @PostMapping("/business/requests")
    @PreAuthorize("hasAuthority('appeals:submit')")
    @FormPage(value = "submitRefused", message = "appeals.form.invalid")
    String submit(
            @CurrentEnterprise EnterpriseView enterprise,
            @RequestParam Map<String, String> form,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        var id = appeals.submit(requesters.enterprise(me, enterprise), form);
        redirect.addFlashAttribute("notice", "appeals.notice.submitted");
        return "redirect:/business/requests/" + id;
    }

    private String submitRefused(
            @RequestParam Map<String, String> form, @Nullable InvalidAppealException e, Locale locale, Model model) {
        return pages.form(CHANNEL, form, e, locale, model);
    }

    @GetMapping("/business/requests/{id}")
    @PreAuthorize("hasAuthority('appeals:submit')")
    String one(
            @PathVariable UUID id,
            @CurrentEnterprise EnterpriseView enterprise,
            @CurrentAccount UUID me,
            Locale locale,
            Model model) {
        return pages.one(CHANNEL, appeals.own(me, enterprise.creditCode(), id), null, locale, model);
    }

    @PostMapping("/business/requests/{id}/rate")
    @PreAuthorize("hasAuthority('appeals:submit')")
    @FormPage(value = "actionRefused")
    String rate(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String rating,
            @CurrentEnterprise EnterpriseView enterprise,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        appeals.rate(me, enterprise.creditCode(), id, rating);
        redirect.addFlashAttribute("notice", "appeals.notice.rated");
        return "redirect:/business/requests/" + id;
    }

    @PostMapping("/business/requests/{id}/reopen")
    @PreAuthorize("hasAuthority('appeals:submit')")
    @FormPage(value = "actionRefused")
    String reopen(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reason,
            @CurrentEnterprise EnterpriseView enterprise,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        appeals.reopen(me, enterprise.creditCode(), id, reason);
        redirect.addFlashAttribute("notice", "appeals.notice.reopened");
        return "redirect:/business/requests/" + id;
    }

    private String actionRefused(
            @PathVariable UUID id,
            @CurrentEnterprise EnterpriseView enterprise,
            @CurrentAccount UUID me,
            @Nullable InvalidAppealException e,
            Locale locale,
            Model model) {
        return pages.one(CHANNEL, appeals.own(me, enterprise.creditCode(), id), e, locale, model);
    }
}
