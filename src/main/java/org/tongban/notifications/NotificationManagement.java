package org.tongban.notifications;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.notifications.internal.Deliveries;

/**
 * Sends messages and reads the message centre. Every message lands in the centre first; a copy for an outside
 * channel is handed to that channel's {@link MessageSender}, and the delivery is recorded whatever the outcome.
 * Secrets (one-time codes) skip the centre: {@link #sendOutsideOnly}.
 */
@Service
public class NotificationManagement {

    // Arguments are kept as one text column; the unit separator never occurs in them.
    private static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final Deliveries deliveries;
    private final MessageSource messages;

    NotificationManagement(JdbcClient jdbc, Deliveries deliveries, MessageSource messages) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.messages = messages;
    }

    /** Stores the message in the recipient's centre and, if asked, sends it out. Joins the caller's transaction. */
    @Transactional
    public UUID send(SendNotification notification) {
        var id = UUID.randomUUID();
        var now = Instant.now();
        jdbc.sql("""
                insert into notifications.message (id, recipient, template_key, args, created_at)
                values (:id, :recipient, :key, :args, :at)""")
                .param("id", id)
                .param("recipient", notification.recipient())
                .param("key", notification.templateKey())
                .param("args", String.join(SEPARATOR, notification.args()))
                .param("at", Timestamp.from(now))
                .update();
        deliver(notification, id, now);
        return id;
    }

    /**
     * Sends a secret, such as a one-time code, to the outside address only: the text is rendered, handed to the
     * channel and forgotten. The delivery is recorded (masked address, template, no arguments); nothing enters the
     * message centre, so the secret is neither stored nor shown on {@code /messages}. Joins the caller's transaction.
     */
    @Transactional
    public void sendOutsideOnly(SendNotification notification) {
        if (notification.channel() == null || notification.address() == null) {
            throw new IllegalArgumentException("A secret needs an outside channel and address");
        }
        deliver(notification, null, Instant.now());
    }

    private void deliver(SendNotification notification, @Nullable UUID messageId, Instant now) {
        var channel = notification.channel();
        var address = notification.address();
        if (channel == null || address == null) return;
        // Outside channels get the Chinese text: an SMS gateway has no idea of the reader's language.
        var text = messages.getMessage(
                notification.templateKey(), notification.args().toArray(), java.util.Locale.SIMPLIFIED_CHINESE);
        deliveries.deliver(
                messageId,
                notification.recipient(),
                notification.templateKey(),
                channel,
                address,
                text,
                messageId == null);
    }

    /** The newest messages of one account, newest first. */
    @Transactional(readOnly = true)
    public List<MessageView> messagesFor(UUID recipient, int limit) {
        return jdbc.sql("""
                select id, template_key, args, created_at, read_at from notifications.message
                 where recipient = :recipient order by created_at desc limit :limit""")
                .param("recipient", recipient)
                .param("limit", limit)
                .query((rs, i) -> new MessageView(
                        rs.getObject("id", UUID.class),
                        rs.getString("template_key"),
                        splitArgs(rs.getString("args")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null
                                ? null
                                : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public int unreadCount(UUID recipient) {
        return jdbc.sql("select count(*) from notifications.message where recipient = :r and read_at is null")
                .param("r", recipient)
                .query(Integer.class)
                .single();
    }

    /** Marks all of one account's messages read; another account's messages are untouched. */
    @Transactional
    public void markAllRead(UUID recipient) {
        jdbc.sql("update notifications.message set read_at = now() where recipient = :r and read_at is null")
                .param("r", recipient)
                .update();
    }

    private static List<String> splitArgs(String args) {
        return args.isEmpty() ? List.of() : Arrays.asList(args.split(SEPARATOR, -1));
    }
}
