package org.tongban.cases.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.WorkingDayCalendar;

/**
 * Time-limit arithmetic of a case (承诺办结时限), on the working-day calendar or in natural days. The limit runs
 * from acceptance: the warning date is when 80 % of it has passed (rounded up to a whole day), the due date when
 * all of it has. A pause (special procedure, correction after acceptance) moves both by the days it lasted.
 */
public final class Deadlines {

    public record Deadline(LocalDate warn, LocalDate due) {}

    /** The unit of a limit counted on the working-day calendar (the other is {@code NATURAL_DAY}). */
    public static final String WORKING_DAY = "WORKING_DAY";
    /** A date no limit reaches. */
    public static final LocalDate FAR = LocalDate.of(2999, 12, 31);

    private Deadlines() {}

    public static Deadline compute(WorkingDayCalendar calendar, LocalDate accepted, int limit, String unit) {
        int warnDays = (int) Math.ceil(limit * 0.8);
        return new Deadline(add(calendar, accepted, warnDays, unit), add(calendar, accepted, limit, unit));
    }

    public static LocalDate add(WorkingDayCalendar calendar, LocalDate from, int days, String unit) {
        return unit.equals(WORKING_DAY) ? calendar.addWorkingDays(from, days) : from.plusDays(days);
    }

    /**
     * The days a pause lasted that the limit does not count: the days after it started up to and including the day
     * it ended (working days, or natural days). A pause that starts and ends on one day costs nothing.
     */
    public static int pausedDays(WorkingDayCalendar calendar, LocalDate started, LocalDate ended, String unit) {
        return unit.equals(WORKING_DAY)
                ? calendar.workingDaysBetween(started, ended)
                : (int) Math.max(0, ChronoUnit.DAYS.between(started, ended));
    }

    public static Deadline extend(WorkingDayCalendar calendar, Deadline deadline, int days, String unit) {
        return new Deadline(add(calendar, deadline.warn(), days, unit), add(calendar, deadline.due(), days, unit));
    }

    /**
     * The state of the limit on a day: {@code NONE} before acceptance, {@code PAUSED}, {@code OVERDUE} after the
     * due date, {@code AT_RISK} from the warning date, else {@code ON_TRACK}; once concluded {@code ON_TIME} or
     * {@code LATE}.
     */
    public static DeadlineState state(
            @Nullable LocalDate warn,
            @Nullable LocalDate due,
            boolean paused,
            @Nullable LocalDate concluded,
            LocalDate today) {
        if (due == null || warn == null) return DeadlineState.NONE;
        if (concluded != null) return concluded.isAfter(due) ? DeadlineState.LATE : DeadlineState.ON_TIME;
        if (paused) return DeadlineState.PAUSED;
        if (today.isAfter(due)) return DeadlineState.OVERDUE;
        if (!today.isBefore(warn)) return DeadlineState.AT_RISK;
        return DeadlineState.ON_TRACK;
    }
}
