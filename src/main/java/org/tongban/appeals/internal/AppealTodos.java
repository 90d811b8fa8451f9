package org.tongban.appeals.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.workbench.SqlTodoProvider;
import org.tongban.workbench.TodoItem;
import org.tongban.workbench.TodoOwner;

/**
 * The requests' part of the unified to-do (ADR 0040): the department's requests waiting to be accepted or replied,
 * the nearest deadline first, from the index {@code request_by_department}; and those the official replied today.
 */
@Component
class AppealTodos extends SqlTodoProvider {

    AppealTodos(JdbcClient jdbc, MessageSource messages) {
        super(jdbc, messages, "appeals", "appeals.todo.source", 40);
    }

    @Override
    public List<TodoItem> waiting(TodoOwner owner, int limit) {
        // The limit is written into the statement so that the plan knows it (ADR 0040).
        return jdbc.sql("""
                        select * from (
                          (select id, number, title, status, deadline, submitted_at from appeals.request
                            where department_code = :dep and status = 'SUBMITTED' order by deadline limit %1$d)
                          union all
                          (select id, number, title, status, deadline, submitted_at from appeals.request
                            where department_code = :dep and status = 'ACCEPTED' order by deadline limit %1$d)) x
                         order by deadline, submitted_at limit %1$d""".formatted(bounded(limit)))
                .param("dep", owner.department())
                .query((rs, i) -> new TodoItem(
                        source(),
                        rs.getString("id"),
                        messages.getMessage(
                                "appeals.todo.title",
                                new Object[] {rs.getString("title"), rs.getString("number")},
                                owner.locale()),
                        messages.getMessage(
                                rs.getString("status").equals("SUBMITTED")
                                        ? "appeals.todo.action.accept"
                                        : "appeals.todo.action.reply",
                                null,
                                owner.locale()),
                        "/office/requests/" + rs.getObject("id", UUID.class),
                        rs.getDate("deadline").toLocalDate(),
                        rs.getTimestamp("submitted_at").toInstant()))
                .list();
    }

    @Override
    public long count(TodoOwner owner) {
        return jdbc.sql("""
                        select count(*) from (select 1 from appeals.request
                          where department_code = :dep and status in ('SUBMITTED', 'ACCEPTED') limit %d) x""".formatted(COUNT_CAP))
                .param("dep", owner.department())
                .query(Long.class)
                .single();
    }

    @Override
    public List<TodoItem> doneSince(TodoOwner owner, Instant since, int limit) {
        return jdbc.sql("""
                        select r.id, r.number, r.title, r.replied_at from appeals.request r
                         where r.replied_by = :me and r.replied_at >= :since and r.department_code = :dep
                         order by r.replied_at desc limit :n""")
                .param("me", owner.account())
                .param("dep", owner.department())
                .param("since", Timestamp.from(since))
                .param("n", limit)
                .query((rs, i) -> new TodoItem(
                        source(),
                        rs.getString("id"),
                        messages.getMessage(
                                "appeals.todo.title",
                                new Object[] {rs.getString("title"), rs.getString("number")},
                                owner.locale()),
                        messages.getMessage("appeals.todo.action.replied", null, owner.locale()),
                        "/office/requests/" + rs.getObject("id", UUID.class),
                        null,
                        rs.getTimestamp("replied_at").toInstant()))
                .list();
    }
}
