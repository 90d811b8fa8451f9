package org.tongban.cases;

import org.jspecify.annotations.Nullable;

/**
 * One thing a correction request (补正) asks the applicant to correct: a material ({@code MATERIAL}, its number in
 * the item as {@code target}) or a form answer ({@code FIELD}, the question's name), with the official's reason.
 * Values arrive as the caller sent them and are checked by {@link CaseHandling#requestCorrection}.
 */
public record CorrectionPoint(
        @Nullable String kind,
        @Nullable String target,
        @Nullable String reason) {

    public static final String MATERIAL = "MATERIAL";
    public static final String FIELD = "FIELD";

    /** The longest reason accepted for one point. */
    public static final int REASON_MAX = 200;

    public static CorrectionPoint material(int seq, String reason) {
        return new CorrectionPoint(MATERIAL, Integer.toString(seq), reason);
    }

    public static CorrectionPoint field(String name, String reason) {
        return new CorrectionPoint(FIELD, name, reason);
    }

    /** The key of the point's errors and of its inputs on the office page: {@code MATERIAL:3}, {@code FIELD:name}. */
    public String key() {
        return kind + ":" + target;
    }
}
