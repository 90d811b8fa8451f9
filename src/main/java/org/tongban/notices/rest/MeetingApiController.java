package org.tongban.notices.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tongban.notices.internal.Attachments;
import org.tongban.notices.internal.MeetingStore;
import org.tongban.notices.internal.Meetings;
import org.tongban.notices.internal.NoticeViews;
import org.tongban.notices.web.Uploads;
import org.tongban.shared.CurrentAccount;

/** Meetings on the API: only those the caller organises or is invited to; any other is 404. */
@RestController
@RequestMapping("/api/v1/office/meetings")
class MeetingApiController {

    record CallRequest(
            @Nullable String title,
            @Nullable String startsAt,
            @Nullable String endsAt,
            @Nullable String place,
            @Nullable String onlineLink,
            @Nullable String agenda,
            @Nullable List<String> invitees,
            @Nullable List<String> departments) {}

    record ReplyRequest(
            @Nullable String reply,
            @Nullable String reason,
            @Nullable String delegate) {}

    record CancelRequest(@Nullable String reason) {}

    record Summary(
            UUID id,
            String title,
            String organiser,
            String startsAt,
            String endsAt,
            @Nullable String place,
            @Nullable String onlineLink,
            String status,
            @Nullable String myReply,
            int invitees,
            int replied) {}

    record Detail(Summary meeting, String agenda, @Nullable String cancelReason, List<Attachments.Info> attachments) {}

    record Reply(
            String name,
            String department,
            String reply,
            @Nullable String reason,
            @Nullable String delegate) {}

    record Lists(List<Summary> invitations, List<Summary> organised) {}

    private final Meetings meetings;
    private final NoticeViews views;

    MeetingApiController(Meetings meetings, NoticeViews views) {
        this.meetings = meetings;
        this.views = views;
    }

    private Summary summary(MeetingStore.Meeting m, Locale locale) {
        return new Summary(
                m.id(),
                m.title(),
                views.department(m.organiserDepartment(), locale),
                views.time(m.startsAt()),
                views.time(m.endsAt()),
                m.place(),
                m.onlineLink(),
                m.status(),
                m.invitation() == null ? null : views.reply(m.invitation().reply(), locale),
                m.invitees(),
                m.replied());
    }

    private static List<String> list(@Nullable List<String> values) {
        return values == null ? List.of() : values.stream().map(String::valueOf).toList();
    }

    @GetMapping
    @Operation(summary = "The meetings I am invited to (waiting for my reply first) and those I organise")
    @PreAuthorize("hasAuthority('notices:read')")
    Lists list(@CurrentAccount UUID me, Locale locale) {
        return new Lists(
                meetings.invitations(me).stream().map(m -> summary(m, locale)).toList(),
                meetings.organisedBy(me).stream().map(m -> summary(m, locale)).toList());
    }

    @PostMapping
    @Operation(
            summary = "Call a meeting: times as 2026-12-05T09:30 (China time), a place or an online link, the agenda,"
                    + " invitees (account ids) and/or departments (codes); 422 with field errors")
    @PreAuthorize("hasAuthority('notices:send')")
    Map<String, UUID> call(@RequestBody CallRequest body, @CurrentAccount UUID me) {
        var form = new java.util.HashMap<String, String>();
        if (body.title() != null) form.put("title", body.title());
        if (body.startsAt() != null) form.put("startsAt", body.startsAt());
        if (body.endsAt() != null) form.put("endsAt", body.endsAt());
        if (body.place() != null) form.put("place", body.place());
        if (body.onlineLink() != null) form.put("onlineLink", body.onlineLink());
        if (body.agenda() != null) form.put("agenda", body.agenda());
        return Map.of("id", meetings.call(me, form, list(body.invitees()), list(body.departments()), List.of()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One meeting, for its organiser and invitees")
    @PreAuthorize("hasAuthority('notices:read')")
    Detail one(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale) {
        var m = meetings.one(me, id);
        return new Detail(summary(m, locale), m.agenda(), m.cancelReason(), meetings.attachments(id));
    }

    @GetMapping("/{id}/replies")
    @Operation(summary = "Every invitee's reply, and who has not replied (the organiser only)")
    @PreAuthorize("hasAuthority('notices:send')")
    List<Reply> replies(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale) {
        return meetings.replies(me, id).stream()
                .map(r -> new Reply(
                        String.valueOf(r.name()),
                        views.department(r.department(), locale),
                        views.reply(r.reply(), locale),
                        r.reason(),
                        r.delegateName()))
                .toList();
    }

    @PostMapping("/{id}/reply")
    @Operation(
            summary = "Reply ATTEND, DELEGATE (delegate: a colleague's account id) or DECLINE (with a reason);"
                    + " 409 for a cancelled or started meeting")
    @PreAuthorize("hasAuthority('notices:read')")
    Detail reply(@PathVariable UUID id, @RequestBody ReplyRequest body, @CurrentAccount UUID me, Locale locale) {
        meetings.reply(me, id, body.reply() == null ? "" : body.reply(), body.reason(), body.delegate());
        return one(id, me, locale);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a meeting that has not started (the organiser only); every invitee is told")
    @PreAuthorize("hasAuthority('notices:send')")
    Detail cancel(@PathVariable UUID id, @RequestBody CancelRequest body, @CurrentAccount UUID me, Locale locale) {
        meetings.cancel(me, id, body.reason());
        return one(id, me, locale);
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach files (PDF, JPEG, PNG, DOCX; at most 5 of 10 MB) to a meeting I organise")
    @PreAuthorize("hasAuthority('notices:send')")
    List<Attachments.Info> attach(
            @PathVariable UUID id,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @CurrentAccount UUID me) {
        meetings.attach(me, id, Uploads.of(files));
        return meetings.attachments(id);
    }

    @GetMapping("/{id}/attachments/{attachment}")
    @Operation(summary = "An attachment, for the organiser and the invitees only")
    @PreAuthorize("hasAuthority('notices:read')")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachment, @CurrentAccount UUID me) {
        return Uploads.download(meetings.attachment(me, id, attachment));
    }
}
