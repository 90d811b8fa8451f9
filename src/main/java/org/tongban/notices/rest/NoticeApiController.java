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
import org.tongban.notices.internal.NoticeViews;
import org.tongban.notices.internal.Notices;
import org.tongban.notices.web.Uploads;
import org.tongban.shared.CurrentAccount;

/** Notices on the API: only those addressed to the caller or sent by her; any other is 404. */
@RestController
@RequestMapping("/api/v1/office/notices")
class NoticeApiController {

    record SendRequest(
            @Nullable String title,
            @Nullable String body,
            @Nullable String replyBy,
            @Nullable List<String> departments,
            @Nullable String region) {}

    record Summary(
            UUID id,
            String title,
            String from,
            String sentAt,
            @Nullable String replyBy,
            boolean read,
            int recipients,
            int readBy) {}

    record Detail(
            Summary notice,
            String body,
            List<Attachments.Info> attachments,
            @Nullable List<NoticeViews.DepartmentReceipts> receipts) {}

    record Lists(List<Summary> received, List<Summary> sent) {}

    private final Notices notices;
    private final NoticeViews views;

    NoticeApiController(Notices notices, NoticeViews views) {
        this.notices = notices;
        this.views = views;
    }

    private Summary summary(Notices.Row n, Locale locale) {
        return new Summary(
                n.id(),
                n.title(),
                views.department(n.senderDepartment(), locale),
                views.time(n.sentAt()),
                n.replyBy() == null ? null : n.replyBy().toString(),
                n.readAt() != null,
                n.recipients(),
                n.read());
    }

    @GetMapping
    @Operation(summary = "The notices addressed to me (unread first) and those I sent")
    @PreAuthorize("hasAuthority('notices:read')")
    Lists list(@CurrentAccount UUID me, Locale locale) {
        return new Lists(
                notices.received(me).stream().map(n -> summary(n, locale)).toList(),
                notices.sent(me).stream().map(n -> summary(n, locale)).toList());
    }

    @PostMapping
    @Operation(summary = "Send a notice to departments (codes) or every department of a region; 422 with field errors")
    @PreAuthorize("hasAuthority('notices:send')")
    Map<String, UUID> send(@RequestBody SendRequest body, @CurrentAccount UUID me) {
        var form = new java.util.HashMap<String, String>();
        if (body.title() != null) form.put("title", body.title());
        if (body.body() != null) form.put("body", body.body());
        if (body.replyBy() != null) form.put("replyBy", body.replyBy());
        if (body.region() != null) form.put("region", body.region());
        var departments = body.departments() == null
                ? List.<String>of()
                : body.departments().stream().map(String::valueOf).toList();
        return Map.of("id", notices.send(me, form, departments, List.of()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One notice; opening it marks it read for a recipient; the sender also gets the receipts")
    @PreAuthorize("hasAuthority('notices:read')")
    Detail one(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale) {
        var n = notices.open(me, id);
        var receipts = n.sender().equals(me) ? views.byDepartment(notices.receipts(me, id), locale) : null;
        return new Detail(summary(n, locale), n.body(), notices.attachments(id), receipts);
    }

    @GetMapping("/{id}/receipts")
    @Operation(summary = "Who has read and who has not, by department (the sender only)")
    @PreAuthorize("hasAuthority('notices:send')")
    List<NoticeViews.DepartmentReceipts> receipts(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale) {
        return views.byDepartment(notices.receipts(me, id), locale);
    }

    @PostMapping("/{id}/remind")
    @Operation(summary = "Remind every recipient who has not read (the sender only); 409 when all have read")
    @PreAuthorize("hasAuthority('notices:send')")
    Map<String, Integer> remind(@PathVariable UUID id, @CurrentAccount UUID me) {
        return Map.of("reminded", notices.remind(me, id));
    }

    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Attach files (PDF, JPEG, PNG, DOCX; at most 5 of 10 MB) to a notice I sent")
    @PreAuthorize("hasAuthority('notices:send')")
    List<Attachments.Info> attach(
            @PathVariable UUID id,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            @CurrentAccount UUID me) {
        notices.attach(me, id, Uploads.of(files));
        return notices.attachments(id);
    }

    @GetMapping("/{id}/attachments/{attachment}")
    @Operation(summary = "An attachment, for the sender and the recipients only")
    @PreAuthorize("hasAuthority('notices:read')")
    ResponseEntity<byte[]> attachment(@PathVariable UUID id, @PathVariable UUID attachment, @CurrentAccount UUID me) {
        return Uploads.download(notices.attachment(me, id, attachment));
    }
}
