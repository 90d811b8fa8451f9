package org.tongban.shared;

import java.time.LocalDate;

/**
 * Working days as the law counts time limits (工作日): Monday to Friday, less public holidays, plus the weekend
 * days declared working days in their place (调休). Implemented by the platform from its holiday table.
 */
public interface WorkingDayCalendar {

    boolean isWorkingDay(LocalDate date);

    /**
     * The day a limit of {@code days} working days ends, counted from the day after {@code start}: accepted on a
     * Friday with one working day, it ends on the next working day (the Monday, or later after a holiday).
     */
    default LocalDate addWorkingDays(LocalDate start, int days) {
        if (days < 0) throw new IllegalArgumentException("days must not be negative");
        var date = start;
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) left--;
        }
        return date;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
    default int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (var date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) count++;
        }
        return count;
    }
}
