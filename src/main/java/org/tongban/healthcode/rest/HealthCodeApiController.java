package org.tongban.healthcode.rest;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.healthcode.HealthStatus;
import org.tongban.healthcode.InvalidHealthCodeInputException;
import org.tongban.healthcode.internal.Cards;
import org.tongban.healthcode.internal.FamilyCodes;
import org.tongban.healthcode.internal.HealthCodeService;
import org.tongban.healthcode.internal.HealthCodeTokens;
import org.tongban.healthcode.internal.HealthCodeVerification;
import org.tongban.healthcode.internal.Venues;
import org.tongban.identity.FamilyMember;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.Masking;

/**
 * The health code on the API: the citizen's own code with a fresh token ({@code /api/v1/citizen/healthcode}), the
 * offline card, venue visits, and the public verification of a token ({@code POST /api/v1/healthcode/verify}).
 */
@RestController
class HealthCodeApiController {

    record CodeResponse(
            String status,
            String statusText,
            String name,
            List<String> reasons,
            String token,
            Instant expiresAt,
            int vaccineDoses) {}

    record FamilyCodeResponse(UUID grant, String relation, CodeResponse code) {}

    record CardResponse(UUID id, String number, String status, Instant issuedAt, Instant validUntil, String pdf) {}

    record VisitRequest(@Nullable String venue) {}

    record VisitResponse(String venue, String address, Instant at, String status) {}

    record VerifyRequest(@Nullable String token) {}

    record VerifyResponse(
            boolean valid,
            String outcome,
            String message,
            @Nullable String status,
            @Nullable String statusText,
            @Nullable String name,
            @Nullable String idNumber,
            @Nullable String reason,
            @Nullable Instant expiresAt,
            boolean card) {}

    private final HealthCodeService codes;
    private final HealthCodeTokens tokens;
    private final Cards cards;
    private final Venues venues;
    private final HealthCodeVerification verification;
    private final MessageSource messages;
    private final FamilyCodes family;

    HealthCodeApiController(
            FamilyCodes family,
            HealthCodeService codes,
            HealthCodeTokens tokens,
            Cards cards,
            Venues venues,
            HealthCodeVerification verification,
            MessageSource messages) {
        this.family = family;
        this.codes = codes;
        this.tokens = tokens;
        this.cards = cards;
        this.venues = venues;
        this.verification = verification;
        this.messages = messages;
    }

    @GetMapping("/api/v1/citizen/healthcode")
    @Operation(summary = "My health code now: colour, reasons in words and a signed token valid 60 seconds")
    @PreAuthorize("hasAuthority('healthcode:own')")
    CodeResponse mine(@CurrentAccount UUID me, Locale locale) {
        return code(codes.own(me, "本人查看健康码"), locale);
    }

    @GetMapping("/api/v1/citizen/healthcode/family")
    @Operation(
            summary = "The health codes of my family members who authorised me (scope 健康码, ADR 0043), each read "
                    + "through the exchange and recorded in the member's data use record")
    @PreAuthorize("hasAuthority('healthcode:own')")
    List<FamilyCodeResponse> family(@CurrentAccount UUID me, Locale locale) {
        return family.members(me).stream().map(m -> response(me, m, locale)).toList();
    }

    @GetMapping("/api/v1/citizen/healthcode/family/{grant}")
    @Operation(
            summary = "The health code of one family member by the family grant; 404 if not mine, ended or "
                    + "without 健康码")
    @PreAuthorize("hasAuthority('healthcode:own')")
    FamilyCodeResponse member(@PathVariable UUID grant, @CurrentAccount UUID me, Locale locale) {
        return response(me, family.member(me, grant), locale);
    }

    private FamilyCodeResponse response(UUID me, FamilyMember m, Locale locale) {
        var relation = java.util.Objects.requireNonNullElse(
                messages.getMessage(m.relationKey(), null, m.relation(), locale), m.relation());
        return new FamilyCodeResponse(m.grant(), relation, code(family.code(me, m, "亲友代为查看健康码"), locale));
    }

    private CodeResponse code(HealthCodeService.Person person, Locale locale) {
        var token = tokens.live(person.name(), person.idNumber(), person.code());
        var reasons = person.code().reasons().stream()
                .map(r -> messages.getMessage(r.key(), r.args().toArray(), r.key(), locale))
                .toList();
        return new CodeResponse(
                person.code().status().name(),
                text(person.code().status(), locale),
                Masking.name(person.name()),
                reasons,
                token.token(),
                token.expiresAt(),
                person.code().vaccineDoses());
    }

    @PostMapping("/api/v1/citizen/healthcode/cards")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Print my offline card (valid 7 days): its signed token is on the PDF's QR")
    @PreAuthorize("hasAuthority('healthcode:own')")
    CardResponse print(@CurrentAccount UUID me) {
        var c = cards.printOwn(me);
        return new CardResponse(
                c.id(),
                c.code(),
                c.status().name(),
                c.issuedAt(),
                c.validUntil(),
                "/api/v1/citizen/healthcode/cards/" + c.id() + "/pdf");
    }

    @GetMapping("/api/v1/citizen/healthcode/cards/{id}/pdf")
    @Operation(summary = "One of my offline cards as a PDF; another's is not found")
    @PreAuthorize("hasAuthority('healthcode:own')")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale, HttpServletRequest req) {
        var url = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(req)
                .path("/verify")
                .toUriString();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF).body(cards.pdf(me, id, url, locale));
    }

    @GetMapping("/api/v1/citizen/healthcode/visits")
    @Operation(summary = "My visits recorded by venue codes (场所码), newest first")
    @PreAuthorize("hasAuthority('healthcode:own')")
    List<VisitResponse> visits(@CurrentAccount UUID me) {
        return venues.mine(me).stream()
                .map(v -> new VisitResponse(
                        v.venueName(), v.venueAddress(), v.at(), v.status().name()))
                .toList();
    }

    @PostMapping("/api/v1/citizen/healthcode/visits")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a visit: the code a venue's QR holds")
    @PreAuthorize("hasAuthority('healthcode:own')")
    VisitResponse visit(@RequestBody VisitRequest body, @CurrentAccount UUID me) {
        var code = body.venue() == null ? "" : body.venue().strip();
        if (!code.matches("^[A-Za-z0-9]{10,16}$"))
            throw new InvalidHealthCodeInputException(java.util.Map.of("venue", "healthcode.error.venue"));
        venues.byCode(code);
        var person = codes.own(me, "场所码登记到访");
        var v = venues.visit(me, code, person.code().status());
        return new VisitResponse(
                v.venueName(), v.venueAddress(), v.at(), v.status().name());
    }

    @PostMapping("/api/v1/healthcode/verify")
    @Operation(
            summary = "Verify a health-code token (public): signature by the health department's key, time window,"
                    + " a card's validity; refusals are audited")
    VerifyResponse verify(@RequestBody VerifyRequest body, Locale locale, HttpServletRequest req) {
        var r = verification.verify(body.token(), "verifier:" + req.getRemoteAddr());
        return new VerifyResponse(
                r.outcome().valid(),
                r.outcome().name(),
                java.util.Objects.requireNonNullElse(
                        messages.getMessage(
                                tokens.messagePrefix() + r.outcome().name(),
                                null,
                                r.outcome().message(),
                                locale),
                        r.outcome().message()),
                r.status() == null ? null : r.status().name(),
                r.status() == null ? null : text(r.status(), locale),
                r.name(),
                r.idNumber(),
                r.reason(),
                r.expiresAt(),
                r.card());
    }

    private String text(HealthStatus status, Locale locale) {
        return java.util.Objects.requireNonNullElse(
                messages.getMessage("healthcode.status." + status, null, status.zh(), locale), status.zh());
    }
}
