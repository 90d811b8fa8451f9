package org.tongban.notices.internal;

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
 * The notices' part of the unified to-do (ADR 0040, 0045): the notices the official has not read, the nearest
 * reply-by date first (those without one last, oldest first), from the index {@code notice_recipient_by_account};
 * and those she read today.
 */
@Component
class NoticeTodos extends SqlTodoProvider {

    NoticeTodos(JdbcClient jdbc, MessageSource messages) {
        super(jdbc, messages, "notices", "notices.todo.source", 60);
    }

    @Override
    public List<TodoItem> waiting(TodoOwner owner, int limit) {
        return jdbc.sql("""
                        select n.id, n.title, n.reply_by, n.sent_at from notices.notice_recipient r
                          join notices.notice n on n.id = r.notice_id
                         where r.account_id = :me and r.read_at is null
                         order by n.reply_by nulls last, n.sent_at limit %d""".formatted(bounded(limit)))
                .param("me", owner.account())
                .query((rs, i) -> new TodoItem(
                        source(),
                        rs.getString("id"),
                        rs.getString("title"),
                        messages.getMessage("notices.todo.action.read", null, owner.locale()),
                        "/office/notices/" + rs.getObject("id", UUID.class),
                        rs.getDate("reply_by") == null
                                ? null
                                : rs.getDate("reply_by").toLocalDate(),
                        rs.getTimestamp("sent_at").toInstant()))
                .list();
    }

    @Override
    public long count(TodoOwner owner) {
        return jdbc.sql("""
                        select count(*) from (select 1 from notices.notice_recipient
                          where account_id = :me and read_at is null limit %d) x""".formatted(COUNT_CAP))
                .param("me", owner.account())
                .query(Long.class)
                .single();
    }

    @Override
    public List<TodoItem> doneSince(TodoOwner owner, Instant since, int limit) {
        return jdbc.sql("""
                        select n.id, n.title, r.read_at from notices.notice_recipient r
                          join notices.notice n on n.id = r.notice_id
                         where r.account_id = :me and r.read_at >= :since order by r.read_at desc limit :n""")
                .param("me", owner.account())
                .param("since", Timestamp.from(since))
                .param("n", limit)
                .query((rs, i) -> new TodoItem(
                        source(),
                        rs.getString("id"),
                        rs.getString("title"),
                        messages.getMessage("notices.todo.action.done", null, owner.locale()),
                        "/office/notices/" + rs.getObject("id", UUID.class),
                        null,
                        rs.getTimestamp("read_at").toInstant()))
                .list();
    }
}
