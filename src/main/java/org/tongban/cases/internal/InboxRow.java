package org.tongban.cases.internal;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.tongban.cases.CaseStatus;

/**
 * A case waiting at the official's department: where it waits, since when, who claimed it, and its time limit. The
 * applicant's name is masked ({@code 张*}); the case page shows it in full (an audited read). {@code acceptBy} is
 * the day by which a case not yet accepted must be accepted or refused (受理期限); {@code deadline} is the state of
 * that limit before acceptance and of the promised time limit (承诺办结时限, {@code dueDate}) after it.
 */
public record InboxRow(
        String caseNumber,
        String itemCode,
        String step,
        CaseStatus status,
        Instant submittedAt,
        Instant waitingSince,
        @Nullable String assignee,
        @Nullable LocalDate dueDate,
        DeadlineState deadline,
        boolean mine,
        String applicantName,
        @Nullable LocalDate acceptBy) {

    /** The day the case's current limit ends: the acceptance limit before acceptance, the due date after. */
    public @Nullable LocalDate deadlineDate() {
        return dueDate != null ? dueDate : acceptBy;
    }
}
