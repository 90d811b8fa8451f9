package org.tongban.platform;

import java.time.LocalDate;

/** A day that differs from the ordinary week: {@code HOLIDAY} (a day off) or {@code WORKDAY} (a weekend day worked). */
public record CalendarDay(LocalDate day, String kind, String name) {}
