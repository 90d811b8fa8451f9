package org.tongban.insight.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.tongban.cases.CaseFacts;
import org.tongban.shared.WorkingDayCalendar;

/**
 * A case as the dashboards count it (ADR 0044). Cohort by the day of submission: a case counts once as submitted
 * on that day, and its conclusion counts on the same day's row. 办结 means approved, denied or not accepted (a
 * withdrawn case is closed, not concluded); on time when concluded on or before the due date (or without one);
 * handling days are working days from submission to conclusion by the platform's calendar.
 */
record CaseFact(
        String number,
        String itemCode,
        String departmentCode,
        String channel,
        UUID applicant,
        boolean zeroVisit,
        Instant submittedAt,
        LocalDate submittedDay,
        @Nullable LocalDate dueDate,
        @Nullable Instant concludedAt,
        @Nullable String outcome,
        boolean concluded,
        boolean onTime,
        boolean late,
        int handlingDays) {

    static final Set<String> CONCLUDED = Set.of("APPROVED", "DENIED", "NOT_ACCEPTED");

    static CaseFact of(CaseFacts f, boolean zeroVisit, ZoneId zone, WorkingDayCalendar calendar) {
        var day = LocalDate.ofInstant(f.submittedAt(), zone);
        var concluded = f.concludedAt() != null && f.outcome() != null && CONCLUDED.contains(f.outcome());
        var concludedAt = f.concludedAt();
        var concludedDay = concludedAt == null ? day : LocalDate.ofInstant(concludedAt, zone);
        var due = f.dueDate();
        var late = concluded && due != null && concludedDay.isAfter(due);
        var days = concluded && !concludedDay.isBefore(day) ? calendar.workingDaysBetween(day, concludedDay) : 0;
        return new CaseFact(
                f.number(),
                f.itemCode(),
                f.departmentCode(),
                f.channel(),
                f.applicant(),
                zeroVisit,
                f.submittedAt(),
                day,
                f.dueDate(),
                f.concludedAt(),
                f.outcome(),
                concluded,
                concluded && !late,
                late,
                days);
    }

    /** What the row adds to its day's sums: submitted, zero-visit, concluded, on time, late, handling days. */
    long[] sums() {
        return new long[] {1, zeroVisit ? 1 : 0, concluded ? 1 : 0, onTime ? 1 : 0, late ? 1 : 0, handlingDays};
    }
}
