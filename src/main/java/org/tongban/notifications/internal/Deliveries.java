package org.tongban.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.notifications.Channel;
import org.tongban.notifications.MessageSender;
import org.tongban.platform.FieldProtection;
import org.tongban.shared.Masking;

/**
 * Delivery records and their retries (ADR 0034). Each text for an outside channel becomes a row: tried at once; if
 * the channel throws, the row is FAILED with the error and a next attempt after an exponential back-off
 * ({@code base-delay} × 2^(attempts−1)); after {@code max-attempts} it is DEAD, shown to the operator, who may try it
 * once more. Until it is sent, its address and text are kept sealed with the field key (a dead one keeps them for the
 * operator's retry); once SENT they are erased. Secrets (one-time codes) are tried once and keep nothing.
 */
@Component
public class Deliveries {

    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final String TABLE = "notifications.delivery";

    private final JdbcClient jdbc;
    private final Map<Channel, MessageSender> senders;
    private final FieldProtection protection;
    private final Clock clock;
    private final Duration baseDelay;
    private final int maxAttempts;
    private final org.springframework.context.ApplicationEventPublisher events;

    Deliveries(
            JdbcClient jdbc,
            List<MessageSender> senders,
            FieldProtection protection,
            Clock clock,
            @Value("${tongban.notifications.retry.base-delay:30s}") Duration baseDelay,
            @Value("${tongban.notifications.retry.max-attempts:5}") int maxAttempts,
            org.springframework.context.ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.senders = senders.stream().collect(Collectors.toMap(MessageSender::channel, Function.identity()));
        this.protection = protection;
        this.clock = clock;
        this.baseDelay = baseDelay;
        this.maxAttempts = maxAttempts;
        this.events = events;
    }

    /** Records a text for an outside channel and tries it at once. Joins the caller's transaction. */
    @Transactional
    public String deliver(
            @Nullable UUID messageId,
            UUID recipient,
            String templateKey,
            Channel channel,
            String address,
            String text,
            boolean secret) {
        var id = UUID.randomUUID();
        var now = clock.instant();
        var sender = senders.get(channel);
        String status;
        @Nullable String error = null;
        if (sender == null) {
            status = "NO_SENDER";
        } else {
            error = attempt(sender, address, text, templateKey);
            status = error == null ? "SENT" : secret || maxAttempts <= 1 ? "DEAD" : "FAILED";
        }
        boolean keep = !secret && !status.equals("SENT");
        jdbc.sql("""
                insert into notifications.delivery (id, message_id, recipient, template_key, channel, address,
                                                    status, created_at, attempts, next_attempt_at, last_error,
                                                    sent_at, secret, target_enc, text_enc)
                values (:id, :message, :recipient, :key, :channel, :address, :status, :at, :attempts, :next, :error,
                        :sent, :secret, :target, :text)""")
                .param("id", id)
                .param("message", messageId)
                .param("recipient", recipient)
                .param("key", templateKey)
                .param("channel", channel.name())
                // The delivery record is evidence, not a copy of personal data: the address is kept masked.
                .param("address", masked(channel, address))
                .param("status", status)
                .param("at", Timestamp.from(now))
                .param("attempts", sender == null ? 0 : 1)
                .param("next", status.equals("FAILED") ? Timestamp.from(now.plus(baseDelay)) : null)
                .param("error", error)
                .param("sent", status.equals("SENT") ? Timestamp.from(now) : null)
                .param("secret", secret)
                .param("target", keep ? protection.encrypt(address, place(id, "target")) : null)
                .param("text", keep ? protection.encrypt(text, place(id, "text")) : null)
                .update();
        return status;
    }

    /**
     * Tries again every FAILED delivery due at {@code asOf}, at most {@code batch}. Safe on several nodes: each row is
     * locked with {@code FOR UPDATE SKIP LOCKED}, so two nodes never send the same one. Returns how many were tried.
     */
    @Transactional
    public int retryDue(Instant asOf, int batch) {
        var due = jdbc.sql("""
                select id, channel, template_key, attempts, target_enc, text_enc from notifications.delivery
                 where status = 'FAILED' and next_attempt_at <= :asOf
                 order by next_attempt_at limit :batch for update skip locked""")
                .param("asOf", Timestamp.from(asOf))
                .param("batch", batch)
                .query((rs, i) -> new Due(
                        rs.getObject(1, UUID.class),
                        Channel.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getBytes(5),
                        rs.getBytes(6)))
                .list();
        for (var d : due) retry(d, asOf, false);
        return due.size();
    }

    /** The operator tries one failed or dead delivery once more, now. False if there is no such retryable row. */
    @Transactional
    public boolean retryNow(UUID id) {
        var row = jdbc.sql("""
                select id, channel, template_key, attempts, target_enc, text_enc from notifications.delivery
                 where id = :id and status in ('FAILED', 'DEAD') and target_enc is not null for update""")
                .param("id", id)
                .query((rs, i) -> new Due(
                        rs.getObject(1, UUID.class),
                        Channel.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getBytes(5),
                        rs.getBytes(6)))
                .optional();
        row.ifPresent(d -> retry(d, clock.instant(), true));
        return row.isPresent();
    }

    /**
     * The operator's retry of one delivery, audited in the same transaction ({@code DELIVERY_RETRIED}); returns the
     * outcome: SENT, DEAD (still failing), or NOT_FOUND (no such retryable delivery).
     */
    @Transactional
    public String retryByOperator(UUID id, UUID operator) {
        var outcome = !retryNow(id)
                ? "NOT_FOUND"
                : jdbc.sql("select status from notifications.delivery where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single();
        events.publishEvent(org.tongban.audit.AuditRecord.success(
                NotificationAudit.DELIVERY_RETRIED, operator.toString(), id.toString(), Map.of("outcome", outcome)));
        return outcome;
    }

    private record Due(UUID id, Channel channel, String templateKey, int attempts, byte[] target, byte[] text) {}

    private void retry(Due d, Instant now, boolean byOperator) {
        var sender = senders.get(d.channel());
        var address = protection.decrypt(d.target(), place(d.id(), "target"));
        var text = protection.decrypt(d.text(), place(d.id(), "text"));
        var error = sender == null ? "no sender for " + d.channel() : attempt(sender, address, text, d.templateKey());
        int attempts = d.attempts() + 1;
        if (error == null) {
            jdbc.sql("""
                    update notifications.delivery set status = 'SENT', attempts = :n, sent_at = :at,
                           next_attempt_at = null, target_enc = null, text_enc = null where id = :id""")
                    .param("n", attempts)
                    .param("at", Timestamp.from(now))
                    .param("id", d.id())
                    .update();
            return;
        }
        boolean dead = byOperator || attempts >= maxAttempts;
        jdbc.sql("""
                update notifications.delivery set status = :status, attempts = :n, last_error = :error,
                       next_attempt_at = :next where id = :id""")
                .param("status", dead ? "DEAD" : "FAILED")
                .param("n", attempts)
                .param("error", error)
                .param("next", dead ? null : Timestamp.from(now.plus(backoff(attempts))))
                .param("id", d.id())
                .update();
    }

    /** A delivery that has not gone out, for the operator: masked address, attempts, the last error. */
    public record Troubled(
            UUID id,
            String templateKey,
            Channel channel,
            String address,
            String status,
            int attempts,
            @Nullable String error,
            Instant createdAt,
            @Nullable Instant nextAttemptAt,
            boolean retryable) {}

    /** Failed and dead deliveries, dead first, newest first. */
    @Transactional(readOnly = true)
    public List<Troubled> troubled(int limit) {
        return jdbc.sql("""
                select id, template_key, channel, address, status, attempts, last_error, created_at, next_attempt_at,
                       target_enc is not null
                  from notifications.delivery where status in ('FAILED', 'DEAD')
                 order by status = 'DEAD' desc, created_at desc limit :limit""")
                .param("limit", limit)
                .query((rs, i) -> new Troubled(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        Channel.valueOf(rs.getString(3)),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getInt(6),
                        rs.getString(7),
                        rs.getTimestamp(8).toInstant(),
                        rs.getTimestamp(9) == null ? null : rs.getTimestamp(9).toInstant(),
                        rs.getBoolean(10)))
                .list();
    }

    /** Of the deliveries handed to a channel since then, how many there are and how many were sent within 10 s. */
    public record Timeliness(int total, int within10s, int failed, int dead) {
        public int percent() {
            return total == 0 ? 100 : (int) Math.floor(100.0 * within10s / total);
        }
    }

    @Transactional(readOnly = true)
    public Timeliness timeliness(Instant since) {
        return jdbc.sql("""
                select count(*),
                       count(*) filter (where status = 'SENT' and sent_at - created_at <= interval '10 seconds'),
                       count(*) filter (where status = 'FAILED'), count(*) filter (where status = 'DEAD')
                  from notifications.delivery where created_at >= :since and status <> 'NO_SENDER'""")
                .param("since", Timestamp.from(since))
                .query((rs, i) -> new Timeliness(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
                .single();
    }

    /** The wait after the given number of failed attempts: base, 2 × base, 4 × base ... */
    Duration backoff(int attempts) {
        return baseDelay.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
    }

    private static @Nullable String attempt(MessageSender sender, String address, String text, String templateKey) {
        try {
            sender.send(address, text);
            return null;
        } catch (RuntimeException e) {
            log.warn("Sending {} over {} failed: {}", templateKey, sender.channel(), e.toString());
            var message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return message.length() > 500 ? message.substring(0, 500) : message;
        }
    }

    private static String masked(Channel channel, String address) {
        if (channel == Channel.SMS) return Masking.phone(address);
        int at = address.indexOf('@');
        return at <= 1 ? "***" : address.charAt(0) + "***" + address.substring(at);
    }

    private static String place(UUID id, String column) {
        return FieldProtection.place(TABLE, id.toString(), column);
    }
}
