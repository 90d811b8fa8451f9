package org.tongban.notices.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The meetings' tables: meetings, invitees with their replies. */
@Component
public class MeetingStore {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A meeting, with the reader's own invitation (null when she is not invited) and reply counts. */
    public record Meeting(
            UUID id,
            UUID organiser,
            String organiserDepartment,
            String title,
            Instant startsAt,
            Instant endsAt,
            @Nullable String place,
            @Nullable String onlineLink,
            String agenda,
            String status,
            @Nullable String cancelReason,
            @Nullable Invitee invitation,
            int invitees,
            int replied) {

        public boolean cancelled() {
            return status.equals("CANCELLED");
        }
    }

    /** An invitee and her reply (null: none yet); the names are filled for the organiser's list only. */
    public record Invitee(
            UUID account,
            String department,
            @Nullable String reply,
            @Nullable String reason,
            @Nullable UUID delegate,
            @Nullable UUID delegatedBy,
            @Nullable Instant repliedAt,
            @Nullable String name,
            @Nullable String delegateName) {

        Invitee named(String name, @Nullable String delegateName) {
            return new Invitee(
                    account, department, reply, reason, delegate, delegatedBy, repliedAt, name, delegateName);
        }
    }

    private final JdbcClient jdbc;

    MeetingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A time as shown in messages (China time, to the minute). */
    public static String format(Instant at) {
        return SHOWN.format(at.atZone(Meetings.ZONE));
    }

    void insert(
            UUID id,
            UUID organiser,
            String department,
            String title,
            Instant starts,
            Instant ends,
            String place,
            String link,
            String agenda,
            Instant now) {
        jdbc.sql("""
                insert into notices.meeting (id, organiser, organiser_department, title, starts_at, ends_at, place,
                                             online_link, agenda, status, created_at)
                values (:id, :o, :d, :t, :s, :e, :p, :l, :a, 'SCHEDULED', :now)""")
                .param("id", id)
                .param("o", organiser)
                .param("d", department)
                .param("t", title)
                .param("s", Timestamp.from(starts))
                .param("e", Timestamp.from(ends))
                .param("p", place.isEmpty() ? null : place)
                .param("l", link.isEmpty() ? null : link)
                .param("a", agenda)
                .param("now", Timestamp.from(now))
                .update();
    }

    void invite(UUID meeting, UUID account, String department, @Nullable UUID delegatedBy, Instant now) {
        jdbc.sql("""
                insert into notices.meeting_invitee (meeting_id, account_id, department_code, delegated_by, invited_at)
                values (:m, :a, :d, :by, :now) on conflict do nothing""")
                .param("m", meeting)
                .param("a", account)
                .param("d", department)
                .param("by", delegatedBy)
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean invited(UUID meeting, UUID account) {
        return jdbc.sql("select count(*) from notices.meeting_invitee where meeting_id = :m and account_id = :a")
                        .param("m", meeting)
                        .param("a", account)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    void reply(UUID meeting, UUID account, String reply, @Nullable String reason, @Nullable UUID delegate, Instant at) {
        jdbc.sql("""
                update notices.meeting_invitee set reply = :r, reason = :reason, delegate = :d, replied_at = :at
                 where meeting_id = :m and account_id = :a""")
                .param("r", reply)
                .param("reason", reason)
                .param("d", delegate)
                .param("at", Timestamp.from(at))
                .param("m", meeting)
                .param("a", account)
                .update();
    }

    void lock(UUID meeting) {
        jdbc.sql("select id from notices.meeting where id = :id for update")
                .param("id", meeting)
                .query()
                .listOfRows();
    }

    private static final String SELECT = """
            select m.*, i.account_id as i_account, i.department_code as i_department, i.reply as i_reply,
                   i.reason as i_reason, i.delegate as i_delegate, i.delegated_by as i_delegated_by,
                   i.replied_at as i_replied_at,
                   (select count(*) from notices.meeting_invitee x where x.meeting_id = m.id) as invitees,
                   (select count(*) from notices.meeting_invitee x where x.meeting_id = m.id
                      and x.reply is not null) as replied
              from notices.meeting m
              left join notices.meeting_invitee i on i.meeting_id = m.id and i.account_id = :me""";

    Optional<Meeting> find(UUID id, UUID me) {
        return jdbc.sql(SELECT + " where m.id = :id")
                .param("me", me)
                .param("id", id)
                .query((rs, i) -> meeting(rs))
                .optional();
    }

    /** The meetings the official is invited to: those waiting for her reply first, then by start, newest first. */
    List<Meeting> invitationsOf(UUID me) {
        return jdbc.sql(SELECT + " where i.account_id is not null " + """
                         order by (m.status = 'SCHEDULED' and i.reply is null and m.starts_at > now()) desc,
                                  m.starts_at desc limit 200""")
                .param("me", me)
                .query((rs, i) -> meeting(rs))
                .list();
    }

    List<Meeting> organisedBy(UUID me) {
        return jdbc.sql(SELECT + " where m.organiser = :me order by m.starts_at desc limit 200")
                .param("me", me)
                .query((rs, i) -> meeting(rs))
                .list();
    }

    List<Invitee> invitees(UUID meeting) {
        return jdbc.sql("""
                select * from notices.meeting_invitee where meeting_id = :m order by department_code, invited_at""")
                .param("m", meeting)
                .query((rs, i) -> invitee(rs, ""))
                .list();
    }

    private static Meeting meeting(ResultSet rs) throws SQLException {
        return new Meeting(
                rs.getObject("id", UUID.class),
                rs.getObject("organiser", UUID.class),
                rs.getString("organiser_department"),
                rs.getString("title"),
                rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(),
                rs.getString("place"),
                rs.getString("online_link"),
                rs.getString("agenda"),
                rs.getString("status"),
                rs.getString("cancel_reason"),
                rs.getObject("i_account", UUID.class) == null ? null : invitee(rs, "i_"),
                rs.getInt("invitees"),
                rs.getInt("replied"));
    }

    private static Invitee invitee(ResultSet rs, String p) throws SQLException {
        var at = rs.getTimestamp(p + "replied_at");
        return new Invitee(
                rs.getObject(p.isEmpty() ? "account_id" : "i_account", UUID.class),
                rs.getString(p.isEmpty() ? "department_code" : "i_department"),
                rs.getString(p + "reply"),
                rs.getString(p + "reason"),
                rs.getObject(p + "delegate", UUID.class),
                rs.getObject(p + "delegated_by", UUID.class),
                at == null ? null : at.toInstant(),
                null,
                null);
    }
}
