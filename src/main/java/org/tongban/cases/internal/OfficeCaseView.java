package org.tongban.cases.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.cases.CaseAction;

/**
 * A case as an official of a taking-part department sees it: everything the applicant sees, who applied, where
 * it waits, and what this official may do now.
 *
 * @param myStep the step waiting at the official's department (null when none does)
 * @param assignee who claimed that step (null when nobody has)
 * @param actions what the official may do now
 * @param open every open step of the case, as {@code step@department}
 * @param actedByName the relative who filed the case for the applicant (代办人, ADR 0043), null when none did
 */
public record OfficeCaseView(
        CaseView kase,
        UUID applicant,
        String applicantName,
        String applicantIdMasked,
        @Nullable String myStep,
        @Nullable String assignee,
        boolean mine,
        List<CaseAction> actions,
        List<String> open,
        @Nullable PauseKind pausedKind,
        @Nullable String actedByName) {}
