package org.tongban.appeals.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongban.identity.Departments;
import org.tongban.platform.PlatformCalendar;

/** Requests in words, in the reader's language: kinds, categories, departments, states and the time left. */
@Component
public class AppealViews {

    /** A request as its requester or the department sees it. */
    public record View(
            UUID id,
            String number,
            String kind,
            String category,
            String title,
            String body,
            @Nullable String enterpriseName,
            String department,
            String status,
            String state,
            LocalDate deadline,
            String timeLeft,
            boolean overdue,
            boolean warning,
            @Nullable String reply,
            @Nullable String rating,
            boolean canRate,
            boolean canReopen,
            boolean open) {}

    /** One step of a request's history, in words. */
    public record Step(
            String what, String department, @Nullable String note, String at) {}

    private final MessageSource messages;
    private final Departments departments;
    private final PlatformCalendar calendar;
    private final java.time.Clock clock;

    AppealViews(MessageSource messages, Departments departments, PlatformCalendar calendar, java.time.Clock clock) {
        this.clock = clock;
        this.messages = messages;
        this.departments = departments;
        this.calendar = calendar;
    }

    public View view(AppealStore.Row r, Locale locale) {
        boolean open = OfficeAppeals.open(r);
        var today = LocalDate.now(clock);
        boolean overdue = open && today.isAfter(r.deadline());
        int total = Math.max(1, calendar.workingDaysBetween(r.routedAt(), r.deadline()));
        int used = calendar.workingDaysBetween(r.routedAt(), today);
        boolean warning = open && !overdue && used * 100 >= total * 80;
        String timeLeft = !open
                ? ""
                : overdue
                        ? msg("appeals.time.overdue", locale, calendar.workingDaysBetween(r.deadline(), today))
                        : msg("appeals.time.left", locale, calendar.workingDaysBetween(today, r.deadline()));
        return new View(
                r.id(),
                r.number(),
                msg("appeals.kind." + r.kind(), locale),
                msg("appeals.category." + r.category(), locale),
                r.title(),
                r.body(),
                r.enterpriseName(),
                department(r.departmentCode(), locale),
                r.status(),
                msg("appeals.status." + r.status(), locale),
                r.deadline(),
                timeLeft,
                overdue,
                warning,
                r.reply(),
                r.rating() == null ? null : msg("appeals.rating." + r.rating(), locale),
                r.status().equals("ANSWERED"),
                Appeals.canReopen(r),
                open);
    }

    public List<View> views(List<AppealStore.Row> rows, Locale locale) {
        return rows.stream().map(r -> view(r, locale)).toList();
    }

    public List<Step> steps(List<AppealStore.Event> events, Locale locale) {
        return events.stream()
                .map(e -> new Step(
                        msg("appeals.event." + e.kind(), locale),
                        department(e.departmentCode(), locale),
                        e.kind().equals("RATED") ? msg("appeals.rating." + e.note(), locale) : e.note(),
                        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                                .format(e.at().atZone(clock.getZone()))))
                .toList();
    }

    public String department(String code, Locale locale) {
        return departments
                .department(code)
                .map(d -> locale.getLanguage().equals("en") ? d.nameEn() : d.nameZh())
                .orElse(code);
    }

    private String msg(String key, Locale locale, Object... args) {
        var text = messages.getMessage(key, args, key, locale);
        return text == null ? key : text;
    }
}
