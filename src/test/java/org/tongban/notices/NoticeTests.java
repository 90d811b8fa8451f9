package org.tongban.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.notices.internal.Meetings;
import org.tongban.shared.Refusal;
import org.tongban.workbench.TodoOwner;
import org.tongban.workbench.TodoProvider;

/**
 * Notices: field errors keep the input and write nothing; only the department admin sends; the recipients are the
 * officials of the chosen departments (or of a region); opening marks read; the sender alone sees the receipts by
 * department and reminds the unread; anyone else is told not found, audited; the to-do lists the unread.
 */
class NoticeTests extends NoticeTestSupport {

    @Autowired
    List<TodoProvider> providers;

    TodoProvider provider(String source) {
        return providers.stream()
                .filter(p -> p.source().equals(source))
                .findFirst()
                .orElseThrow();
    }

    long stored(String title) {
        return jdbc.sql("select count(*) from notices.notice where title = :t")
                .param("t", title)
                .query(Long.class)
                .single();
    }

    @Test
    void anEmptyTitleAndNoDepartmentAreFieldErrorsWithTheInputKeptAndNothingWritten() {
        var web = signedIn("deptadmin");
        web.get("/office/notices/new");
        var body = unique("正文保留");
        var page = web.post("/office/notices", Map.of("title", "", "body", body));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("请填写标题。", "请至少选择一个部门或一个地区。", body);
        assertThat(jdbc.sql("select count(*) from notices.notice where body = :b")
                        .param("b", body)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThatThrownBy(() -> notices.send(
                        id("deptadmin"),
                        Map.of(
                                "title",
                                "x".repeat(81),
                                "body",
                                "正文",
                                "replyBy",
                                LocalDate.now(Meetings.ZONE).minusDays(3).toString()),
                        List.of("NOPE"),
                        List.of()))
                .isInstanceOfSatisfying(
                        InvalidNoticeException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("title", "notices.error.title.long")
                                .containsEntry("replyBy", "notices.error.replyBy.past")
                                .containsEntry("departments", "notices.error.department"));
    }

    @Test
    void anOfficialWithoutTheSendingPermissionIsRefused() {
        var web = signedIn("official");
        assertThat(web.get("/office/notices/new").status()).isEqualTo(403);
        var title = unique("越权");
        assertThat(web.json(
                                "POST",
                                "/api/v1/office/notices",
                                "{\"title\":\"" + title + "\",\"body\":\"x\",\"departments\":[\"440100-SW\"]}")
                        .status())
                .isEqualTo(403);
        assertThat(stored(title)).isZero();
        assertThat(signedIn("citizen").get("/office/notices").status()).isEqualTo(403);
    }

    @Test
    void recipientsReadTheSenderSeesTheReceiptsByDepartmentAndRemindsTheUnread() {
        var title = unique("好差评自查");
        var web = signedIn("deptadmin");
        web.get("/office/notices/new");
        var sent = web.postAll(
                "/office/notices",
                List.of(
                        Map.entry("title", title),
                        Map.entry("body", "请对照指南开展自查。"),
                        Map.entry("departments", MARKET),
                        Map.entry("departments", TAX)));
        assertThat(sent.status()).isEqualTo(302);
        var id = java.util.UUID.fromString(
                sent.location().substring(sent.location().lastIndexOf('/') + 1));
        assertThat(messages(id("official"), "notices.message.notice", id)).isEqualTo(1);
        assertThat(messages(id("taxofficial"), "notices.message.notice", id)).isEqualTo(1);
        assertThat(messages(id("hrofficial"), "notices.message.notice", id)).isZero();

        var owner = new TodoOwner(id("official"), MARKET, Locale.SIMPLIFIED_CHINESE);
        assertThat(provider("notices").waiting(owner, 500))
                .anySatisfy(i -> assertThat(i.title()).isEqualTo(title));
        var read = signedIn("official").get("/office/notices/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains(title, "请对照指南开展自查。").doesNotContain("提醒未读的人");
        assertThat(provider("notices").waiting(owner, 500))
                .noneSatisfy(i -> assertThat(i.title()).isEqualTo(title));
        assertThat(provider("notices").doneSince(owner, Instant.now().minusSeconds(600), 50))
                .anySatisfy(i -> assertThat(i.title()).isEqualTo(title));

        var receipts = web.get("/office/notices/" + id).body();
        assertThat(receipts).contains("广州市市场监督管理局", "国家税务总局广州市税务局", "陈明", "郑强", "未读", "提醒未读的人");
        var before = messages(id("taxofficial"), "notices.message.remind", id);
        assertThat(web.post("/office/notices/" + id + "/remind", Map.of()).status())
                .isEqualTo(302);
        assertThat(messages(id("taxofficial"), "notices.message.remind", id)).isEqualTo(before + 1);
        assertThat(messages(id("official"), "notices.message.remind", id)).isZero();
        assertThat(audited("NOTICE_REMINDED", id)).isEqualTo(1);
        // The API: the sender's receipts; a recipient gets no receipts and may not ask for them.
        assertThat(web.json("GET", "/api/v1/office/notices/" + id + "/receipts", null)
                        .body())
                .contains("陈明", "readAt");
        assertThat(signedIn("taxofficial")
                        .json("GET", "/api/v1/office/notices/" + id, null)
                        .body())
                .contains(title)
                .doesNotContain("陈明");
    }

    @Test
    void whoIsNotARecipientIsToldNotFoundAndTheRefusalIsAudited() {
        var id = notice(unique("不相干"), List.of(TAX));
        assertThat(signedIn("hrofficial").get("/office/notices/" + id).status()).isEqualTo(404);
        assertThat(signedIn("official")
                        .json("GET", "/api/v1/office/notices/" + id, null)
                        .status())
                .isEqualTo(404);
        assertThatThrownBy(() -> notices.receipts(id("taxofficial"), id))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
        assertThatThrownBy(() -> notices.remind(id("official2"), id)).isInstanceOf(NoticeRefusedException.class);
        assertThat(signedIn("official").get("/office/notices").body()).doesNotContain("不相干");
        assertThat(audited("NOTICE_REFUSED", id)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aRegionAddressesEveryDepartmentThereAndAllReadLeavesNobodyToRemind() {
        var admin = id("deptadmin");
        var id = notices.send(
                admin, Map.of("title", unique("地区"), "body", "全市各部门。", "region", "440300"), List.of(), List.of());
        var recipients = jdbc.sql("select account_id from notices.notice_recipient where notice_id = :id")
                .param("id", id)
                .query(java.util.UUID.class)
                .list();
        assertThat(recipients).contains(id("szofficial"), id("szofficial2")).doesNotContain(id("official"));
        recipients.forEach(r -> notices.open(r, id));
        assertThatThrownBy(() -> notices.remind(admin, id))
                .isInstanceOfSatisfying(Refusal.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT));
        assertThatThrownBy(() -> notices.send(
                        admin, Map.of("title", "t", "body", "b", "region", "999999"), List.of(), List.of()))
                .isInstanceOfSatisfying(
                        InvalidNoticeException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("region", "notices.error.region"));
    }

    @Test
    void theApiRefusesAnEmptyTitleWithAFieldError() {
        var web = signedIn("deptadmin");
        var page = web.json(
                "POST", "/api/v1/office/notices", "{\"title\":\"\",\"body\":\"b\",\"departments\":[\"440100-SW\"]}");
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("title");
        var ok = web.json(
                "POST",
                "/api/v1/office/notices",
                "{\"title\":\"" + unique("接口") + "\",\"body\":\"b\",\"departments\":[\"440100-SW\"]}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.body()).contains("\"id\"");
        assertThat(Meetings.ZONE.getId()).isEqualTo("Asia/Shanghai");
    }
}
