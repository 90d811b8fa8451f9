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
 * The meetings' part of the unified to-do (ADR 0040, 0045): the meetings waiting for the official's reply, that are
 * neither cancelled nor started, the soonest first, with the meeting's day as the deadline; and those she replied
 * to today.
 */
@Component
class MeetingTodos extends SqlTodoProvider {

    MeetingTodos(JdbcClient jdbc, MessageSource messages) {
        super(jdbc, messages, "meetings", "notices.todo.meetings", 61);
    }

    private static final String WAITING = """
            from notices.meeting_invitee i join notices.meeting m on m.id = i.meeting_id
             where i.account_id = :me and i.reply is null and m.status = 'SCHEDULED' and m.starts_at > now()""";

    @Override
    public List<TodoItem> waiting(TodoOwner owner, int limit) {
        return jdbc.sql("select m.id, m.title, m.starts_at, i.invited_at " + WAITING + " order by m.starts_at limit "
                        + bounded(limit))
                .param("me", owner.account())
                .query((rs, i) -> new TodoItem(
                        source(),
                        rs.getString("id"),
                        messages.getMessage(
                                "notices.todo.meeting.title",
                                new Object[] {
                                    rs.getString("title"),
                                    MeetingStore.format(
                                            rs.getTimestamp("starts_at").toInstant())
                                },
                                owner.locale()),
                        messages.getMessage("notices.todo.action.reply", null, owner.locale()),
                        "/office/meetings/" + rs.getObject("id", UUID.class),
                        rs.getTimestamp("starts_at")
                                .toInstant()
                                .atZone(Meetings.ZONE)
                                .toLocalDate(),
                        rs.getTimestamp("invited_at").toInstant()))
                .list();
    }

    @Override
    public long count(TodoOwner owner) {
        return jdbc.sql("select count(*) from (select 1 " + WAITING + " limit " + COUNT_CAP + ") x")
                .param("me", owner.account())
                .query(Long.class)
                .single();
    }

    @Override
    public List<TodoItem> doneSince(TodoOwner owner, Instant since, int limit) {
        return jdbc.sql("""
                        select m.id, m.title, m.starts_at, i.replied_at from notices.meeting_invitee i
                          join notices.meeting m on m.id = i.meeting_id
                         where i.account_id = :me and i.replied_at >= :since order by i.replied_at desc limit :n""")
                .param("me", owner.account())
                .param("since", Timestamp.from(since))
                .param("n", limit)
                .query((rs, i) -> new TodoItem(
                        source(),
                        rs.getString("id"),
                        messages.getMessage(
                                "notices.todo.meeting.title",
                                new Object[] {
                                    rs.getString("title"),
                                    MeetingStore.format(
                                            rs.getTimestamp("starts_at").toInstant())
                                },
                                owner.locale()),
                        messages.getMessage("notices.todo.action.replied", null, owner.locale()),
                        "/office/meetings/" + rs.getObject("id", UUID.class),
                        null,
                        rs.getTimestamp("replied_at").toInstant()))
                .list();
    }
}
