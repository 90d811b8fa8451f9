package org.tongban.notices.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.notices.NoticeAudit;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;

/**
 * Reminds the invitees of a meeting the day before (within 24 hours of its start) and an hour before, through the
 * message centre; invitees who declined or delegated are not reminded. Each reminder goes out once: a row in
 * {@code notices.meeting_reminder} is claimed first (its primary key is the meeting and the kind), in the same
 * transaction as the messages, so a second run, or a run on another node, finds it claimed and sends nothing.
 */
@Component
public class MeetingReminders {

    private final JdbcClient jdbc;
    private final NotificationManagement notifications;
    private final AuditManagement audit;
    private final TransactionTemplate tx;
    private final java.time.Clock clock;

    MeetingReminders(
            JdbcClient jdbc,
            NotificationManagement notifications,
            AuditManagement audit,
            TransactionTemplate tx,
            java.time.Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${tongban.notices.reminder-interval:PT5M}",
            initialDelayString = "${tongban.notices.reminder-interval:PT5M}")
    void run() {
        remind(Instant.now(clock));
    }

    /** Sends the reminders due at {@code now}; answers how many messages went out. */
    public int remind(Instant now) {
        var hour = now.plus(Duration.ofHours(1));
        return due("DAY", hour, now.plus(Duration.ofDays(1)), now) + due("HOUR", now, hour, now);
    }

    private int due(String kind, Instant after, Instant until, Instant now) {
        var meetings = jdbc.sql("""
                        select m.id from notices.meeting m
                         where m.status = 'SCHEDULED' and m.starts_at > :after and m.starts_at <= :until
                           and not exists (select 1 from notices.meeting_reminder r
                                            where r.meeting_id = m.id and r.kind = :kind)
                         order by m.starts_at limit 500""")
                .param("after", Timestamp.from(after))
                .param("until", Timestamp.from(until))
                .param("kind", kind)
                .query((rs, i) -> java.util.Objects.requireNonNull(rs.getObject(1, UUID.class)))
                .list();
        int sent = 0;
        for (var id : meetings) {
            Integer n = tx.execute(s -> remind(id, kind, now));
            sent += n == null ? 0 : n;
        }
        return sent;
    }

    private int remind(UUID id, String kind, Instant now) {
        var claimed = jdbc.sql("""
                        insert into notices.meeting_reminder (meeting_id, kind, sent_at, recipients)
                        values (:id, :kind, :now, 0) on conflict do nothing""")
                .param("id", id)
                .param("kind", kind)
                .param("now", Timestamp.from(now))
                .update();
        if (claimed == 0) return 0;
        var m = jdbc.sql("select title, starts_at from notices.meeting where id = :id")
                .param("id", id)
                .query((rs, i) ->
                        new Object[] {rs.getString(1), rs.getTimestamp(2).toInstant()})
                .single();
        var invitees = jdbc.sql("""
                        select account_id from notices.meeting_invitee
                         where meeting_id = :id and (reply is null or reply = 'ATTEND') order by account_id""")
                .param("id", id)
                .query((rs, i) -> java.util.Objects.requireNonNull(rs.getObject(1, UUID.class)))
                .list();
        var key = kind.equals("DAY") ? "notices.message.reminder.day" : "notices.message.reminder.hour";
        for (var account : invitees)
            notifications.send(SendNotification.inApp(
                    account, key, id.toString(), (String) m[0], MeetingStore.format((Instant) m[1])));
        jdbc.sql("update notices.meeting_reminder set recipients = :n where meeting_id = :id and kind = :kind")
                .param("n", invitees.size())
                .param("id", id)
                .param("kind", kind)
                .update();
        audit.recordWithin(AuditRecord.success(
                NoticeAudit.MEETING_REMINDED,
                "system:reminders",
                id.toString(),
                Map.of("kind", kind, "recipients", String.valueOf(invitees.size()))));
        return invitees.size();
    }
}
