package org.tongban.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.catalog.CatalogManagement;
import org.tongban.workbench.SqlTodoProvider;
import org.tongban.workbench.TodoItem;
import org.tongban.workbench.TodoOwner;
import org.tongban.workflow.WorkflowManagement;

/**
 * The cases' part of the unified to-do (ADR 0040): the steps waiting at the official's department that nobody else
 * has claimed, from the inbox's own query ({@link InboxSearch}, one range of the inbox table's index), with their
 * acceptance or promised time limit as the deadline; and the steps the official completed today.
 *
 * <p>The inbox's index orders a department's queue by waiting time, not by deadline: the to-do reads the
 * {@link #WINDOW} longest-waiting tasks and takes the nearest deadlines among them. A case's deadline follows from its
 * submission, so the two orders differ only between items with different time limits.
 */
@Component
class CaseTodos extends SqlTodoProvider {

    /** How many of the department's longest-waiting tasks the to-do looks through. */
    static final int WINDOW = 200;

    /** The steps of officials that complete their part of a case. */
    private static final List<String> COMPLETING = List.of(
            "ACCEPT",
            "REFUSE",
            "REQUEST_CORRECTION",
            "REVIEWED",
            "OBJECT",
            "RETURN",
            "APPROVE",
            "DENY",
            "CO_SIGN",
            "TRANSFER");

    private final InboxSearch inbox;
    private final WorkflowManagement workflow;
    private final CatalogManagement catalog;

    CaseTodos(
            InboxSearch inbox,
            WorkflowManagement workflow,
            CatalogManagement catalog,
            JdbcClient jdbc,
            MessageSource messages) {
        super(jdbc, messages, "cases", "cases.todo.source", 10);
        this.inbox = inbox;
        this.workflow = workflow;
        this.catalog = catalog;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TodoItem> waiting(TodoOwner owner, int limit) {
        var rows = inbox.oldestFirst(owner.account(), null, false, Math.max(WINDOW, limit)).stream()
                .filter(r -> r.assignee() == null || r.mine())
                .sorted(Comparator.comparing(
                                InboxRow::deadlineDate,
                                Comparator.nullsLast(Comparator.<java.time.LocalDate>naturalOrder()))
                        .thenComparing(InboxRow::waitingSince))
                .limit(limit)
                .toList();
        var names = inbox.itemNames(rows, owner.locale());
        return rows.stream()
                .map(r -> new TodoItem(
                        source(),
                        r.caseNumber() + "/" + r.step(),
                        title(names.getOrDefault(r.itemCode(), r.itemCode()), r.caseNumber(), owner.locale()),
                        word("cases.step." + r.step(), r.step(), owner.locale()),
                        "/office/cases/" + r.caseNumber(),
                        r.deadlineDate(),
                        r.waitingSince()))
                .toList();
    }

    @Override
    public long count(TodoOwner owner) {
        return workflow.waitingFor(owner.department(), owner.account().toString(), COUNT_CAP);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TodoItem> doneSince(TodoOwner owner, Instant since, int limit) {
        record Done(String number, String itemCode, String step, Instant at) {}
        var done = jdbc.sql("""
                        select s.number, c.item_code, s.step, s.at from cases.case_step s
                          join cases.case_file c on c.number = s.number
                         where s.actor = :me and s.at >= :since and s.step in (:steps)
                         order by s.at desc limit :limit""")
                .param("me", owner.account().toString())
                .param("since", Timestamp.from(since))
                .param("steps", COMPLETING)
                .param("limit", limit)
                .query((rs, i) -> new Done(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        var names = new java.util.HashMap<String, String>();
        return done.stream()
                .map(d -> new TodoItem(
                        source(),
                        d.number() + "/" + d.step() + "/" + d.at(),
                        title(
                                names.computeIfAbsent(
                                        d.itemCode(),
                                        c -> catalog.guide(c)
                                                .map(i -> i.name(owner.locale()))
                                                .orElse(c)),
                                d.number(),
                                owner.locale()),
                        word("cases.timeline." + d.step(), d.step(), owner.locale()),
                        "/office/cases/" + d.number(),
                        null,
                        d.at()))
                .toList();
    }

    private String title(String itemName, String number, Locale locale) {
        return messages.getMessage("cases.todo.title", new Object[] {itemName, number}, locale);
    }

    /** A step's words; the step itself for one without (a step added later than its message). */
    private String word(String key, String fallback, Locale locale) {
        return java.util.Objects.requireNonNullElse(messages.getMessage(key, null, fallback, locale), fallback);
    }
}
