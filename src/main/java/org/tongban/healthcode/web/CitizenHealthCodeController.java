package org.tongban.healthcode.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.healthcode.internal.Cards;
import org.tongban.healthcode.internal.FamilyCodes;
import org.tongban.healthcode.internal.HealthCodeService;
import org.tongban.healthcode.internal.HealthCodeTokens;
import org.tongban.healthcode.internal.Venues;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.HtmxFragment;
import org.tongban.shared.Masking;
import org.tongban.shared.QrCode;

/**
 * The citizen's health code: the colour with its reasons and a QR of a fresh 60-second token that the page refreshes
 * before it expires (like 亮证); the offline card to print; the visits recorded by venue codes; and the page a venue's
 * QR opens, where a visit is recorded.
 */
@Controller
class CitizenHealthCodeController {

    static final String PURPOSE = "本人查看健康码";

    private final HealthCodeService codes;
    private final HealthCodeTokens tokens;
    private final Cards cards;
    private final Venues venues;
    private final MessageSource messages;
    private final FamilyCodes family;

    CitizenHealthCodeController(
            HealthCodeService codes,
            HealthCodeTokens tokens,
            Cards cards,
            Venues venues,
            MessageSource messages,
            FamilyCodes family) {
        this.family = family;
        this.codes = codes;
        this.tokens = tokens;
        this.cards = cards;
        this.venues = venues;
        this.messages = messages;
    }

    @GetMapping("/citizen/healthcode")
    @PreAuthorize("hasAuthority('healthcode:own')")
    @HtmxFragment(template = "healthcode/code", fragment = "live")
    String page(@CurrentAccount UUID me, Model model, Locale locale) {
        show(codes.own(me, PURPOSE), "/citizen/healthcode", model, locale);
        model.addAttribute("cards", cards.ownCards(me));
        model.addAttribute("family", family.members(me));
        return "healthcode/code";
    }

    /**
     * The code of a family member whose health code the citizen may see (亲友健康码): the same live code, read through
     * the exchange for the relative; a grant not theirs, ended or without 健康码 is not found (audited).
     */
    @GetMapping("/citizen/healthcode/family/{grant}")
    @PreAuthorize("hasAuthority('healthcode:own')")
    @HtmxFragment(template = "healthcode/code", fragment = "live")
    String member(@PathVariable UUID grant, @CurrentAccount UUID me, Model model, Locale locale) {
        var member = family.member(me, grant);
        show(family.code(me, member, FAMILY_PURPOSE), "/citizen/healthcode/family/" + grant, model, locale);
        model.addAttribute("member", member);
        model.addAttribute("cards", cards.printedForFamily(me, member.account()));
        return "healthcode/code";
    }

    @PostMapping("/citizen/healthcode/family/{grant}/cards")
    @PreAuthorize("hasAuthority('healthcode:own')")
    String printForFamily(@PathVariable UUID grant, @CurrentAccount UUID me, RedirectAttributes redirect) {
        var card = cards.printForFamily(me, grant);
        redirect.addFlashAttribute("notice", "healthcode.card.printed");
        return "redirect:/citizen/healthcode/cards/" + card.id();
    }

    static final String FAMILY_PURPOSE = "亲友代为查看健康码";

    private void show(HealthCodeService.Person person, String self, Model model, Locale locale) {
        var token = tokens.live(person.name(), person.idNumber(), person.code());
        model.addAttribute("name", Masking.name(person.name()));
        model.addAttribute("code", person.code());
        model.addAttribute("reasons", tokens.reasons(person.code(), locale));
        model.addAttribute("token", token);
        model.addAttribute("seconds", HealthCodeTokens.LIVE_SECONDS);
        model.addAttribute(
                "qr",
                QrCode.svg(
                        token.token(),
                        messages.getMessage("healthcode.qr." + person.code().status(), null, locale)));
        model.addAttribute("self", self);
    }

    @PostMapping("/citizen/healthcode/cards")
    @PreAuthorize("hasAuthority('healthcode:own')")
    String print(@CurrentAccount UUID me, RedirectAttributes redirect) {
        var card = cards.printOwn(me);
        redirect.addFlashAttribute("notice", "healthcode.card.printed");
        return "redirect:/citizen/healthcode/cards/" + card.id();
    }

    @GetMapping("/citizen/healthcode/cards/{id}")
    @PreAuthorize("hasAuthority('healthcode:own')")
    String card(@PathVariable UUID id, @CurrentAccount UUID me, Model model) {
        model.addAttribute("card", cards.mine(me, id));
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("pdfUrl", "/citizen/healthcode/cards/" + id + "/pdf");
        model.addAttribute("back", "/citizen/healthcode");
        return "healthcode/card";
    }

    @GetMapping("/citizen/healthcode/cards/{id}/pdf")
    @PreAuthorize("hasAuthority('healthcode:own')")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale, HttpServletRequest req) {
        return pdfResponse(cards.pdf(me, id, verifyUrl(req), locale), id);
    }

    @GetMapping("/citizen/healthcode/visits")
    @PreAuthorize("hasAuthority('healthcode:own')")
    String visits(@CurrentAccount UUID me, Model model) {
        model.addAttribute("visits", venues.mine(me));
        return "healthcode/visits";
    }

    /** What a venue's QR opens: the venue, and a button that records the visit. */
    @GetMapping("/healthcode/venues/{code}")
    @PreAuthorize("hasAuthority('healthcode:own')")
    String venue(@PathVariable String code, Model model) {
        model.addAttribute("venue", venues.byCode(code));
        return "healthcode/scan";
    }

    @PostMapping("/healthcode/venues/{code}")
    @PreAuthorize("hasAuthority('healthcode:own')")
    String checkIn(@PathVariable String code, @CurrentAccount UUID me, Model model, Locale locale) {
        var venue = venues.byCode(code);
        var person = codes.own(me, "场所码登记到访");
        var visit = venues.visit(me, code, person.code().status());
        model.addAttribute("venue", venue);
        model.addAttribute("visit", visit);
        model.addAttribute("name", Masking.name(person.name()));
        model.addAttribute("reasons", tokens.reasons(person.code(), locale));
        return "healthcode/scan";
    }

    static String verifyUrl(HttpServletRequest req) {
        return org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(req)
                .path("/verify")
                .toUriString();
    }

    static ResponseEntity<byte[]> pdfResponse(byte[] pdf, UUID id) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename("healthcode-card-" + id + ".pdf")
                                .build()
                                .toString())
                .body(pdf);
    }
}
