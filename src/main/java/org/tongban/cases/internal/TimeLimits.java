package org.tongban.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.shared.WorkingDayCalendar;

/**
 * The cases module's time: the clock, the day in the province's zone, and the time-limit arithmetic of
 * {@link Deadlines} on the working-day calendar, by the platform's one {@link Clock} (whose zone,
 * {@code tongban.time-zone}, says which day it is).
 */
@Component
public class TimeLimits {

    /** The warning timer fires at the start of the working day. */
    private static final LocalTime WARNING_TIME = LocalTime.of(9, 0);

    private final WorkingDayCalendar calendar;
    private final Clock clock;

    public TimeLimits(WorkingDayCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    public Instant now() {
        return Instant.now(clock);
    }

    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The warning and due dates of a limit of {@code days} in {@code unit} accepted at {@code at}. */
    Deadlines.Deadline fromAcceptance(Instant at, int days, String unit) {
        return Deadlines.compute(calendar, LocalDate.ofInstant(at, clock.getZone()), days, unit);
    }

    /**
     * The working days within which a case filed must be accepted or refused, or the applicant told at once what
     * to correct (行政许可法 第三十二条: 五日内一次告知; a case not answered within them counts as accepted).
     */
    public static final int ACCEPTANCE_DAYS = 5;

    /** The acceptance limit of a case filed at {@code submitted}: warned on the 4th working day, due on the 5th. */
    Deadlines.Deadline acceptance(Instant submitted) {
        return Deadlines.compute(
                calendar, LocalDate.ofInstant(submitted, clock.getZone()), ACCEPTANCE_DAYS, Deadlines.WORKING_DAY);
    }

    /** When the process's warning timer fires for this warning date. */
    Instant warnTimer(LocalDate warn) {
        return warn.atTime(WARNING_TIME).atZone(clock.getZone()).toInstant();
    }

    /** When the process's overdue timer fires: as the day after the due date begins. */
    Instant dueTimer(LocalDate due) {
        return due.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
    }

    /** The days of a pause the limit does not count ({@link Deadlines#pausedDays}). */
    int pausedDays(Instant started, Instant ended, String unit) {
        return Deadlines.pausedDays(
                calendar,
                LocalDate.ofInstant(started, clock.getZone()),
                LocalDate.ofInstant(ended, clock.getZone()),
                unit);
    }

    Deadlines.Deadline extend(Deadlines.Deadline deadline, int days, String unit) {
        return Deadlines.extend(calendar, deadline, days, unit);
    }

    /** The state of a limit today. */
    DeadlineState state(
            @Nullable LocalDate warn, @Nullable LocalDate due, boolean paused, @Nullable Instant concludedAt) {
        return Deadlines.state(
                warn,
                due,
                paused,
                concludedAt == null ? null : LocalDate.ofInstant(concludedAt, clock.getZone()),
                today());
    }

    /** The state of a case's limit today. */
    public DeadlineState state(CaseRow c) {
        return state(c.warnDate(), c.dueDate(), c.pausedSince() != null, c.concludedAt());
    }
}
