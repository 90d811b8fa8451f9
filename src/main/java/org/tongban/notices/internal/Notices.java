package org.tongban.notices.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.DepartmentView;
import org.tongban.identity.Departments;
import org.tongban.notices.InvalidNoticeException;
import org.tongban.notices.NoticeAudit;
import org.tongban.notices.NoticeRefusedException;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;

/**
 * Notices (通知公告, ADR 0045): sent by an official with {@code notices:send} to chosen departments or every department
 * of a region; the recipients are those departments' officials at the time of sending. Opening a notice marks it
 * read for its recipient; only the sender sees the receipts and reminds the unread. Anyone else is told not found,
 * audited.
 */
@Service("officialNotices")
public class Notices {

    static final int TITLE_MAX = 80;
    static final int BODY_MAX = 5000;

    public record Row(
            UUID id,
            UUID sender,
            String senderDepartment,
            String title,
            String body,
            @Nullable LocalDate replyBy,
            Instant sentAt,
            @Nullable Instant readAt,
            int recipients,
            int read) {}

    /** One recipient's receipt: name, department, when read (null: not yet), when last reminded. */
    public record Receipt(
            UUID account,
            String name,
            String department,
            @Nullable Instant readAt) {}

    private final JdbcClient jdbc;
    private final Departments departments;
    private final Attachments attachments;
    private final NotificationManagement notifications;
    private final AuditManagement audit;
    private final java.time.Clock clock;

    Notices(
            JdbcClient jdbc,
            Departments departments,
            Attachments attachments,
            NotificationManagement notifications,
            AuditManagement audit,
            java.time.Clock clock) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.attachments = attachments;
        this.notifications = notifications;
        this.audit = audit;
        this.clock = clock;
    }

    static String text(@Nullable String value) {
        return value == null ? "" : value.replace("\u0000", "").strip();
    }

    /** The departments chosen, by code, and those of the region if one is named; unknown codes are errors. */
    List<DepartmentView> addressed(
            Collection<String> codes, @Nullable String region, LinkedHashMap<String, String> errors) {
        var all = departments.departments();
        var chosen = new LinkedHashSet<DepartmentView>();
        for (var code : codes) {
            if (code.isBlank()) continue;
            all.stream()
                    .filter(d -> d.code().equals(code))
                    .findFirst()
                    .ifPresentOrElse(chosen::add, () -> errors.put("departments", "notices.error.department"));
        }
        var r = text(region);
        if (!r.isEmpty()) {
            var inRegion = all.stream().filter(d -> d.regionCode().equals(r)).toList();
            if (inRegion.isEmpty()) errors.put("region", "notices.error.region");
            chosen.addAll(inRegion);
        }
        return List.copyOf(chosen);
    }

    @Transactional
    public UUID send(
            UUID me, Map<String, String> form, Collection<String> departmentCodes, List<Attachments.Upload> files) {
        var errors = new LinkedHashMap<String, String>();
        var title = text(form.get("title"));
        if (title.isEmpty()) errors.put("title", "notices.error.title.blank");
        else if (title.length() > TITLE_MAX) errors.put("title", "notices.error.title.long");
        var body = text(form.get("body"));
        if (body.isEmpty()) errors.put("body", "notices.error.body.blank");
        else if (body.length() > BODY_MAX) errors.put("body", "notices.error.body.long");
        LocalDate replyBy = null;
        var by = text(form.get("replyBy"));
        if (!by.isEmpty()) {
            try {
                replyBy = LocalDate.parse(by);
                if (replyBy.isBefore(LocalDate.now(clock.withZone(Meetings.ZONE))))
                    errors.put("replyBy", "notices.error.replyBy.past");
            } catch (java.time.format.DateTimeParseException e) {
                errors.put("replyBy", "notices.error.replyBy.format");
            }
        }
        var to = addressed(departmentCodes, form.get("region"), errors);
        if (to.isEmpty() && !errors.containsKey("departments") && !errors.containsKey("region"))
            errors.put("departments", "notices.error.departments.none");
        var kept = Attachments.check(files, errors);
        var mine = departments.departmentOf(me);
        if (mine.isEmpty()) throw refuse(me, null, "NOT_AN_OFFICIAL", NoticeRefusedException.notFound());
        var recipients = new LinkedHashMap<UUID, String>();
        for (var d : to) for (var a : departments.officialsOf(d.code())) recipients.putIfAbsent(a, d.code());
        if (errors.isEmpty() && recipients.isEmpty()) errors.put("departments", "notices.error.noRecipients");
        if (!errors.isEmpty()) throw new InvalidNoticeException(errors);
        var id = UUID.randomUUID();
        var now = Instant.now(clock);
        jdbc.sql("""
                insert into notices.notice (id, sender, sender_department, title, body, reply_by, sent_at)
                values (:id, :sender, :dep, :title, :body, :by, :at)""")
                .param("id", id)
                .param("sender", me)
                .param("dep", mine.get())
                .param("title", title)
                .param("body", body)
                .param("by", replyBy == null ? null : Date.valueOf(replyBy))
                .param("at", Timestamp.from(now))
                .update();
        for (var d : to)
            jdbc.sql("insert into notices.notice_department (notice_id, department_code) values (:id, :c)")
                    .param("id", id)
                    .param("c", d.code())
                    .update();
        recipients.forEach((account, dep) -> jdbc.sql("""
                        insert into notices.notice_recipient (notice_id, account_id, department_code)
                        values (:id, :a, :d)""")
                .param("id", id)
                .param("a", account)
                .param("d", dep)
                .update());
        attachments.save("NOTICE", id, kept, now);
        var from =
                departments.department(mine.get()).map(DepartmentView::nameZh).orElse(mine.get());
        for (var account : recipients.keySet())
            notifications.send(SendNotification.inApp(account, "notices.message.notice", id.toString(), title, from));
        audit.recordWithin(AuditRecord.success(
                NoticeAudit.NOTICE_SENT,
                me.toString(),
                id.toString(),
                Map.of(
                        "departments",
                        String.join(",", to.stream().map(DepartmentView::code).toList()),
                        "recipients",
                        String.valueOf(recipients.size()))));
        return id;
    }

    private static final String SELECT = """
            select n.id, n.sender, n.sender_department, n.title, n.body, n.reply_by, n.sent_at, %s as read_at,
                   (select count(*) from notices.notice_recipient x where x.notice_id = n.id) as recipients,
                   (select count(*) from notices.notice_recipient x where x.notice_id = n.id
                      and x.read_at is not null) as read
              from notices.notice n""";

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        var by = rs.getDate("reply_by");
        var read = rs.getTimestamp("read_at");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("sender", UUID.class),
                rs.getString("sender_department"),
                rs.getString("title"),
                rs.getString("body"),
                by == null ? null : by.toLocalDate(),
                rs.getTimestamp("sent_at").toInstant(),
                read == null ? null : read.toInstant(),
                rs.getInt("recipients"),
                rs.getInt("read"));
    }

    /** The notices addressed to the official, newest first, each with when she read it. */
    @Transactional(readOnly = true)
    public List<Row> received(UUID me) {
        return jdbc.sql(SELECT.formatted("r.read_at")
                        + " join notices.notice_recipient r on r.notice_id = n.id and r.account_id = :me"
                        + " order by r.read_at is not null, n.sent_at desc limit 200")
                .param("me", me)
                .query((rs, i) -> row(rs))
                .list();
    }

    /** The notices the official sent, newest first, with how many have read. */
    @Transactional(readOnly = true)
    public List<Row> sent(UUID me) {
        return jdbc.sql(SELECT.formatted("null::timestamptz")
                        + " where n.sender = :me order by n.sent_at desc limit 200")
                .param("me", me)
                .query((rs, i) -> row(rs))
                .list();
    }

    /**
     * A notice for its sender or a recipient; a recipient's first opening marks it read. Anyone else: not found,
     * audited.
     */
    @Transactional
    public Row open(UUID me, UUID id) {
        jdbc.sql("update notices.notice_recipient set read_at = :now where notice_id = :id and account_id = :me"
                        + " and read_at is null")
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("id", id)
                .param("me", me)
                .update();
        return jdbc.sql(SELECT.formatted("r.read_at")
                        + " left join notices.notice_recipient r on r.notice_id = n.id and r.account_id = :me"
                        + " where n.id = :id and (n.sender = :me or r.account_id is not null)")
                .param("me", me)
                .param("id", id)
                .query((rs, i) -> row(rs))
                .optional()
                .orElseThrow(() -> refuse(me, id, "NOT_ADDRESSED", NoticeRefusedException.notFound()));
    }

    /** The notice the official sent; anyone else's: not found, audited. */
    Row ownSent(UUID me, UUID id) {
        return jdbc.sql(SELECT.formatted("null::timestamptz") + " where n.id = :id and n.sender = :me")
                .param("me", me)
                .param("id", id)
                .query((rs, i) -> row(rs))
                .optional()
                .orElseThrow(() -> refuse(me, id, "NOT_SENDER", NoticeRefusedException.notFound()));
    }

    /** Who has read and who has not, for the sender only, by department then name. */
    @Transactional(readOnly = true)
    public List<Receipt> receipts(UUID me, UUID id) {
        ownSent(me, id);
        var rows = jdbc.sql("""
                        select account_id, department_code, read_at from notices.notice_recipient
                         where notice_id = :id order by department_code""")
                .param("id", id)
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3)})
                .list();
        var names =
                departments.officialNames(rows.stream().map(r -> (UUID) r[0]).toList());
        var out = new ArrayList<Receipt>();
        for (var r : rows) {
            var at = (Timestamp) r[2];
            out.add(new Receipt(
                    (UUID) r[0],
                    names.getOrDefault((UUID) r[0], "—"),
                    (String) r[1],
                    at == null ? null : at.toInstant()));
        }
        out.sort(java.util.Comparator.comparing(Receipt::department).thenComparing(Receipt::name));
        return out;
    }

    /** Reminds every recipient who has not read the notice (a message each); the sender only. */
    @Transactional
    public int remind(UUID me, UUID id) {
        var n = ownSent(me, id);
        var unread = jdbc.sql("""
                        select account_id from notices.notice_recipient
                         where notice_id = :id and read_at is null order by account_id""")
                .param("id", id)
                .query((rs, i) -> java.util.Objects.requireNonNull(rs.getObject(1, UUID.class)))
                .list();
        if (unread.isEmpty())
            throw refuse(me, id, "ALL_READ", NoticeRefusedException.conflict("notices.error.allRead"));
        jdbc.sql("update notices.notice_recipient set reminded_at = :now where notice_id = :id and read_at is null")
                .param("now", Timestamp.from(Instant.now(clock)))
                .param("id", id)
                .update();
        for (var account : unread)
            notifications.send(SendNotification.inApp(account, "notices.message.remind", id.toString(), n.title()));
        audit.recordWithin(AuditRecord.success(
                NoticeAudit.NOTICE_REMINDED,
                me.toString(),
                id.toString(),
                Map.of("unread", String.valueOf(unread.size()))));
        return unread.size();
    }

    /** Adds attachments to a notice the official sent; at most Attachments#MAX_FILES in all. */
    @Transactional
    public void attach(UUID me, UUID id, List<Attachments.Upload> files) {
        ownSent(me, id);
        var errors = new LinkedHashMap<String, String>();
        var kept = Attachments.check(files, errors);
        if (kept.isEmpty() && errors.isEmpty()) errors.put("files", "notices.error.file.none");
        if (attachments.count("NOTICE", id) + kept.size() > Attachments.MAX_FILES)
            errors.putIfAbsent("files", "notices.error.file.tooMany");
        if (!errors.isEmpty()) throw new InvalidNoticeException(errors);
        attachments.save("NOTICE", id, kept, Instant.now(clock));
    }

    /** An attachment of a notice the official may read (sender or recipient); otherwise not found, audited. */
    @Transactional
    public Attachments.File attachment(UUID me, UUID id, UUID attachment) {
        open(me, id);
        return attachments
                .file("NOTICE", id, attachment)
                .orElseThrow(() -> refuse(me, id, "NO_ATTACHMENT", NoticeRefusedException.notFound()));
    }

    public List<Attachments.Info> attachments(UUID id) {
        return attachments.of("NOTICE", id);
    }

    NoticeRefusedException refuse(UUID me, @Nullable UUID id, String reason, NoticeRefusedException e) {
        audit.recordNow(AuditRecord.denied(
                NoticeAudit.NOTICE_REFUSED, me.toString(), id == null ? "-" : id.toString(), Map.of("reason", reason)));
        return e;
    }
}
