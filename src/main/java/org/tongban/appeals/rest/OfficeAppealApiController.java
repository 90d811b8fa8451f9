package org.tongban.appeals.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.appeals.internal.AppealViews;
import org.tongban.appeals.internal.OfficeAppeals;
import org.tongban.shared.CurrentAccount;

/** The department's requests on the API: only those routed to the official's own department; any other is 404. */
@RestController
@RequestMapping("/api/v1/office/requests")
class OfficeAppealApiController {

    record TransferRequest(
            @Nullable String target, @Nullable String reason) {}

    record ReplyRequest(@Nullable String reply) {}

    private final OfficeAppeals office;
    private final AppealViews views;

    OfficeAppealApiController(OfficeAppeals office, AppealViews views) {
        this.office = office;
        this.views = views;
    }

    @GetMapping
    @Operation(summary = "The department's open requests (nearest deadline first), or handled ones")
    @PreAuthorize("hasAuthority('appeals:handle')")
    List<AppealViews.View> list(
            @RequestParam(defaultValue = "false") boolean handled, @CurrentAccount UUID me, Locale locale) {
        return views.views(office.list(me, !handled), locale);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One request of the department")
    @PreAuthorize("hasAuthority('appeals:handle')")
    AppealViews.View one(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale) {
        return views.view(office.one(me, id), locale);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Accept a request waiting to be accepted; a second time is 409")
    @PreAuthorize("hasAuthority('appeals:handle')")
    AppealViews.View accept(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale) {
        office.accept(me, id);
        return views.view(office.one(me, id), locale);
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "Transfer to another department (its code) with a reason; the request leaves this list")
    @PreAuthorize("hasAuthority('appeals:handle')")
    void transfer(@PathVariable UUID id, @RequestBody TransferRequest body, @CurrentAccount UUID me) {
        office.transfer(me, id, body.target() == null ? "" : body.target(), body.reason() == null ? "" : body.reason());
    }

    @PostMapping("/{id}/reply")
    @Operation(summary = "Reply to an open request; the requester sees the reply and may rate it")
    @PreAuthorize("hasAuthority('appeals:handle')")
    AppealViews.View reply(
            @PathVariable UUID id, @RequestBody ReplyRequest body, @CurrentAccount UUID me, Locale locale) {
        office.reply(me, id, body.reply() == null ? "" : body.reply());
        return views.view(office.one(me, id), locale);
    }
}
