package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The 2026 arrangement of the State Council (国务院办公厅, 2025-11-04) and deadline arithmetic on it. */
class HolidayCalendarTests {

    static final HolidayCalendar CHINA_2026 = china2026();

    static HolidayCalendar china2026() {
        var holidays = new HashSet<LocalDate>();
        range(holidays, "2026-01-01", "2026-01-03");
        range(holidays, "2026-02-15", "2026-02-23");
        range(holidays, "2026-04-04", "2026-04-06");
        range(holidays, "2026-05-01", "2026-05-05");
        range(holidays, "2026-06-19", "2026-06-21");
        range(holidays, "2026-09-25", "2026-09-27");
        range(holidays, "2026-10-01", "2026-10-07");
        var working = Set.of(
                d("2026-01-04"), d("2026-02-14"), d("2026-02-28"), d("2026-05-09"), d("2026-09-20"), d("2026-10-10"));
        return new HolidayCalendar(holidays, working);
    }

    @Test
    void weekdaysWorkAndWeekendsRest() {
        assertThat(CHINA_2026.isWorkingDay(d("2026-03-02"))).isTrue(); // Monday
        assertThat(CHINA_2026.isWorkingDay(d("2026-03-07"))).isFalse(); // Saturday
    }

    @Test
    void holidaysRestEvenOnWeekdaysAndAdjustedWeekendsWork() {
        assertThat(CHINA_2026.isWorkingDay(d("2026-02-16"))).isFalse(); // Monday in the Spring Festival
        assertThat(CHINA_2026.isWorkingDay(d("2026-01-04"))).isTrue(); // Sunday worked after New Year
        assertThat(CHINA_2026.isWorkingDay(d("2026-10-10"))).isTrue(); // Saturday worked after National Day
    }

    @Test
    void aFridayPlusOneWorkingDayIsTheMonday() {
        assertThat(CHINA_2026.addWorkingDays(d("2026-03-06"), 1)).isEqualTo(d("2026-03-09"));
    }

    @Test
    void theSpringFestivalIsSkippedAndItsAdjustedSaturdaysCount() {
        assertThat(CHINA_2026.addWorkingDays(d("2026-02-13"), 1)).isEqualTo(d("2026-02-14"));
        assertThat(CHINA_2026.addWorkingDays(d("2026-02-14"), 1)).isEqualTo(d("2026-02-24"));
        // 24, 25, 26, 27 and Saturday the 28th, worked in exchange: five working days.
        assertThat(CHINA_2026.addWorkingDays(d("2026-02-14"), 5)).isEqualTo(d("2026-02-28"));
    }

    @Test
    void twentyWorkingDaysAcrossNationalDay() {
        // Accepted on Friday 2026-09-18: the next working day is Sunday the 20th, worked in exchange for National Day.
        assertThat(CHINA_2026.addWorkingDays(d("2026-09-18"), 1)).isEqualTo(d("2026-09-20"));
        assertThat(CHINA_2026.addWorkingDays(d("2026-09-30"), 1)).isEqualTo(d("2026-10-08"));
        assertThat(CHINA_2026.addWorkingDays(d("2026-09-18"), 20)).isEqualTo(d("2026-10-22"));
    }

    @Test
    void zeroDaysIsTheSameDayAndNegativeIsRefused() {
        assertThat(CHINA_2026.addWorkingDays(d("2026-05-01"), 0)).isEqualTo(d("2026-05-01"));
        assertThatThrownBy(() -> CHINA_2026.addWorkingDays(d("2026-05-01"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void workingDaysBetweenCountsAfterTheStartUpToTheEnd() {
        assertThat(CHINA_2026.workingDaysBetween(d("2026-04-30"), d("2026-05-11")))
                .isEqualTo(5); // 6,7,8,9(Sat),11
        assertThat(CHINA_2026.workingDaysBetween(d("2026-05-11"), d("2026-05-11")))
                .isZero();
        assertThat(CHINA_2026.workingDaysBetween(d("2026-05-11"), d("2026-05-01")))
                .isZero();
    }

    @Test
    void aDayCannotBeBothHolidayAndWorkingDay() {
        assertThatThrownBy(() -> new HolidayCalendar(Set.of(d("2026-01-01")), Set.of(d("2026-01-01"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void range(Set<LocalDate> into, String from, String to) {
        for (var day = d(from); !day.isAfter(d(to)); day = day.plusDays(1)) into.add(day);
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
