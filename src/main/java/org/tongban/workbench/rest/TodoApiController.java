package org.tongban.workbench.rest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tongban.shared.CurrentAccount;
import org.tongban.workbench.internal.UnifiedTodo;

/** The unified to-do for the mobile app: the same list, counts and "done today" as {@code /office}. */
@RestController
@Tag(name = "Office workbench")
class TodoApiController {

    private final UnifiedTodo todo;

    TodoApiController(UnifiedTodo todo) {
        this.todo = todo;
    }

    record Item(
            String source,
            String sourceLabel,
            String title,
            String action,
            String href,
            @Nullable LocalDate deadline,
            String timeLeft,
            boolean overdue,
            Instant since) {}

    record Count(String source, String label, long count, boolean atLeast) {}

    record Todo(@Nullable String source, long total, List<Count> counts, List<Item> items, List<Item> doneToday) {}

    @GetMapping("/api/v1/office/todo")
    @Operation(
            summary = "My unified to-do: what waits for me across cases, documents and rectifications",
            description = "Sorted by deadline (none last); `source` filters to one source. Counts read at most 1000"
                    + " items per source (`atLeast` then says there are more).")
    @PreAuthorize("hasAuthority('workbench:todo')")
    Todo list(@RequestParam(required = false) @Nullable String source, @CurrentAccount UUID me, Locale locale) {
        var t = todo.of(me, source, locale);
        return new Todo(
                t.filter(),
                t.total(),
                t.sources().stream()
                        .map(s -> new Count(s.source(), s.label(), s.count(), s.capped()))
                        .toList(),
                t.rows().stream().map(TodoApiController::item).toList(),
                t.doneToday().stream().map(TodoApiController::item).toList());
    }

    private static Item item(UnifiedTodo.Row r) {
        var i = r.item();
        return new Item(
                i.source(),
                r.sourceLabel(),
                i.title(),
                i.action(),
                i.href(),
                i.deadline(),
                r.timeLeft(),
                r.overdue(),
                i.since());
    }
}
