package org.tongban.insight.internal;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What a drill-down asks for: the figure (which cases, or licences) and its filters, all within the dashboard's
 * period. Built from request parameters; an unknown figure or a malformed value is refused as not found.
 */
public record Drill(
        String figure,
        LocalDate from,
        LocalDate to,
        @Nullable String department,
        @Nullable String item,
        @Nullable String channel,
        @Nullable LocalDate day,
        @Nullable Integer level) {

    /** Case figures, rating figures (by the day rated) and licences (by the day issued). */
    public static final Set<String> CASES = Set.of("all", "zeroVisit", "concluded", "onTime", "late", "openOverdue");

    public static final Set<String> RATINGS = Set.of("rated", "bad", "rectified");
    public static final Set<String> FIGURES = Set.of(
            "all", "zeroVisit", "concluded", "onTime", "late", "openOverdue", "rated", "bad", "rectified", "licences");

    public boolean ofRatings() {
        return RATINGS.contains(figure);
    }

    public boolean ofLicences() {
        return figure.equals("licences");
    }

    /** The words naming the figure in the page's title: {@code insight.figure.<figure>}. */
    public String titleKey() {
        return "insight.figure." + figure;
    }

    static String code(@Nullable String value) {
        return value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
    }
}
