package org.tongban.cases.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.cases.CaseStatus;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.Persons;
import org.tongban.shared.Masking;
import org.tongban.workflow.TaskSummary;
import org.tongban.workflow.WorkflowManagement;

/**
 * The department's inbox searched, sorted and paged (issue 11, finding 9). It reads the department's waiting tasks
 * (one range of the inbox table's index, ADR 0005; at most {@link #MOST}, oldest first), their cases without the
 * sealed answers, and their applicants' names; then matches the words typed against the case number, the
 * applicant's full name and the item's name, sorts and cuts the page. The cost grows with the department's queue,
 * not with the installation; a queue longer than {@link #MOST} says so on the page ({@link InboxPage#truncated}).
 * Only tasks waiting at the official's own department are read, so another department's case never appears.
 */
@Component
public class InboxSearch {

    /** Rows on a page. */
    public static final int PAGE_SIZE = 20;

    /** The most waiting tasks of one department that a search looks through. */
    public static final int MOST = 2000;

    private final CaseQueries cases;
    private final Officials officials;
    private final WorkflowManagement workflow;
    private final Persons persons;
    private final CatalogManagement catalog;
    private final TimeLimits limits;

    InboxSearch(
            CaseQueries cases,
            Officials officials,
            WorkflowManagement workflow,
            Persons persons,
            CatalogManagement catalog,
            TimeLimits limits) {
        this.cases = cases;
        this.officials = officials;
        this.workflow = workflow;
        this.persons = persons;
        this.catalog = catalog;
        this.limits = limits;
    }

    /** How the inbox is ordered; each order ends on the case number and the step, so that pages are stable. */
    public enum Sort {
        /** The soonest deadline first (acceptance or promised limit), cases without one last. */
        DEADLINE,
        /** The longest waiting first (by submission). */
        SUBMITTED,
        /** By the item's name. */
        ITEM
    }

    /** What the official asks for: a step, only the tasks she claimed, words, an order and a page (from 1). */
    public record Query(@Nullable String step, boolean mine, String words, Sort sort, int page) {}

    /** One page of the inbox, with how many pages and rows the query has. */
    public record InboxPage(List<InboxRow> rows, int page, int pages, int total, boolean truncated) {}

    @Transactional(readOnly = true)
    public InboxPage search(UUID official, Query query, Locale locale) {
        var all = rows(official, query.step(), query.mine(), MOST + 1);
        var truncated = all.size() > MOST;
        if (truncated) all = all.subList(0, MOST);
        var names = itemNames(all.stream().map(Found::row).toList(), locale);
        var words = query.words().strip().toLowerCase(Locale.ROOT);
        var matching = new ArrayList<InboxRow>();
        for (var row : all) {
            if (words.isEmpty() || matches(row.row(), row.fullName(), names, words)) matching.add(row.row());
        }
        matching.sort(order(query.sort(), names));
        int pages = Math.max(1, (matching.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.clamp(query.page(), 1, pages);
        var from = (page - 1) * PAGE_SIZE;
        return new InboxPage(
                List.copyOf(matching.subList(from, Math.min(matching.size(), from + PAGE_SIZE))),
                page,
                pages,
                matching.size(),
                truncated);
    }

    /** The department's waiting tasks as rows, oldest first (what the JSON API lists). */
    @Transactional(readOnly = true)
    public List<InboxRow> oldestFirst(UUID official, @Nullable String step, boolean mine, int limit) {
        return rows(official, step, mine, limit).stream().map(Found::row).toList();
    }

    private record Found(InboxRow row, String fullName) {}

    private List<Found> rows(UUID official, @Nullable String step, boolean mine, int limit) {
        var department = officials.departmentOf(official);
        var me = official.toString();
        var tasks = workflow.departmentTasks(department, step, mine ? me : null, limit);
        var byNumber =
                cases.listRows(tasks.stream().map(TaskSummary::businessKey).toList());
        var applicants = persons.applicantNames(
                byNumber.values().stream().map(CaseRow::applicant).distinct().toList());
        var acceptance = new HashMap<LocalDate, Deadlines.Deadline>();
        var found = new ArrayList<Found>();
        for (var t : tasks) {
            var c = byNumber.get(t.businessKey());
            if (c == null || !c.involves(department)) continue;
            var state = limits.state(c);
            LocalDate acceptBy = null;
            if (c.status() == CaseStatus.SUBMITTED && c.concludedAt() == null) {
                var window = acceptance.computeIfAbsent(
                        LocalDate.ofInstant(c.submittedAt(), limits.zone()), d -> limits.acceptance(c.submittedAt()));
                acceptBy = window.due();
                state = Deadlines.state(window.warn(), window.due(), false, null, limits.today());
            }
            var name = applicants.getOrDefault(c.applicant(), "");
            found.add(new Found(
                    new InboxRow(
                            c.number(),
                            c.itemCode(),
                            t.step(),
                            c.status(),
                            c.submittedAt(),
                            t.createdAt(),
                            t.assignee(),
                            c.dueDate(),
                            state,
                            me.equals(t.assignee()),
                            Masking.name(name),
                            acceptBy),
                    name));
        }
        return found;
    }

    private static boolean matches(InboxRow row, String fullName, Map<String, String> names, String words) {
        for (var word : words.split("\\s+")) {
            if (!(row.caseNumber().toLowerCase(Locale.ROOT).contains(word)
                    || fullName.toLowerCase(Locale.ROOT).contains(word)
                    || names.getOrDefault(row.itemCode(), "")
                            .toLowerCase(Locale.ROOT)
                            .contains(word))) {
                return false;
            }
        }
        return true;
    }

    private static Comparator<InboxRow> order(Sort sort, Map<String, String> names) {
        Comparator<InboxRow> tie = Comparator.comparing(InboxRow::caseNumber).thenComparing(InboxRow::step);
        return switch (sort) {
            case DEADLINE ->
                Comparator.comparing(InboxRow::deadlineDate, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
                        .thenComparing(InboxRow::submittedAt)
                        .thenComparing(tie);
            case SUBMITTED -> Comparator.comparing(InboxRow::submittedAt).thenComparing(tie);
            case ITEM ->
                Comparator.comparing((InboxRow r) -> names.getOrDefault(r.itemCode(), r.itemCode()))
                        .thenComparing(InboxRow::submittedAt)
                        .thenComparing(tie);
        };
    }

    /** The items' names in the reader's language, by code (the code itself for an item the catalogue lost). */
    public Map<String, String> itemNames(List<InboxRow> rows, Locale locale) {
        var names = new HashMap<String, String>();
        for (var r : rows) {
            names.computeIfAbsent(
                    r.itemCode(), k -> catalog.guide(k).map(i -> i.name(locale)).orElse(k));
        }
        return names;
    }
}
