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
import org.tongban.notices.internal.Meetings;
import org.tongban.notices.internal.NoticeViews;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/** Meetings: my invitations (waiting for my reply first), those I organise, calling one, replying, cancelling. */
@Controller
class MeetingPages {

    private final Meetings meetings;
    private final NoticeViews views;

    MeetingPages(Meetings meetings, NoticeViews views) {
        this.meetings = meetings;
        this.views = views;
    }

    @GetMapping("/office/meetings")
    @PreAuthorize("hasAuthority('notices:read')")
    String list(@CurrentAccount UUID me, Model model) {
        model.addAttribute("invitations", meetings.invitations(me));
        model.addAttribute("organised", meetings.organisedBy(me));
        model.addAttribute("views", views);
        return "notices/meetings";
    }

    @GetMapping("/office/meetings/new")
    @PreAuthorize("hasAuthority('notices:send')")
    String form(Locale locale, Model model) {
        return form(Map.of(), List.of(), List.of(), null, locale, model);
    }

    @PostMapping("/office/meetings")
    @PreAuthorize("hasAuthority('notices:send')")
    @FormPage(value = "callRefused", message = "notices.form.invalid")
    String call(
            @RequestParam Map<String, String> form,
            @RequestParam(name = "invitees", required = false) @Nullable List<String> invitees,
            @RequestParam(name = "departments", required = false) @Nullable List<String> departments,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        var id = meetings.call(
                me,
                form,
                invitees == null ? List.of() : invitees,
                departments == null ? List.of() : departments,
                Uploads.of(files));
        redirect.addFlashAttribute("notice", "notices.notice.called");
        return "redirect:/office/meetings/" + id;
    }

    private String callRefused(
            @RequestParam Map<String, String> form,
            @RequestParam(name = "invitees", required = false) @Nullable List<String> invitees,
            @RequestParam(name = "departments", required = false) @Nullable List<String> departments,
            @Nullable InvalidNoticeException e,
            Locale locale,
            Model model) {
        return form(
                form,
                invitees == null ? List.of() : invitees,
                departments == null ? List.of() : departments,
                e,
                locale,
                model);
    }

    private String form(
            Map<String, String> values,
            List<String> invitees,
            List<String> departments,
            @Nullable InvalidNoticeException e,
            Locale locale,
            Model model) {
        model.addAttribute("f", new java.util.HashMap<>(values));
        model.addAttribute("chosenPeople", invitees);
        model.addAttribute("chosen", departments);
        model.addAttribute("people", views.officials(locale));
        model.addAttribute("departments", views.departments());
        model.addAttribute("problems", views.problems(e, locale));
        return "notices/meeting-form";
    }

    @GetMapping("/office/meetings/{id}")
    @PreAuthorize("hasAuthority('notices:read')")
    String one(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale, Model model) {
        return page(id, me, null, locale, model);
    }

    @PostMapping("/office/meetings/{id}/reply")
    @PreAuthorize("hasAuthority('notices:read')")
    @FormPage("replyRefused")
    String reply(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String reply,
            @RequestParam(required = false) @Nullable String reason,
            @RequestParam(required = false) @Nullable String delegate,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        meetings.reply(me, id, reply, reason, delegate);
        redirect.addFlashAttribute("notice", "notices.notice.replied");
        return "redirect:/office/meetings/" + id;
    }

    private String replyRefused(
            @PathVariable UUID id,
            @CurrentAccount UUID me,
            @Nullable InvalidNoticeException e,
            Locale locale,
            Model model) {
        return page(id, me, e, locale, model);
    }

    @PostMapping("/office/meetings/{id}/cancel")
    @PreAuthorize("hasAuthority('notices:send')")
    @ConfirmFirst(
            value = "notices.confirm.cancel",
            detail = "notices.confirm.cancel.detail",
            button = "notices.meeting.cancel",
            back = "/office/meetings/{id}")
    @FormPage("replyRefused")
    String cancel(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        meetings.cancel(me, id, reason);
        redirect.addFlashAttribute("notice", "notices.notice.cancelled");
        return "redirect:/office/meetings/" + id;
    }

    private String page(UUID id, UUID me, @Nullable InvalidNoticeException e, Locale locale, Model model) {
        var m = meetings.one(me, id);
        model.addAttribute("m", m);
        model.addAttribute("views", views);
        model.addAttribute("from", views.department(m.organiserDepartment(), locale));
        model.addAttribute("files", meetings.attachments(id));
        var organiser = m.organiser().equals(me);
        model.addAttribute("organiser", organiser);
        model.addAttribute("open", !m.cancelled() && m.startsAt().isAfter(java.time.Instant.now()));
        if (organiser) model.addAttribute("replies", meetings.replies(me, id));
        if (m.invitation() != null) model.addAttribute("colleagues", views.colleagues(me));
        model.addAttribute("problems", views.problems(e, locale));
        return "notices/meeting";
    }

    @GetMapping("/office/meetings/{id}/attachments/{attachment}")
    @PreAuthorize("hasAuthority('notices:read')")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachment, @CurrentAccount UUID me) {
        return Uploads.download(meetings.attachment(me, id, attachment));
    }
}
