package org.tongban.ratings.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.ratings.RateCase;
import org.tongban.ratings.RatingManagement;
import org.tongban.ratings.RatingRefusedException;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;

/**
 * The applicant's page of a concluded case: the rating form until it is rated, then the rating and the
 * department's answer. Served to every channel (citizen, enterprise), so it sits outside the channel paths.
 */
@Controller
class RatingPageController {

    /** The scores shown with a rating: the level (which is the overall satisfaction too) and the indicators. */
    static final List<String> SCORES = List.of("level", "efficiency", "guideAccuracy", "convenience", "usability");

    private final RatingManagement ratings;

    RatingPageController(RatingManagement ratings) {
        this.ratings = ratings;
    }

    @GetMapping("/ratings/cases/{number}")
    @PreAuthorize("hasAuthority('identity:read-own')")
    String page(@PathVariable String number, @CurrentAccount UUID me, Model model) {
        if (!model.containsAttribute("form")) model.addAttribute("form", Map.of());
        return show(number, me, model);
    }

    @PostMapping("/ratings/cases/{number}")
    @PreAuthorize("hasAuthority('identity:update-own')")
    @FormPage(value = "rateRefused", status = 200, message = "ratings.rate.fix")
    String rate(
            @PathVariable String number,
            @RequestParam Map<String, String> params,
            @CurrentAccount UUID rater,
            Model model,
            RedirectAttributes redirect) {
        var form = form(params);
        ratings.rate(new RateCase(
                number,
                rater,
                score(form.get("level")),
                null, // 整体满意度 is the level: one question, not two.
                score(form.get("efficiency")),
                score(form.get("guideAccuracy")),
                score(form.get("convenience")),
                score(form.get("usability")),
                form.get("comment")));
        redirect.addFlashAttribute("notice", "ratings.rate.thanks");
        return "redirect:/ratings/cases/" + number;
    }

    /** The input is kept, so that the applicant fixes one answer instead of giving all of them again. */
    private String rateRefused(
            @PathVariable String number,
            @RequestParam Map<String, String> params,
            @CurrentAccount UUID rater,
            Model model) {
        model.addAttribute("form", form(params));
        return show(number, rater, model);
    }

    private static Map<String, String> form(Map<String, String> params) {
        var form = new LinkedHashMap<String, String>();
        SCORES.forEach(field -> form.put(field, params.getOrDefault(field, "").strip()));
        form.put("comment", params.getOrDefault("comment", ""));
        return form;
    }

    private String show(String number, UUID applicant, Model model) {
        try {
            model.addAttribute("view", ratings.view(number, applicant));
        } catch (RatingRefusedException e) {
            // Not a failure of the page: a case that cannot be rated (yet) says why, where the form would be.
            model.addAttribute("number", number);
            model.addAttribute("refused", e.messageKey());
        }
        model.addAttribute("scores", SCORES);
        model.addAttribute("indicators", org.tongban.ratings.RateCase.REASONS);
        return "ratings/case";
    }

    /** A missing answer is null; anything that is not a small number is out of range (0), never a 500. */
    private static @Nullable Integer score(@Nullable String value) {
        if (value == null || value.isBlank()) return null;
        return value.matches("\\d{1,2}") ? Integer.valueOf(value) : 0;
    }
}
