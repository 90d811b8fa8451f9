package org.tongban.notices.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.Departments;
import org.tongban.notices.InvalidNoticeException;
import org.tongban.notices.NoticeAudit;
import org.tongban.notices.NoticeRefusedException;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;

/**
 * Meeting notices (会议通知, ADR 0045): called by an official with {@code notices:send} for officials by name and
 * whole departments; each invitee replies attend, delegate (to an active colleague of her own department, who
 * becomes an invitee) or decline with a reason, until the meeting starts; the organiser sees the replies and
 * cancels. Anyone neither organiser nor invitee is told not found, audited.
 */
@Service
public class Meetings {

    /** Where meeting times are entered and shown. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final int PLACE_MAX = 200;
    static final int REASON_MAX = 200;

    private final JdbcClient jdbc;
    private final MeetingStore store;
    private final Departments departments;
    private final Attachments attachments;
    private final Notices notices;
    private final NotificationManagement notifications;
    private final AuditManagement audit;
    private final java.time.Clock clock;

    Meetings(
            JdbcClient jdbc,
            MeetingStore store,
            Departments departments,
            Attachments attachments,
            Notices notices,
            NotificationManagement notifications,
            AuditManagement audit,
            java.time.Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.departments = departments;
        this.attachments = attachments;
        this.notices = notices;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    static @Nullable Instant time(String value, String field, LinkedHashMap<String, String> errors) {
        if (value.isEmpty()) {
            errors.put(field, "notices.error.time.blank");
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(ZONE).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            errors.put(field, "notices.error.time.format");
            return null;
        }
    }

    @Transactional
    public UUID call(
            UUID me,
            Map<String, String> form,
            Collection<String> inviteeIds,
            Collection<String> departmentCodes,
            List<Attachments.Upload> files) {
        var errors = new LinkedHashMap<String, String>();
        var title = Notices.text(form.get("title"));
        if (title.isEmpty()) errors.put("title", "notices.error.title.blank");
        else if (title.length() > Notices.TITLE_MAX) errors.put("title", "notices.error.title.long");
        var now = Instant.now(clock);
        var starts = time(Notices.text(form.get("startsAt")), "startsAt", errors);
        var ends = time(Notices.text(form.get("endsAt")), "endsAt", errors);
        if (starts != null && !starts.isAfter(now)) errors.put("startsAt", "notices.error.meeting.startPast");
        if (starts != null && ends != null && !ends.isAfter(starts))
            errors.put("endsAt", "notices.error.meeting.endBeforeStart");
        var place = Notices.text(form.get("place"));
        var link = Notices.text(form.get("onlineLink"));
        if (place.length() > PLACE_MAX) errors.put("place", "notices.error.place.long");
        if (!link.isEmpty() && !validLink(link)) errors.put("onlineLink", "notices.error.link");
        if (place.isEmpty() && link.isEmpty()) errors.put("place", "notices.error.place.blank");
        var agenda = Notices.text(form.get("agenda"));
        if (agenda.isEmpty()) errors.put("agenda", "notices.error.agenda.blank");
        else if (agenda.length() > Notices.BODY_MAX) errors.put("agenda", "notices.error.agenda.long");
        var invitees = new LinkedHashMap<UUID, String>();
        for (var raw : inviteeIds) {
            if (raw.isBlank()) continue;
            var account = uuid(raw);
            var dep = account == null ? null : departments.departmentOf(account).orElse(null);
            if (account == null || dep == null) errors.put("invitees", "notices.error.invitee");
            else invitees.putIfAbsent(account, dep);
        }
        for (var d : notices.addressed(departmentCodes, null, errors))
            for (var a : departments.officialsOf(d.code())) invitees.putIfAbsent(a, d.code());
        if (invitees.isEmpty() && !errors.containsKey("invitees") && !errors.containsKey("departments"))
            errors.put("invitees", "notices.error.invitees.none");
        var kept = Attachments.check(files, errors);
        var mine = departments.departmentOf(me);
        if (mine.isEmpty()) throw notices.refuse(me, null, "NOT_AN_OFFICIAL", NoticeRefusedException.notFound());
        if (!errors.isEmpty() || starts == null || ends == null) throw new InvalidNoticeException(errors);
        var id = UUID.randomUUID();
        store.insert(id, me, mine.get(), title, starts, ends, place, link, agenda, now);
        invitees.forEach((account, dep) -> store.invite(id, account, dep, null, now));
        attachments.save("MEETING", id, kept, now);
        var when = MeetingStore.format(starts);
        for (var account : invitees.keySet())
            notifications.send(SendNotification.inApp(account, "notices.message.meeting", id.toString(), title, when));
        audit.recordWithin(AuditRecord.success(
                NoticeAudit.MEETING_CALLED,
                me.toString(),
                id.toString(),
                Map.of("invitees", String.valueOf(invitees.size()), "startsAt", starts.toString())));
        return id;
    }

    static boolean validLink(String link) {
        if (link.length() > 500) return false;
        try {
            var uri = new java.net.URI(link);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    static @Nullable UUID uuid(String raw) {
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A meeting for its organiser or an invitee; anyone else: not found, audited. */
    @Transactional(readOnly = true)
    public MeetingStore.Meeting one(UUID me, UUID id) {
        return store.find(id, me)
                .filter(m -> m.organiser().equals(me) || m.invitation() != null)
                .orElseThrow(() -> notices.refuse(me, id, "NOT_INVITED", NoticeRefusedException.notFound()));
    }

    MeetingStore.Meeting organised(UUID me, UUID id) {
        return store.find(id, me)
                .filter(m -> m.organiser().equals(me))
                .orElseThrow(() -> notices.refuse(me, id, "NOT_ORGANISER", NoticeRefusedException.notFound()));
    }

    @Transactional(readOnly = true)
    public List<MeetingStore.Meeting> invitations(UUID me) {
        return store.invitationsOf(me);
    }

    @Transactional(readOnly = true)
    public List<MeetingStore.Meeting> organisedBy(UUID me) {
        return store.organisedBy(me);
    }

    /** The replies, for the organiser only: each invitee with her name, department and reply (none yet: null). */
    @Transactional(readOnly = true)
    public List<MeetingStore.Invitee> replies(UUID me, UUID id) {
        organised(me, id);
        var rows = store.invitees(id);
        var ids = new java.util.ArrayList<UUID>();
        rows.forEach(r -> {
            ids.add(r.account());
            if (r.delegate() != null) ids.add(r.delegate());
        });
        var names = departments.officialNames(ids);
        return rows.stream()
                .map(r -> r.named(
                        names.getOrDefault(r.account(), "—"),
                        r.delegate() == null ? null : names.getOrDefault(r.delegate(), "—")))
                .toList();
    }

    /**
     * The invitee's reply: {@code ATTEND}, {@code DELEGATE} (with a colleague's account, who is invited and told) or
     * {@code DECLINE} (with a reason). Refused for a cancelled meeting, one that has started, and after delegating.
     */
    @Transactional
    public void reply(UUID me, UUID id, String reply, @Nullable String reason, @Nullable String delegate) {
        store.lock(id);
        var m = one(me, id);
        var invitation = m.invitation();
        if (invitation == null) throw notices.refuse(me, id, "NOT_INVITED", NoticeRefusedException.notFound());
        if (m.cancelled()) throw notices.refuse(me, id, "CANCELLED", conflict("notices.error.meeting.cancelled"));
        if (!m.startsAt().isAfter(Instant.now(clock)))
            throw notices.refuse(me, id, "STARTED", conflict("notices.error.meeting.started"));
        if ("DELEGATE".equals(invitation.reply()))
            throw notices.refuse(me, id, "DELEGATED", conflict("notices.error.meeting.delegatedBefore"));
        var clean = Notices.text(reason);
        UUID colleague = null;
        switch (reply) {
            case "ATTEND" -> clean = "";
            case "DECLINE" -> {
                if (clean.isEmpty()) throw new InvalidNoticeException(Map.of("reason", "notices.error.reason.blank"));
                if (clean.length() > REASON_MAX)
                    throw new InvalidNoticeException(Map.of("reason", "notices.error.reason.long"));
            }
            case "DELEGATE" -> {
                clean = "";
                colleague = delegate == null ? null : uuid(delegate);
                if (colleague == null)
                    throw new InvalidNoticeException(Map.of("delegate", "notices.error.delegate.blank"));
                var c = colleague;
                if (departments.colleagues(me).stream()
                        .noneMatch(s -> s.active() && s.accountId().equals(c))) {
                    notices.refuse(me, id, "DELEGATE_OUTSIDE", NoticeRefusedException.notFound());
                    throw new InvalidNoticeException(Map.of("delegate", "notices.error.delegate.notColleague"));
                }
                if (store.invited(id, colleague))
                    throw new InvalidNoticeException(Map.of("delegate", "notices.error.delegate.invited"));
            }
            default -> throw new InvalidNoticeException(Map.of("reply", "notices.error.reply"));
        }
        var now = Instant.now(clock);
        store.reply(id, me, reply, clean.isEmpty() ? null : clean, colleague, now);
        if (colleague != null) {
            store.invite(id, colleague, invitation.department(), me, now);
            notifications.send(SendNotification.inApp(
                    colleague,
                    "notices.message.delegated",
                    id.toString(),
                    m.title(),
                    MeetingStore.format(m.startsAt())));
        }
        audit.recordWithin(
                AuditRecord.success(NoticeAudit.MEETING_REPLIED, me.toString(), id.toString(), Map.of("reply", reply)));
    }

    /** Cancels a meeting that has not started; every invitee is told. The organiser only. */
    @Transactional
    public void cancel(UUID me, UUID id, @Nullable String reason) {
        store.lock(id);
        var m = organised(me, id);
        if (m.cancelled()) throw notices.refuse(me, id, "CANCELLED", conflict("notices.error.meeting.cancelled"));
        if (!m.startsAt().isAfter(Instant.now(clock)))
            throw notices.refuse(me, id, "STARTED", conflict("notices.error.meeting.started"));
        var clean = Notices.text(reason);
        if (clean.length() > REASON_MAX)
            throw new InvalidNoticeException(Map.of("reason", "notices.error.reason.long"));
        jdbc.sql("""
                update notices.meeting set status = 'CANCELLED', cancel_reason = :r, cancelled_at = :now
                 where id = :id""")
                .param("r", clean.isEmpty() ? null : clean)
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("id", id)
                .update();
        for (var invitee : store.invitees(id))
            notifications.send(SendNotification.inApp(
                    invitee.account(),
                    "notices.message.cancelled",
                    id.toString(),
                    m.title(),
                    MeetingStore.format(m.startsAt())));
        audit.recordWithin(AuditRecord.success(NoticeAudit.MEETING_CANCELLED, me.toString(), id.toString(), Map.of()));
    }

    /** Adds attachments to a meeting the official organises; at most Attachments#MAX_FILES in all. */
    @Transactional
    public void attach(UUID me, UUID id, List<Attachments.Upload> files) {
        organised(me, id);
        var errors = new LinkedHashMap<String, String>();
        var kept = Attachments.check(files, errors);
        if (kept.isEmpty() && errors.isEmpty()) errors.put("files", "notices.error.file.none");
        if (attachments.count("MEETING", id) + kept.size() > Attachments.MAX_FILES)
            errors.putIfAbsent("files", "notices.error.file.tooMany");
        if (!errors.isEmpty()) throw new InvalidNoticeException(errors);
        attachments.save("MEETING", id, kept, Instant.now(clock));
    }

    /** An attachment of a meeting the official may see (organiser or invitee); otherwise not found, audited. */
    @Transactional(readOnly = true)
    public Attachments.File attachment(UUID me, UUID id, UUID attachment) {
        one(me, id);
        return attachments
                .file("MEETING", id, attachment)
                .orElseThrow(() -> notices.refuse(me, id, "NO_ATTACHMENT", NoticeRefusedException.notFound()));
    }

    public List<Attachments.Info> attachments(UUID id) {
        return attachments.of("MEETING", id);
    }

    private static NoticeRefusedException conflict(String key) {
        return NoticeRefusedException.conflict(key);
    }
}
