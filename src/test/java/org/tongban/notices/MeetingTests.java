package org.tongban.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.notices.internal.MeetingReminders;
import org.tongban.shared.Refusal;

/**
 * Meetings: an end before the start and a start in the past are field errors; invitees by name and by department;
 * attend, decline with a reason, delegate to a colleague of one's department only (who is invited and told); no
 * reply to a cancelled or started meeting; the organiser alone sees the replies and cancels after confirming; the
 * reminders go out once each.
 */
class MeetingTests extends NoticeTestSupport {

    @Autowired
    MeetingReminders reminders;

    @Test
    void anEndBeforeTheStartAndAStartInThePastAreFieldErrorsAndNothingIsWritten() {
        var web = signedIn("deptadmin");
        web.get("/office/meetings/new");
        var title = unique("时间错");
        var page = web.postAll(
                "/office/meetings",
                List.of(
                        Map.entry("title", title),
                        Map.entry("startsAt", inHours(5)),
                        Map.entry("endsAt", inHours(4)),
                        Map.entry("place", "三楼"),
                        Map.entry("agenda", "议程"),
                        Map.entry("departments", TAX)));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("结束时间必须晚于开始时间。", title);
        assertThatThrownBy(() -> meetings.call(
                        id("deptadmin"),
                        Map.of(
                                "title",
                                "",
                                "startsAt",
                                inHours(-2),
                                "endsAt",
                                inHours(-1),
                                "onlineLink",
                                "ftp://x",
                                "agenda",
                                ""),
                        List.of("not-an-id"),
                        List.of(),
                        List.of()))
                .isInstanceOfSatisfying(
                        InvalidNoticeException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("title", "notices.error.title.blank")
                                .containsEntry("startsAt", "notices.error.meeting.startPast")
                                .containsEntry("onlineLink", "notices.error.link")
                                .containsEntry("agenda", "notices.error.agenda.blank")
                                .containsEntry("invitees", "notices.error.invitee"));
        assertThat(jdbc.sql("select count(*) from notices.meeting where title = :t")
                        .param("t", title)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void inviteesReplyAndTheOrganiserSeesWhoHasNotReplied() {
        var id = meeting(unique("推进会"), 30, List.of(id("hrofficial").toString()), List.of(TAX));
        assertThat(messages(id("hrofficial"), "notices.message.meeting", id)).isEqualTo(1);
        assertThat(messages(id("taxofficial"), "notices.message.meeting", id)).isEqualTo(1);
        var tax = signedIn("taxofficial");
        tax.get("/office/meetings/" + id);
        assertThat(tax.post("/office/meetings/" + id + "/reply", Map.of("reply", "ATTEND"))
                        .status())
                .isEqualTo(302);
        var hr = signedIn("hrofficial");
        hr.get("/office/meetings/" + id);
        var noReason = hr.post("/office/meetings/" + id + "/reply", Map.of("reply", "DECLINE", "reason", " "));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.body()).contains("请写明请假原因。");
        hr.post("/office/meetings/" + id + "/reply", Map.of("reply", "DECLINE", "reason", "外出培训"));
        var organiser = signedIn("deptadmin").get("/office/meetings/" + id).body();
        assertThat(organiser).contains("郑强", "参加", "何静", "请假", "外出培训", "谢华", "未回复");
        // An invitee sees her own reply only; another official is told not found (audited).
        assertThat(tax.get("/office/meetings/" + id).body()).doesNotContain("外出培训");
        assertThat(signedIn("healthofficial").get("/office/meetings/" + id).status())
                .isEqualTo(404);
        // The lists: the invitee finds it among her invitations, the organiser among hers (page and API).
        assertThat(tax.get("/office/meetings").body()).contains("推进会");
        assertThat(tax.json("GET", "/api/v1/office/meetings", null).body()).contains(id.toString());
        assertThat(signedIn("deptadmin").get("/office/meetings").body()).contains("推进会");
        assertThatThrownBy(() -> meetings.replies(id("taxofficial"), id)).isInstanceOf(NoticeRefusedException.class);
        assertThatThrownBy(() -> meetings.replies(id("official2"), id))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
        assertThat(audited("NOTICE_REFUSED", id)).isGreaterThanOrEqualTo(2);
        assertThat(audited("MEETING_REPLIED", id)).isEqualTo(2);
    }

    @Test
    void aDelegateMustBeAColleagueOfTheDepartmentAndIsThenInvitedAndTold() {
        var id = meeting(unique("委托"), 30, List.of(id("official").toString()), List.of());
        assertThatThrownBy(() -> meetings.reply(
                        id("official"), id, "DELEGATE", null, id("taxofficial").toString()))
                .isInstanceOfSatisfying(
                        InvalidNoticeException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("delegate", "notices.error.delegate.notColleague"));
        assertThat(jdbc.sql("select count(*) from audit.audit_event where code = 'NOTICE_REFUSED' and subject = :s"
                                + " and details::text like '%DELEGATE_OUTSIDE%'")
                        .param("s", id.toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        meetings.reply(id("official"), id, "DELEGATE", null, id("official2").toString());
        assertThat(messages(id("official2"), "notices.message.delegated", id)).isEqualTo(1);
        assertThat(meetings.one(id("official2"), id).invitation()).isNotNull();
        assertThatThrownBy(() -> meetings.reply(id("official"), id, "ATTEND", null, null))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT));
        meetings.reply(id("official2"), id, "ATTEND", null, null);
        var replies = meetings.replies(id("deptadmin"), id);
        assertThat(replies).anySatisfy(r -> {
            assertThat(r.name()).isEqualTo("陈明");
            assertThat(r.delegateName()).isEqualTo("刘洋");
        });
    }

    @Test
    void noReplyToACancelledOrAStartedMeetingAndCancellingAsksFirst() {
        var id = meeting(unique("取消"), 30, List.of(), List.of(TAX));
        var web = signedIn("deptadmin");
        web.get("/office/meetings/" + id);
        var ask = web.post("/office/meetings/" + id + "/cancel", Map.of("reason", "改期"));
        assertThat(ask.status()).isEqualTo(200);
        assertThat(ask.body()).contains("确定取消这个会议吗？");
        assertThat(meetings.one(id("deptadmin"), id).cancelled()).isFalse();
        assertThat(web.post("/office/meetings/" + id + "/cancel", Map.of("reason", "改期", "confirm", "yes"))
                        .status())
                .isEqualTo(302);
        assertThat(meetings.one(id("deptadmin"), id).cancelled()).isTrue();
        assertThat(messages(id("taxofficial"), "notices.message.cancelled", id)).isEqualTo(1);
        var tax = signedIn("taxofficial");
        tax.get("/office/meetings/" + id);
        var refused = tax.post("/office/meetings/" + id + "/reply", Map.of("reply", "ATTEND"));
        // The page draws the meeting again with the refusal in words; the API answers 409.
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("会议已取消，不能再回复或更改。");
        assertThat(tax.json("POST", "/api/v1/office/meetings/" + id + "/reply", "{\"reply\":\"ATTEND\"}")
                        .status())
                .isEqualTo(409);

        var past = meeting(unique("已开"), 30, List.of(), List.of(TAX));
        jdbc.sql(
                        "update notices.meeting set starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour'"
                                + " where id = :id")
                .param("id", past)
                .update();
        assertThatThrownBy(() -> meetings.reply(id("taxofficial"), past, "ATTEND", null, null))
                .isInstanceOfSatisfying(
                        Refusal.class, e -> assertThat(e.messageKey()).isEqualTo("notices.error.meeting.started"));
        assertThat(audited("NOTICE_REFUSED", id)).isGreaterThanOrEqualTo(2);
        assertThat(audited("NOTICE_REFUSED", past)).isEqualTo(1);
    }

    @Test
    void theRemindersGoOutTheDayBeforeAndTheHourBeforeOnceEach() {
        var id = meeting(unique("提醒"), 20, List.of(id("official").toString()), List.of(TAX));
        meetings.reply(id("taxofficial"), id, "DECLINE", "出差", null);
        var now = Instant.now();
        reminders.remind(now);
        assertThat(messages(id("official"), "notices.message.reminder.day", id)).isEqualTo(1);
        assertThat(messages(id("taxofficial"), "notices.message.reminder.day", id))
                .isZero();
        reminders.remind(now);
        reminders.remind(now.plus(1, ChronoUnit.HOURS));
        assertThat(messages(id("official"), "notices.message.reminder.day", id)).isEqualTo(1);
        assertThat(messages(id("official"), "notices.message.reminder.hour", id))
                .isZero();
        var hourBefore = now.plus(19, ChronoUnit.HOURS).plus(30, ChronoUnit.MINUTES);
        reminders.remind(hourBefore);
        reminders.remind(hourBefore.plus(5, ChronoUnit.MINUTES));
        assertThat(messages(id("official"), "notices.message.reminder.hour", id))
                .isEqualTo(1);
        assertThat(messages(id("official"), "notices.message.reminder.day", id)).isEqualTo(1);
        assertThat(audited("MEETING_REMINDED", id)).isEqualTo(2);
    }
}
