package org.tongban.ratings.web;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.ratings.RatingManagement;
import org.tongban.ratings.RectificationContacts;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/** The department's bad ratings to rectify (差评整改): follow-up notes, the response to the rater, closing. */
@Controller
class RectificationController {

    private final RatingManagement ratings;
    private final RectificationContacts contacts;

    RectificationController(RatingManagement ratings, RectificationContacts contacts) {
        this.ratings = ratings;
        this.contacts = contacts;
    }

    @GetMapping("/office/rectifications")
    @PreAuthorize("hasAuthority('ratings:rectify')")
    String list(@CurrentAccount UUID me, Model model) {
        model.addAttribute("rows", ratings.openRectifications(me));
        return "ratings/rectifications";
    }

    @GetMapping("/office/rectifications/{id}")
    @PreAuthorize("hasAuthority('ratings:rectify')")
    String one(@PathVariable UUID id, @CurrentAccount UUID me, Model model) {
        return show(id, me, model);
    }

    @PostMapping("/office/rectifications/{id}/follow-ups")
    @PreAuthorize("hasAuthority('ratings:rectify')")
    @FormPage(value = "refused", status = 200)
    String followUp(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String note,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        ratings.followUp(me, id, note);
        return done(id, redirect, "ratings.rectification.followedUp");
    }

    /**
     * The page again with the rater's phone number for the follow-up call; a POST, since each reveal is recorded
     * on the audit trail (who read whose phone, for which rectification).
     */
    @PostMapping("/office/rectifications/{id}/phone")
    @PreAuthorize("hasAuthority('ratings:rectify')")
    String phone(@PathVariable UUID id, @CurrentAccount UUID me, Model model) {
        model.addAttribute("phone", contacts.raterPhone(me, id).orElse(""));
        return show(id, me, model);
    }

    @PostMapping("/office/rectifications/{id}/response")
    @PreAuthorize("hasAuthority('ratings:rectify')")
    @FormPage(value = "refused", status = 200)
    String respond(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String response,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        ratings.respond(me, id, response);
        return done(id, redirect, "ratings.rectification.responded");
    }

    @PostMapping("/office/rectifications/{id}/close")
    @PreAuthorize("hasAuthority('ratings:rectify')")
    @FormPage(value = "refused", status = 200)
    String close(@PathVariable UUID id, @CurrentAccount UUID me, RedirectAttributes redirect) {
        ratings.close(me, id);
        return done(id, redirect, "ratings.rectification.closed");
    }

    private static String done(UUID id, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("notice", notice);
        return "redirect:/office/rectifications/" + id;
    }

    /** The rectification again, with the note or response as typed and the errors or why the step was refused. */
    private String refused(
            @PathVariable UUID id, @RequestParam Map<String, String> params, @CurrentAccount UUID me, Model model) {
        var form = new HashMap<String, String>();
        for (var field : new String[] {"note", "response"}) {
            if (params.containsKey(field)) form.put(field, params.get(field));
        }
        model.addAttribute("form", form);
        return show(id, me, model);
    }

    private String show(UUID id, UUID me, Model model) {
        // Another department's rectification is not found, so an id does not reveal that it exists.
        model.addAttribute("r", ratings.rectification(me, id));
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
        model.addAttribute("scores", RatingPageController.SCORES);
        return "ratings/rectification";
    }
}
