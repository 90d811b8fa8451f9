package org.tongban.notices.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.notices.InvalidNoticeException;
import org.tongban.notices.internal.NoticeViews;
import org.tongban.notices.internal.Notices;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;
import org.tongban.shared.RedirectOnError;

/** Notices: those addressed to me (unread first), those I sent, writing one, reading one, receipts, reminding. */
@Controller
class NoticePages {

    private final Notices notices;
    private final NoticeViews views;

    NoticePages(Notices notices, NoticeViews views) {
        this.notices = notices;
        this.views = views;
    }

    @GetMapping("/office/notices")
    @PreAuthorize("hasAuthority('notices:read')")
    String list(@CurrentAccount UUID me, Model model) {
        model.addAttribute("received", notices.received(me));
        model.addAttribute("sent", notices.sent(me));
        return "notices/list";
    }

    @GetMapping("/office/notices/new")
    @PreAuthorize("hasAuthority('notices:send')")
    String form(Locale locale, Model model) {
        return form(Map.of(), List.of(), null, locale, model);
    }

    @PostMapping("/office/notices")
    @PreAuthorize("hasAuthority('notices:send')")
    @FormPage(value = "sendRefused", message = "notices.form.invalid")
    String send(
            @RequestParam Map<String, String> form,
            @RequestParam(name = "departments", required = false) @Nullable List<String> departments,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        var id = notices.send(me, form, departments == null ? List.of() : departments, Uploads.of(files));
        redirect.addFlashAttribute("notice", "notices.notice.sent");
        return "redirect:/office/notices/" + id;
    }

    private String sendRefused(
            @RequestParam Map<String, String> form,
            @RequestParam(name = "departments", required = false) @Nullable List<String> departments,
            @Nullable InvalidNoticeException e,
            Locale locale,
            Model model) {
        return form(form, departments == null ? List.of() : departments, e, locale, model);
    }

    private String form(
            Map<String, String> values,
            List<String> chosen,
            @Nullable InvalidNoticeException e,
            Locale locale,
            Model model) {
        model.addAttribute("f", new java.util.HashMap<>(values));
        model.addAttribute("chosen", chosen);
        model.addAttribute("departments", views.departments());
        model.addAttribute("regions", views.regions(locale));
        model.addAttribute("problems", views.problems(e, locale));
        return "notices/form";
    }

    @GetMapping("/office/notices/{id}")
    @PreAuthorize("hasAuthority('notices:read')")
    String one(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale, Model model) {
        var n = notices.open(me, id);
        model.addAttribute("n", n);
        model.addAttribute("from", views.department(n.senderDepartment(), locale));
        model.addAttribute("sentAt", views.time(n.sentAt()));
        model.addAttribute("files", notices.attachments(id));
        var sender = n.sender().equals(me);
        model.addAttribute("sender", sender);
        if (sender) model.addAttribute("receipts", views.byDepartment(notices.receipts(me, id), locale));
        model.addAttribute("views", views);
        return "notices/notice";
    }

    @PostMapping("/office/notices/{id}/remind")
    @PreAuthorize("hasAuthority('notices:send')")
    @RedirectOnError("/office/notices/{id}")
    String remind(@PathVariable UUID id, @CurrentAccount UUID me, RedirectAttributes redirect) {
        int n = notices.remind(me, id);
        redirect.addFlashAttribute("reminded", n);
        redirect.addFlashAttribute("notice", "notices.notice.reminded");
        return "redirect:/office/notices/" + id;
    }

    @GetMapping("/office/notices/{id}/attachments/{attachment}")
    @PreAuthorize("hasAuthority('notices:read')")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachment, @CurrentAccount UUID me) {
        return Uploads.download(notices.attachment(me, id, attachment));
    }
}
