package org.tongban.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tongban.shared.HolidayCalendar;

/** Deadline arithmetic on the 2026 calendar: holidays, adjusted working days, pauses, 80 % warnings. */
class DeadlinesTests {

    // 2026 National Day: 1–7 October off, Sunday 27 September and Saturday 10 October worked.
    final HolidayCalendar calendar = new HolidayCalendar(
            Set.of(
                    LocalDate.of(2026, 10, 1),
                    LocalDate.of(2026, 10, 2),
                    LocalDate.of(2026, 10, 5),
                    LocalDate.of(2026, 10, 6),
                    LocalDate.of(2026, 10, 7)),
            Set.of(LocalDate.of(2026, 9, 27), LocalDate.of(2026, 10, 10)));

    @Test
    void tenWorkingDaysOverNationalDay() {
        // Accepted Wednesday 30 September: working days 8, 9, 10 (Saturday, adjusted), 12, 13, 14, 15, 16, 19, 20.
        var d = Deadlines.compute(calendar, LocalDate.of(2026, 9, 30), 10, "WORKING_DAY");
        assertThat(d.due()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(d.warn()).isEqualTo(LocalDate.of(2026, 10, 16)); // 8 working days
    }

    @Test
    void naturalDaysCountEveryDay() {
        var d = Deadlines.compute(calendar, LocalDate.of(2026, 9, 30), 30, "NATURAL_DAY");
        assertThat(d.due()).isEqualTo(LocalDate.of(2026, 10, 30));
        assertThat(d.warn()).isEqualTo(LocalDate.of(2026, 10, 24));
    }

    @Test
    void aPauseMovesTheDatesByItsWorkingDays() {
        var d = Deadlines.compute(calendar, LocalDate.of(2026, 11, 2), 5, "WORKING_DAY");
        assertThat(d.due()).isEqualTo(LocalDate.of(2026, 11, 9));
        // Paused Wednesday 4 to Monday 9 November: 5, 6, 9 are working days.
        int days = Deadlines.pausedDays(calendar, LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 9), "WORKING_DAY");
        assertThat(days).isEqualTo(3);
        assertThat(Deadlines.extend(calendar, d, days, "WORKING_DAY").due()).isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(Deadlines.pausedDays(calendar, LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 4), "WORKING_DAY"))
                .isZero();
    }

    @Test
    void statesAlongTheWay() {
        var warn = LocalDate.of(2026, 11, 10);
        var due = LocalDate.of(2026, 11, 12);
        assertThat(Deadlines.state(null, null, false, null, warn)).isEqualTo(DeadlineState.NONE);
        assertThat(Deadlines.state(warn, due, false, null, warn.minusDays(1))).isEqualTo(DeadlineState.ON_TRACK);
        assertThat(Deadlines.state(warn, due, false, null, warn)).isEqualTo(DeadlineState.AT_RISK);
        assertThat(Deadlines.state(warn, due, false, null, due)).isEqualTo(DeadlineState.AT_RISK);
        assertThat(Deadlines.state(warn, due, false, null, due.plusDays(1))).isEqualTo(DeadlineState.OVERDUE);
        assertThat(Deadlines.state(warn, due, true, null, due.plusDays(1))).isEqualTo(DeadlineState.PAUSED);
        assertThat(Deadlines.state(warn, due, false, due, due.plusDays(5))).isEqualTo(DeadlineState.ON_TIME);
        assertThat(Deadlines.state(warn, due, false, due.plusDays(1), due.plusDays(5)))
                .isEqualTo(DeadlineState.LATE);
    }
}
