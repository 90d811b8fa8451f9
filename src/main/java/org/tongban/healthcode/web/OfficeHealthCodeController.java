package org.tongban.healthcode.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.healthcode.internal.Cards;
import org.tongban.healthcode.internal.Venues;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;
import org.tongban.shared.QrCode;

/**
 * The office's health-code pages: the window's offline card for a person by ID number (officials of the health
 * department), and the department's venues (场所码) with their QR and visit counts.
 */
@Controller
class OfficeHealthCodeController {

    private final Cards cards;
    private final Venues venues;

    OfficeHealthCodeController(Cards cards, Venues venues) {
        this.cards = cards;
        this.venues = venues;
    }

    @GetMapping("/office/healthcode/cards")
    @PreAuthorize("hasAuthority('healthcode:counter')")
    String counter(@CurrentAccount UUID me, Model model) {
        model.addAttribute("cards", cards.printedAtCounter(me));
        return "healthcode/counter";
    }

    @PostMapping("/office/healthcode/cards")
    @PreAuthorize("hasAuthority('healthcode:counter')")
    @FormPage(value = "counterRefused", message = "healthcode.counter.invalid")
    String printForPerson(
            @RequestParam(defaultValue = "") String idNumber,
            @RequestParam(defaultValue = "") String name,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        var card = cards.printAtCounter(me, idNumber, name);
        redirect.addFlashAttribute("notice", "healthcode.card.printed");
        return "redirect:/office/healthcode/cards/" + card.id();
    }

    private String counterRefused(@CurrentAccount UUID me, Model model) {
        model.addAttribute("cards", cards.printedAtCounter(me));
        return "healthcode/counter";
    }

    @GetMapping("/office/healthcode/cards/{id}")
    @PreAuthorize("hasAuthority('healthcode:counter')")
    String card(@PathVariable UUID id, @CurrentAccount UUID me, Model model) {
        model.addAttribute("card", cards.mine(me, id));
        model.addAttribute("now", java.time.Instant.now());
        model.addAttribute("pdfUrl", "/office/healthcode/cards/" + id + "/pdf");
        model.addAttribute("back", "/office/healthcode/cards");
        return "healthcode/card";
    }

    @GetMapping("/office/healthcode/cards/{id}/pdf")
    @PreAuthorize("hasAuthority('healthcode:counter')")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id, @CurrentAccount UUID me, Locale locale, HttpServletRequest req) {
        return CitizenHealthCodeController.pdfResponse(
                cards.pdf(me, id, CitizenHealthCodeController.verifyUrl(req), locale), id);
    }

    @GetMapping("/office/healthcode/venues")
    @PreAuthorize("hasAuthority('healthcode:venues')")
    String venues(@CurrentAccount UUID me, Model model) {
        model.addAttribute("venues", venues.ofDepartment(me));
        return "healthcode/venues";
    }

    @PostMapping("/office/healthcode/venues")
    @PreAuthorize("hasAuthority('healthcode:venues')")
    @FormPage(value = "venuesRefused", message = "healthcode.venues.invalid")
    String register(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String address,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        var venue = venues.register(me, name, address);
        redirect.addFlashAttribute("notice", "healthcode.venues.registered");
        return "redirect:/office/healthcode/venues/" + venue.id();
    }

    private String venuesRefused(@CurrentAccount UUID me, Model model) {
        return venues(me, model);
    }

    @GetMapping("/office/healthcode/venues/{id}")
    @PreAuthorize("hasAuthority('healthcode:venues')")
    String venue(@PathVariable UUID id, @CurrentAccount UUID me, Model model, Locale locale, HttpServletRequest req) {
        var venue = venues.ownVenue(me, id);
        var url = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromContextPath(req)
                .path("/healthcode/venues/" + venue.code())
                .toUriString();
        model.addAttribute("venue", venue);
        model.addAttribute("url", url);
        model.addAttribute("qr", QrCode.svg(url, venue.name()));
        model.addAttribute("counts", venues.counts(me, id));
        model.addAttribute("total", venues.total(venue.id()));
        return "healthcode/venue";
    }
}
