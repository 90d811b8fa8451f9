package org.tongban.ratings;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A concluded case as its applicant sees it on the rating page: what was applied for, who handled it, the rating
 * if given, and the department's answer to a bad rating.
 *
 * @param rating null until the applicant has rated
 * @param rectification null unless the rating was bad
 */
public record RatingView(
        String caseNumber,
        String itemCode,
        String itemNameZh,
        String itemNameEn,
        String departmentCode,
        String departmentZh,
        String departmentEn,
        String outcome,
        Instant concludedAt,
        @Nullable Scores rating,
        @Nullable Answer rectification) {

    public boolean rated() {
        return rating != null;
    }

    /** A given rating; the indicators other than the overall one may be left out ({@link RateCase}). */
    public record Scores(
            int level,
            int overall,
            @Nullable Integer efficiency,
            @Nullable Integer guideAccuracy,
            @Nullable Integer convenience,
            @Nullable Integer usability,
            @Nullable String comment,
            Instant ratedAt) {

        public boolean bad() {
            return level <= 2;
        }
    }

    /** Where the department stands with a bad rating, as far as the rater is told. */
    public record Answer(
            String status,
            LocalDate deadline,
            @Nullable String response,
            @Nullable Instant respondedAt,
            @Nullable Instant closedAt) {}
}
