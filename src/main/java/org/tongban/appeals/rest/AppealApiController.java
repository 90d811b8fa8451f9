package org.tongban.appeals.rest;

import io.swagger.v3.oas.annotations.Operation;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.appeals.internal.AppealViews;
import org.tongban.appeals.internal.Appeals;
import org.tongban.appeals.internal.Requesters;
import org.tongban.identity.CurrentEnterprise;
import org.tongban.identity.EnterpriseView;
import org.tongban.shared.CurrentAccount;

/**
 * The requester's requests on the API: for the enterprise named by {@code X-Enterprise} (ADR 0030) under
 * {@code /api/v1/business/requests}, as a person under {@code /api/v1/citizen/requests}.
 */
@RestController
class AppealApiController {

    record SubmitRequest(
            @Nullable String kind,
            @Nullable String category,
            @Nullable String title,
            @Nullable String body) {}

    record RatingRequest(@Nullable String rating) {}

    record ReasonRequest(@Nullable String reason) {}

    private final Appeals appeals;
    private final Requesters requesters;
    private final AppealViews views;

    AppealApiController(Appeals appeals, Requesters requesters, AppealViews views) {
        this.appeals = appeals;
        this.requesters = requesters;
        this.views = views;
    }

    @GetMapping("/api/v1/business/requests")
    @Operation(summary = "The current enterprise's requests, newest first")
    @PreAuthorize("hasAuthority('appeals:submit')")
    List<AppealViews.View> businessList(
            @CurrentEnterprise EnterpriseView enterprise, @CurrentAccount UUID me, Locale locale) {
        return views.views(appeals.mine(me, enterprise.creditCode()), locale);
    }

    @PostMapping("/api/v1/business/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit a request for the current enterprise; routed by category and its city")
    @PreAuthorize("hasAuthority('appeals:submit')")
    AppealViews.View businessSubmit(
            @RequestBody SubmitRequest body,
            @CurrentEnterprise EnterpriseView enterprise,
            @CurrentAccount UUID me,
            Locale locale) {
        var id = appeals.submit(requesters.enterprise(me, enterprise), form(body));
        return views.view(appeals.own(me, enterprise.creditCode(), id), locale);
    }

    @GetMapping("/api/v1/business/requests/{id}")
    @Operation(summary = "One of the current enterprise's requests; another's is 404")
    @PreAuthorize("hasAuthority('appeals:submit')")
    AppealViews.View businessOne(
            @PathVariable UUID id,
            @CurrentEnterprise EnterpriseView enterprise,
            @CurrentAccount UUID me,
            Locale locale) {
        return views.view(appeals.own(me, enterprise.creditCode(), id), locale);
    }

    @PostMapping("/api/v1/business/requests/{id}/rating")
    @Operation(summary = "Rate the reply: SATISFIED, BASIC or UNSATISFIED")
    @PreAuthorize("hasAuthority('appeals:submit')")
    AppealViews.View businessRate(
            @PathVariable UUID id,
            @RequestBody RatingRequest body,
            @CurrentEnterprise EnterpriseView enterprise,
            @CurrentAccount UUID me,
            Locale locale) {
        appeals.rate(me, enterprise.creditCode(), id, body.rating() == null ? "" : body.rating());
        return views.view(appeals.own(me, enterprise.creditCode(), id), locale);
    }

    @PostMapping("/api/v1/business/requests/{id}/reopen")
    @Operation(summary = "Reopen a reply not satisfied with, once, with a reason; a second time is 409")
    @PreAuthorize("hasAuthority('appeals:submit')")
    AppealViews.View businessReopen(
            @PathVariable UUID id,
            @RequestBody ReasonRequest body,
            @CurrentEnterprise EnterpriseView enterprise,
            @CurrentAccount UUID me,
            Locale locale) {
        appeals.reopen(me, enterprise.creditCode(), id, body.reason() == null ? "" : body.reason());
        return views.view(appeals.own(me, enterprise.creditCode(), id), locale);
    }

    @GetMapping("/api/v1/citizen/requests")
    @Operation(summary = "My requests as a person, newest first")
    @PreAuthorize("hasAuthority('appeals:submit')")
    List<AppealViews.View> citizenList(@CurrentAccount UUID me, Locale locale) {
        return views.views(appeals.mine(me, null), locale);
    }

    @PostMapping("/api/v1/citizen/requests")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit a request as a person; routed by category and the city of my ID number")
    @PreAuthorize("hasAuthority('appeals:submit')")
    AppealViews.View citizenSubmit(@RequestBody SubmitRequest body, @CurrentAccount UUID me, Locale locale) {
        var id = appeals.submit(requesters.person(me), form(body));
        return views.view(appeals.own(me, null, id), locale);
    }

    @GetMapping("/api/v1/citizen/requests/{id}")
    @Operation(summary = "One of my requests; another's is 404")
    @PreAuthorize("hasAuthority('appeals:submit')")
    AppealViews.View citizenOne(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale) {
        return views.view(appeals.own(me, null, id), locale);
    }

    @PostMapping("/api/v1/citizen/requests/{id}/rating")
    @Operation(summary = "Rate the reply: SATISFIED, BASIC or UNSATISFIED")
    @PreAuthorize("hasAuthority('appeals:submit')")
    AppealViews.View citizenRate(
            @PathVariable UUID id, @RequestBody RatingRequest body, @CurrentAccount UUID me, Locale locale) {
        appeals.rate(me, null, id, body.rating() == null ? "" : body.rating());
        return views.view(appeals.own(me, null, id), locale);
    }

    @PostMapping("/api/v1/citizen/requests/{id}/reopen")
    @Operation(summary = "Reopen a reply not satisfied with, once, with a reason; a second time is 409")
    @PreAuthorize("hasAuthority('appeals:submit')")
    AppealViews.View citizenReopen(
            @PathVariable UUID id, @RequestBody ReasonRequest body, @CurrentAccount UUID me, Locale locale) {
        appeals.reopen(me, null, id, body.reason() == null ? "" : body.reason());
        return views.view(appeals.own(me, null, id), locale);
    }

    private static java.util.Map<String, String> form(SubmitRequest body) {
        var form = new HashMap<String, String>();
        if (body.kind() != null) form.put("kind", body.kind());
        if (body.category() != null) form.put("category", body.category());
        if (body.title() != null) form.put("title", body.title());
        if (body.body() != null) form.put("body", body.body());
        return form;
    }
}
