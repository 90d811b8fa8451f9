package org.tongban.ratings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The applicant's rating of a concluded case: the level (required) and the five online indicators (整体满意度,
 * 办事效率, 办事指南精确度, 办事便捷度, 平台操作性), each 1 to 5, and an optional comment. 整体满意度 is the level
 * when not given; the other four are optional, except that a bad rating (1 or 2) names at least one of them at 1 or
 * 2 as its reason ({@link #REASONS}). Values arrive as the caller sent them (null when missing) and are checked by
 * {@link RatingManagement#rate}.
 */
public record RateCase(
        String caseNumber,
        UUID rater,
        @Nullable Integer level,
        @Nullable Integer overall,
        @Nullable Integer efficiency,
        @Nullable Integer guideAccuracy,
        @Nullable Integer convenience,
        @Nullable Integer usability,
        @Nullable String comment) {

    /** The indicators a bad rating names as its reasons. */
    public static final java.util.List<String> REASONS =
            java.util.List.of("efficiency", "guideAccuracy", "convenience", "usability");

    /** The longest comment accepted. */
    public static final int COMMENT_MAX = 500;

    /** The scored fields by their names in forms and JSON, in the order they are shown. */
    public Map<String, @Nullable Integer> scores() {
        var scores = new LinkedHashMap<String, @Nullable Integer>();
        scores.put("level", level);
        scores.put("overall", overall);
        scores.put("efficiency", efficiency);
        scores.put("guideAccuracy", guideAccuracy);
        scores.put("convenience", convenience);
        scores.put("usability", usability);
        return scores;
    }
}
