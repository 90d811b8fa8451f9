package org.tongban.ratings.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.ratings.RateCase;
import org.tongban.ratings.RatingManagement;
import org.tongban.ratings.RatingStatistics;
import org.tongban.ratings.RatingView;
import org.tongban.ratings.RectificationSummary;
import org.tongban.ratings.RectificationView;
import org.tongban.shared.CurrentAccount;

/** 好差评: rate my concluded case and read the department's answer; rectify as an official; statistics. */
@RestController
@RequestMapping("/api/v1/ratings")
@Tag(name = "Ratings")
class RatingApiController {

    private final RatingManagement ratings;

    RatingApiController(RatingManagement ratings) {
        this.ratings = ratings;
    }

    /** Scores 1 (非常不满意) to 5 (非常满意); the comment is optional, at most 500 characters. */
    record RateRequest(
            @Nullable Integer level,
            @Nullable Integer overall,
            @Nullable Integer efficiency,
            @Nullable Integer guideAccuracy,
            @Nullable Integer convenience,
            @Nullable Integer usability,
            @Nullable String comment) {}

    record TextRequest(@Nullable String text) {}

    @GetMapping("/cases/{number}")
    @Operation(summary = "One of my concluded cases with my rating and the department's answer")
    @PreAuthorize("hasAuthority('identity:read-own')")
    RatingView mine(@PathVariable String number, @CurrentAccount UUID me) {
        return ratings.view(number, me);
    }

    @PostMapping("/cases/{number}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Rate one of my concluded cases, once; a rating of 1 or 2 opens a rectification",
            description = "A second rating answers 409; a case not yet concluded 422; someone else's case 404. "
                    + "Repeating the request is safe: it cannot create a second rating.")
    @PreAuthorize("hasAuthority('identity:update-own')")
    RatingView rate(@PathVariable String number, @RequestBody RateRequest body, @CurrentAccount UUID rater) {
        ratings.rate(new RateCase(
                number,
                rater,
                body.level(),
                body.overall(),
                body.efficiency(),
                body.guideAccuracy(),
                body.convenience(),
                body.usability(),
                body.comment()));
        return ratings.view(number, rater);
    }

    @GetMapping("/rectifications")
    @Operation(summary = "Open rectifications of my department, the nearest deadline first")
    @PreAuthorize("hasAuthority('ratings:rectify')")
    List<RectificationSummary> rectifications(@CurrentAccount UUID me) {
        return ratings.openRectifications(me);
    }

    @GetMapping("/rectifications/{id}")
    @Operation(summary = "One rectification of my department with the rating and the follow-ups")
    @PreAuthorize("hasAuthority('ratings:rectify')")
    RectificationView rectification(@PathVariable UUID id, @CurrentAccount UUID me) {
        return ratings.rectification(me, id);
    }

    @PostMapping("/rectifications/{id}/follow-ups")
    @Operation(summary = "Record a follow-up note (回访)")
    @PreAuthorize("hasAuthority('ratings:rectify')")
    RectificationView followUp(@PathVariable UUID id, @RequestBody TextRequest body, @CurrentAccount UUID official) {
        ratings.followUp(official, id, body.text());
        return ratings.rectification(official, id);
    }

    @PostMapping("/rectifications/{id}/response")
    @Operation(summary = "Record the department's response (整改情况或说明); the rater is told")
    @PreAuthorize("hasAuthority('ratings:rectify')")
    RectificationView respond(@PathVariable UUID id, @RequestBody TextRequest body, @CurrentAccount UUID official) {
        ratings.respond(official, id, body.text());
        return ratings.rectification(official, id);
    }

    @PostMapping("/rectifications/{id}/close")
    @Operation(summary = "Close a rectification that has a response")
    @PreAuthorize("hasAuthority('ratings:rectify')")
    RectificationView close(@PathVariable UUID id, @CurrentAccount UUID official) {
        ratings.close(official, id);
        return ratings.rectification(official, id);
    }

    @GetMapping("/statistics")
    @Operation(summary = "Ratings per department and per item, with open and overdue rectifications")
    @PreAuthorize("hasAuthority('ratings:statistics')")
    RatingStatistics statistics() {
        return ratings.statistics();
    }
}
