package org.tongban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.shared.WorkingDayCalendar;

class CalendarTests extends IntegrationTest {

    @Autowired
    WorkingDayCalendar calendar;

    @Autowired
    PlatformCalendar platformCalendar;

    @Test
    void the2026ArrangementIsSeeded() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue();
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-09-30"), 1)).isEqualTo(LocalDate.parse("2026-10-08"));
        assertThat(platformCalendar.days(2026)).hasSizeGreaterThanOrEqualTo(39);
    }

    @Test
    void theManagerAddsAndRemovesALocalHolidayAndTheOperatorIsRefused() {
        var day = LocalDate.parse("2026-12-01"); // a Tuesday
        assertThat(calendar.isWorkingDay(day)).isTrue();
        var manager = signedIn("manager");
        assertThat(manager.get("/console/calendar").body()).contains("2026 年").doesNotContain("2,026");
        assertThat(manager.post("/console/calendar", Map.of("day", day.toString(), "kind", "HOLIDAY", "name", "测试假日"))
                        .location())
                .isEqualTo("/console/calendar?year=2026");
        assertThat(calendar.isWorkingDay(day)).isFalse();

        var operator = signedIn("operator");
        assertThat(operator.get("/console/calendar").status()).isEqualTo(403);
        operator.get("/console");
        assertThat(operator.post("/console/calendar/remove", Map.of("day", day.toString(), "confirm", "yes"))
                        .status())
                .isEqualTo(403);
        assertThat(calendar.isWorkingDay(day)).isFalse();

        manager.get("/console/calendar");
        manager.post("/console/calendar/remove", Map.of("day", day.toString(), "confirm", "yes"));
        assertThat(calendar.isWorkingDay(day)).isTrue();
    }

    @Test
    void badInputChangesNothing() {
        var manager = signedIn("manager");
        int before = platformCalendar.days(2026).size();
        manager.get("/console/calendar");
        manager.post("/console/calendar", Map.of("day", "2026-13-45", "kind", "HOLIDAY", "name", "x"));
        manager.get("/console/calendar");
        manager.post("/console/calendar", Map.of("day", "2026-12-02", "kind", "PARTY", "name", "x"));
        manager.get("/console/calendar");
        manager.post("/console/calendar", Map.of("day", "2026-12-03", "kind", "HOLIDAY", "name", " "));
        assertThat(platformCalendar.days(2026)).hasSize(before);
    }
}
