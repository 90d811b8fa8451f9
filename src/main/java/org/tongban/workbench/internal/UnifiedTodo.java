package org.tongban.workbench.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.tongban.identity.Departments;
import org.tongban.shared.WorkingDayCalendar;
import org.tongban.workbench.TodoItem;
import org.tongban.workbench.TodoOwner;
import org.tongban.workbench.TodoProvider;

/**
 * The unified to-do (ADR 0040): asks every {@link TodoProvider} for its first items and its count, merges them by
 * deadline (none last, then the longest waiting) and words the time left on the working-day calendar. It reads no
 * table: what an official sees is what the modules answer for her account and department.
 */
@Service
public class UnifiedTodo {

    /** Items on the list; each source is asked for this many, so the merged first ones are exact. */
    public static final int LIMIT = 50;

    private static final Comparator<TodoItem> BY_DEADLINE = Comparator.comparing(
                    TodoItem::deadline, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparing(TodoItem::since)
            .thenComparing(TodoItem::source)
            .thenComparing(TodoItem::key);

    private final List<TodoProvider> providers;
    private final Departments departments;
    private final WorkingDayCalendar calendar;
    private final Clock clock;
    private final MessageSource messages;

    UnifiedTodo(
            List<TodoProvider> providers,
            Departments departments,
            WorkingDayCalendar calendar,
            Clock clock,
            MessageSource messages) {
        this.providers = providers.stream()
                .sorted(Comparator.comparingInt(TodoProvider::order).thenComparing(TodoProvider::source))
                .toList();
        this.departments = departments;
        this.calendar = calendar;
        this.clock = clock;
        this.messages = messages;
    }

    /** A row as the reader sees it: the item, its source's name, the time left in words and whether it is late. */
    public record Row(TodoItem item, String sourceLabel, String timeLeft, boolean overdue, boolean dueSoon) {}

    /** A source with how many items wait there ({@code capped}: at least that many). */
    public record Source(String source, String label, long count, boolean capped) {}

    /** The to-do: its rows, the sources with their counts, the filter applied and what was done today. */
    public record Todo(
            List<Row> rows, List<Source> sources, @Nullable String filter, long total, List<Row> doneToday) {}

    /** The names of the sources, for checking a filter. */
    public List<String> sources() {
        return providers.stream().map(TodoProvider::source).toList();
    }

    /**
     * The official's to-do, optionally of one source (an unknown source is ignored). An account that is not an
     * official of a department is refused.
     */
    public Todo of(UUID account, @Nullable String source, Locale locale) {
        var department = departments
                .departmentOf(account)
                .orElseThrow(() -> new AccessDeniedException("not an official of a department"));
        var owner = new TodoOwner(account, department, locale);
        var filter = source != null && sources().contains(source) ? source : null;
        var today = LocalDate.now(clock);
        var since = today.atStartOfDay(clock.getZone()).toInstant();
        var waiting = new ArrayList<TodoItem>();
        var done = new ArrayList<TodoItem>();
        var counted = new ArrayList<Source>();
        long total = 0;
        for (var p : providers) {
            long count = Math.min(p.count(owner), TodoProvider.COUNT_CAP);
            total += count;
            counted.add(new Source(p.source(), p.label(locale), count, count >= TodoProvider.COUNT_CAP));
            if (filter == null || filter.equals(p.source())) waiting.addAll(p.waiting(owner, LIMIT));
            done.addAll(p.doneSince(owner, since, LIMIT));
        }
        waiting.sort(BY_DEADLINE);
        done.sort(Comparator.comparing(TodoItem::since).reversed());
        return new Todo(rows(waiting, today, locale), List.copyOf(counted), filter, total, rows(done, today, locale));
    }

    private List<Row> rows(List<TodoItem> items, LocalDate today, Locale locale) {
        var labels = new java.util.HashMap<String, String>();
        for (var p : providers) labels.put(p.source(), p.label(locale));
        return items.stream()
                .limit(LIMIT)
                .map(i -> row(i, labels.getOrDefault(i.source(), i.source()), today, locale))
                .toList();
    }

    private Row row(TodoItem item, String label, LocalDate today, Locale locale) {
        var deadline = item.deadline();
        if (deadline == null) return new Row(item, label, text("workbench.left.none", locale), false, false);
        if (deadline.isBefore(today)) {
            long late = ChronoUnit.DAYS.between(deadline, today);
            return new Row(item, label, text("workbench.left.overdue", locale, late), true, true);
        }
        int left = calendar.workingDaysBetween(today, deadline);
        if (left == 0) return new Row(item, label, text("workbench.left.today", locale), false, true);
        return new Row(item, label, text("workbench.left.days", locale, left), false, left <= 2);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
