package org.tongban.platform;

import java.sql.Date;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.HolidayCalendar;
import org.tongban.shared.Refusal;
import org.tongban.shared.ShortLived;
import org.tongban.shared.WorkingDayCalendar;

/**
 * The province's working-day calendar, from {@code platform.calendar_day}, which the government manager keeps
 * (the State Council's yearly arrangement, local days). Time limits of every module count on it. A node keeps a
 * copy for ten seconds; a change made on another node applies within that time.
 */
@Service
public class PlatformCalendar implements WorkingDayCalendar {

    static final Duration CACHE_TTL = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ShortLived<HolidayCalendar> current;

    PlatformCalendar(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.current = new ShortLived<>(CACHE_TTL, this::read);
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return current.get().isWorkingDay(date);
    }

    /** The special days of a year, in date order. */
    @Transactional(readOnly = true)
    public List<CalendarDay> days(int year) {
        return jdbc.sql("""
                select day, kind, name from platform.calendar_day
                 where day >= make_date(:y, 1, 1) and day < make_date(:y + 1, 1, 1) order by day""")
                .param("y", year)
                .query((rs, i) -> new CalendarDay(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getString(3)))
                .list();
    }

    /** Marks a day as a holiday or an adjusted working day; refuses other kinds and blank or long names. */
    @Transactional
    public void setDay(LocalDate day, String kind, String name, UUID manager) {
        if (!kind.equals("HOLIDAY") && !kind.equals("WORKDAY"))
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "platform.calendar.kind");
        var clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 50)
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "platform.calendar.name");
        jdbc.sql("""
                insert into platform.calendar_day (day, kind, name, updated_at, updated_by) values (:d, :k, :n, now(), :by)
                on conflict (day) do update set kind = excluded.kind, name = excluded.name, updated_at = now(),
                       updated_by = excluded.updated_by""")
                .param("d", Date.valueOf(day))
                .param("k", kind)
                .param("n", clean)
                .param("by", manager)
                .update();
        current.invalidate();
        events.publishEvent(new CalendarChanged(day.toString(), kind, manager.toString()));
    }

    /** Returns the day to the ordinary week. */
    @Transactional
    public boolean removeDay(LocalDate day, UUID manager) {
        int rows = jdbc.sql("delete from platform.calendar_day where day = :d")
                .param("d", Date.valueOf(day))
                .update();
        if (rows == 0) return false;
        current.invalidate();
        events.publishEvent(new CalendarChanged(day.toString(), "ORDINARY", manager.toString()));
        return true;
    }

    private HolidayCalendar read() {
        var holidays = new HashSet<LocalDate>();
        var working = new HashSet<LocalDate>();
        jdbc.sql("select day, kind from platform.calendar_day").query(rs -> {
            (rs.getString(2).equals("HOLIDAY") ? holidays : working)
                    .add(rs.getDate(1).toLocalDate());
        });
        return new HolidayCalendar(holidays, working);
    }
}
