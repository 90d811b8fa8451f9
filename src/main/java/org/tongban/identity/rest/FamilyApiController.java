package org.tongban.identity.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.identity.internal.FamilyActivity;
import org.tongban.identity.internal.FamilyGrants;
import org.tongban.identity.internal.FamilyStore;
import org.tongban.shared.CurrentAccount;

/**
 * Family grants (亲友代办, ADR 0043) on the API: the grants I give and hold, authorising a relative, adding a minor
 * child as guardian, the passkey step (options, then the assertion), revoking, and what relatives did for me. A
 * relative then acts for the family member on the case and licence API with the header {@code X-On-Behalf-Of: <grant
 * id>}. Another person's grant is 404.
 */
@RestController
@RequestMapping("/api/v1/citizen/family")
@Tag(name = "Family")
class FamilyApiController {

    private final FamilyGrants grants;
    private final FamilyActivity activity;

    FamilyApiController(FamilyGrants grants, FamilyActivity activity) {
        this.grants = grants;
        this.activity = activity;
    }

    /** A grant as either side sees it; {@code role} says which side the caller is ({@code PRINCIPAL}, {@code RELATIVE}). */
    record GrantView(
            UUID id,
            String role,
            String principalName,
            String relativeName,
            String relationship,
            List<String> scopes,
            LocalDate lastDay,
            String kind,
            String status,
            @Nullable String nextStep) {}

    record AuthoriseRequest(
            @Nullable String name,
            @Nullable String idNumber,
            @Nullable String relationship,
            @Nullable List<String> scopes,
            @Nullable String validTo) {}

    record MinorRequest(
            @Nullable String name,
            @Nullable String idNumber,
            @Nullable List<String> scopes) {}

    record ActivityView(
            Instant at,
            String relativeName,
            String what,
            String result,
            @Nullable String caseNumber) {}

    private GrantView view(UUID me, FamilyStore.Grant g) {
        return new GrantView(
                g.id(),
                g.principal().equals(me) ? "PRINCIPAL" : "RELATIVE",
                g.principalName(),
                g.relativeName(),
                g.relationship(),
                g.scopes(),
                g.lastDay(),
                g.kind(),
                g.status(),
                grants.stepFor(me, g));
    }

    @GetMapping
    @Operation(summary = "The family grants I give and hold, newest first")
    @PreAuthorize("hasAuthority('identity:read-own')")
    List<GrantView> list(@CurrentAccount UUID me) {
        return grants.all(me).stream().map(g -> view(me, g)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Authorise a relative (name, ID number, relationship, scopes, last day ≤ 3 years)",
            description = "The grant waits for my passkey (options, confirm), then for the relative's.")
    @PreAuthorize("hasAuthority('identity:update-own')")
    GrantView authorise(@CurrentAccount UUID me, @RequestBody AuthoriseRequest body) {
        var id = grants.authorise(
                me,
                orEmpty(body.name()),
                orEmpty(body.idNumber()),
                orEmpty(body.relationship()),
                body.scopes() == null ? List.of() : body.scopes(),
                orEmpty(body.validTo()));
        return view(me, grants.grant(me, id));
    }

    @PostMapping("/minors")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Add my child under 18 as guardian (parent)",
            description = "In force once my passkey signs the declaration, until the child's 18th birthday.")
    @PreAuthorize("hasAuthority('identity:update-own')")
    GrantView addMinor(@CurrentAccount UUID me, @RequestBody MinorRequest body) {
        var id = grants.addMinor(
                me, orEmpty(body.name()), orEmpty(body.idNumber()), body.scopes() == null ? List.of() : body.scopes());
        return view(me, grants.grant(me, id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One grant I give or hold", description = "404 for another person's.")
    @PreAuthorize("hasAuthority('identity:read-own')")
    GrantView one(@CurrentAccount UUID me, @PathVariable UUID id) {
        return view(me, grants.grant(me, id));
    }

    @PostMapping(value = "/{id}/options", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Passkey request options for my step on the grant (confirm or accept)")
    @PreAuthorize("hasAuthority('identity:update-own')")
    String options(@CurrentAccount UUID me, @PathVariable UUID id, Authentication authentication) {
        return grants.requestOptions(me, id, authentication);
    }

    @PostMapping(value = "/{id}/confirm", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "My passkey assertion for my step: confirm (principal, guardian) or accept (relative)",
            description = "403 when the assertion does not verify; nothing changes.")
    @PreAuthorize("hasAuthority('identity:update-own')")
    GrantView confirm(@CurrentAccount UUID me, @PathVariable UUID id, @RequestBody String assertion) {
        grants.confirm(me, id, assertion);
        return view(me, grants.grant(me, id));
    }

    @PostMapping("/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a grant I give or hold; it stops at the relative's next request")
    @PreAuthorize("hasAuthority('identity:update-own')")
    void revoke(@CurrentAccount UUID me, @PathVariable UUID id) {
        grants.revoke(me, id);
    }

    @GetMapping("/activity")
    @Operation(summary = "What relatives did for me (and were refused), newest first")
    @PreAuthorize("hasAuthority('identity:read-own')")
    List<ActivityView> activity(@CurrentAccount UUID me) {
        return activity.of(me, null).stream()
                .map(e -> new ActivityView(e.at(), e.relativeName(), e.what(), e.result(), e.caseNumber()))
                .toList();
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
