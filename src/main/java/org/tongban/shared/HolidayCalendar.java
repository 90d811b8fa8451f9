package org.tongban.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/**
 * A working-day calendar from two lists: public holidays (days off, even on a weekday) and adjusted working days
 * (weekend days worked in exchange, 调休). Everything else follows the week: Monday to Friday are working days.
 */
public record HolidayCalendar(Set<LocalDate> holidays, Set<LocalDate> adjustedWorkingDays)
        implements WorkingDayCalendar {

    public HolidayCalendar {
        holidays = Set.copyOf(holidays);
        adjustedWorkingDays = Set.copyOf(adjustedWorkingDays);
        for (var day : holidays) {
            if (adjustedWorkingDays.contains(day))
                throw new IllegalArgumentException(day + " is both a holiday and a working day");
        }
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        if (holidays.contains(date)) return false;
        if (adjustedWorkingDays.contains(date)) return true;
        var day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
