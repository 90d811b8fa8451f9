package org.tongban.ratings.web;

import org.tongban.shared.CurrentAccount;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.ratings.InvalidRatingException;
import org.tongban.ratings.RatingManagement;
import org.tongban.ratings.RatingNotFoundException;
import org.tongban.ratings.RatingRefusedException;

/** The department's bad ratings to rectify (差评整改): follow-up notes, the response to the rater, closing. */
@Controller
class RectificationController {

    private final RatingManagement ratings;

    RectificationController(RatingManagement ratings) {
        this.ratings = ratings;
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
    String followUp(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, @CurrentAccount UUID me, Model model,
            RedirectAttributes redirect) {
        return act(id, me, model, redirect, Map.of("note", note), "ratings.rectification.followedUp",
                () -> ratings.followUp(me, id, note));
    }

    @PostMapping("/office/rectifications/{id}/response")
    @PreAuthorize("hasAuthority('ratings:rectify')")
    String respond(@PathVariable UUID id, @RequestParam(defaultValue = "") String response, @CurrentAccount UUID me, Model model,
            RedirectAttributes redirect) {
        return act(id, me, model, redirect, Map.of("response", response), "ratings.rectification.responded",
                () -> ratings.respond(me, id, response));
    }

    @PostMapping("/office/rectifications/{id}/close")
    @PreAuthorize("hasAuthority('ratings:rectify')")
    String close(@PathVariable UUID id, @CurrentAccount UUID me, Model model, RedirectAttributes redirect) {
        return act(id, me, model, redirect, Map.of(), "ratings.rectification.closed",
                () -> ratings.close(me, id));
    }

    private String act(UUID id, UUID me, Model model, RedirectAttributes redirect, Map<String, String> form,
            String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
            return "redirect:/office/rectifications/" + id;
        } catch (RatingNotFoundException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        } catch (InvalidRatingException e) {
            model.addAttribute("errors", e.fieldErrors());
        } catch (RatingRefusedException e) {
            model.addAttribute("error", e.messageKey());
        }
        model.addAttribute("form", form);
        return show(id, me, model);
    }

    private String show(UUID id, UUID me, Model model) {
        try {
            model.addAttribute("r", ratings.rectification(me, id));
        } catch (RatingNotFoundException e) {
            // Another department's rectification is not found, so an id does not reveal that it exists.
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
        model.addAttribute("scores", RatingPageController.SCORES);
        return "ratings/rectification";
    }
}
