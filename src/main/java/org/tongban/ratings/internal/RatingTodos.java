package org.tongban.ratings.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.workbench.SqlTodoProvider;
import org.tongban.workbench.TodoItem;
import org.tongban.workbench.TodoOwner;

/**
 * The ratings' part of the unified to-do (ADR 0040): the department's open rectifications of bad ratings (差评整改),
 * the nearest deadline first, from the index {@code rectification_by_department}; and those the official closed
 * today.
 */
@Component
class RatingTodos extends SqlTodoProvider {

    RatingTodos(JdbcClient jdbc, MessageSource messages) {
        super(jdbc, messages, "ratings", "ratings.todo.source", 30);
    }

    @Override
    @Transactional(readOnly = true)
    public List<TodoItem> waiting(TodoOwner owner, int limit) {
        // Limits are written into the statements, so that the plan knows them (a parameter is planned as a tenth of
        // the table); the index gives the deadline order, the few rows read are then ordered by opening as well.
        return jdbc.sql("""
                        select x.id, x.case_number, c.item_name_zh, c.item_name_en, x.deadline, x.opened_at,
                               x.response is not null as responded
                          from (select * from ratings.rectification
                                 where department_code = :dep and status = 'OPEN'
                                 order by deadline limit %d) x
                          join ratings.rateable_case c on c.case_number = x.case_number
                         order by x.deadline, x.opened_at""".formatted(bounded(limit)))
                .param("dep", owner.department())
                .query((rs, i) -> new TodoItem(
                        source(),
                        rs.getString("id"),
                        title(
                                rs.getString(owner.english() ? "item_name_en" : "item_name_zh"),
                                rs.getString("case_number"),
                                owner.locale()),
                        messages.getMessage(
                                rs.getBoolean("responded")
                                        ? "ratings.todo.action.close"
                                        : "ratings.todo.action.rectify",
                                null,
                                owner.locale()),
                        "/office/rectifications/" + rs.getObject("id", UUID.class),
                        rs.getDate("deadline").toLocalDate(),
                        rs.getTimestamp("opened_at").toInstant()))
                .list();
    }

    @Override
    public long count(TodoOwner owner) {
        return jdbc.sql("""
                        select count(*) from (select 1 from ratings.rectification
                                               where department_code = :dep and status = 'OPEN' limit %d) x""".formatted(COUNT_CAP))
                .param("dep", owner.department())
                .query(Long.class)
                .single();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TodoItem> doneSince(TodoOwner owner, Instant since, int limit) {
        return jdbc.sql("""
                        select x.id, x.case_number, c.item_name_zh, c.item_name_en, x.closed_at
                          from ratings.rectification x
                          join ratings.rateable_case c on c.case_number = x.case_number
                         where x.department_code = :dep and x.status = 'CLOSED' and x.closed_by = :me
                           and x.closed_at >= :since
                         order by x.closed_at desc limit :n""")
                .param("dep", owner.department())
                .param("me", owner.account())
                .param("since", Timestamp.from(since))
                .param("n", limit)
                .query((rs, i) -> new TodoItem(
                        source(),
                        rs.getString("id"),
                        title(
                                rs.getString(owner.english() ? "item_name_en" : "item_name_zh"),
                                rs.getString("case_number"),
                                owner.locale()),
                        messages.getMessage("ratings.todo.action.closed", null, owner.locale()),
                        "/office/rectifications/" + rs.getObject("id", UUID.class),
                        null,
                        rs.getTimestamp("closed_at").toInstant()))
                .list();
    }

    private String title(String itemName, String caseNumber, Locale locale) {
        return messages.getMessage("ratings.todo.title", new Object[] {itemName, caseNumber}, locale);
    }
}
