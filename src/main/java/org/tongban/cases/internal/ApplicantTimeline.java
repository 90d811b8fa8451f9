package org.tongban.cases.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What of a case's timeline its applicant sees (DESIGN: the applicant's view is separate from officials' internal
 * opinions): the steps that concern them, and an opinion only where it is addressed to them. Officials see every
 * row as recorded.
 *
 * <p>Shown with its text: a refusal to accept (不予受理), a correction request (补正), the decision (准予, 不予准予),
 * a special procedure's reason and result (the clock stops for it), and the applicant's own withdrawal. Shown
 * without text: submission, acceptance (受理), a department's review (审查通过, so the applicant follows a joint
 * review), the correction handed in. Not shown: objections, returns, transfers, co-signing (加签 and its opinion),
 * claims, urging and the department's deadline warnings, and any step this list does not know (deny by default).
 */
final class ApplicantTimeline {

    /** Whether a step is shown, and with its opinion or without. */
    private enum Shown {
        WITH_TEXT,
        STEP_ONLY
    }

    private static final Map<String, Shown> SHOWN = Map.ofEntries(
            Map.entry("SUBMITTED", Shown.STEP_ONLY),
            Map.entry("ACCEPT", Shown.STEP_ONLY),
            Map.entry("REFUSE", Shown.WITH_TEXT),
            Map.entry("REQUEST_CORRECTION", Shown.WITH_TEXT),
            Map.entry("CORRECTED", Shown.STEP_ONLY),
            Map.entry("REVIEWED", Shown.STEP_ONLY),
            Map.entry("APPROVE", Shown.WITH_TEXT),
            Map.entry("DENY", Shown.WITH_TEXT),
            Map.entry("END_SPECIAL", Shown.WITH_TEXT),
            Map.entry("WITHDRAWN", Shown.WITH_TEXT));

    private ApplicantTimeline() {}

    static List<CaseStepView> of(List<CaseStepView> steps) {
        return steps.stream()
                .flatMap(s -> shown(s.step())
                        .map(how ->
                                how == Shown.WITH_TEXT ? s : new CaseStepView(s.step(), s.department(), null, s.at()))
                        .stream())
                .toList();
    }

    private static Optional<Shown> shown(String step) {
        if (step.startsWith("START_SPECIAL_")) return Optional.of(Shown.WITH_TEXT);
        return Optional.ofNullable(SHOWN.get(step));
    }
}
