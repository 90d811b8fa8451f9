package org.tongban.ratings.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tongban.ratings.RatingManagement;

/** 好差评 statistics for the government manager: per department and per item. */
@Controller
class RatingStatisticsController {

    private final RatingManagement ratings;

    RatingStatisticsController(RatingManagement ratings) {
        this.ratings = ratings;
    }

    @GetMapping("/console/ratings")
    @PreAuthorize("hasAuthority('ratings:statistics')")
    String statistics(Model model) {
        model.addAttribute("stats", ratings.statistics());
        return "ratings/statistics";
    }
}
