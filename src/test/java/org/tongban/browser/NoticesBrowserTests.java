package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.identity.internal.AccountStore;
import org.tongban.notices.internal.Meetings;

/**
 * Issue 13, part 4 in the browser at phone width (390 px): 林芳 (deptadmin) sends a notice to two departments (an
 * empty title refused on its field first), 陈明 (official) finds it and a meeting in his to-do, reads the notice and
 * declines the meeting with a reason, and 林芳 sees that he has read it and what he replied.
 */
class NoticesBrowserTests extends BrowserTest {

    @Autowired
    Meetings meetings;

    @Autowired
    AccountStore accounts;

    @Test
    void aNoticeIsSentReadAndReceiptedAndAMeetingIsAnsweredAtPhoneWidth() {
        var suffix = UUID.randomUUID().toString().substring(0, 6);
        var title = "浏览器测试通知" + suffix;
        var meetingTitle = "浏览器测试会议" + suffix;
        var admin = accounts.findByIdentifier("deptadmin").orElseThrow().id();
        var official = accounts.findByIdentifier("official").orElseThrow().id();
        var start = LocalDateTime.now(Meetings.ZONE)
                .plusDays(2)
                .withHour(10)
                .withMinute(0)
                .withSecond(0)
                .withNano(0);
        var meeting = meetings.call(
                admin,
                Map.of(
                        "title",
                        meetingTitle,
                        "startsAt",
                        start.toString(),
                        "endsAt",
                        start.plusHours(1).toString(),
                        "place",
                        "市政务服务中心 5 楼会议室",
                        "agenda",
                        "一、通报进展\n二、研究下一步工作"),
                List.of(official.toString()),
                List.of(),
                List.of());

        signIn("deptadmin", DEMO_PASSWORD);
        open("/office/notices");
        driver.findElement(By.id("new-notice")).click();
        waitForPath("/office/notices/new");
        driver.findElement(By.id("body")).sendKeys("请于本周内完成政务服务事项梳理。");
        driver.findElement(By.id("dep-440100-SCJG")).click();
        driver.findElement(By.id("dep-440100-SW")).click();
        driver.findElement(By.id("send")).click();
        waitVisible("title-error");
        checkPage();
        assertThat(driver.findElement(By.id("title-error")).getText()).isEqualTo("请填写标题。");
        assertThat(driver.findElement(By.id("dep-440100-SW")).isSelected()).isTrue();
        screenshot("notices-field-error");
        driver.findElement(By.id("title")).sendKeys(title);
        driver.findElement(By.id("send")).click();
        wait.until(d -> path().matches("/office/notices/[0-9a-f-]{36}"));
        checkPage();
        var page = path();
        assertThat(driver.findElement(By.id("read-count")).getText()).contains("共");
        screenshot("notices-sent");

        driver.manage().deleteAllCookies();
        signIn("official", DEMO_PASSWORD);
        // The unified to-do counts both sources; each, filtered, lists its item (a busy official's whole list can
        // be longer than a page, and a notice without a reply-by date sorts after everything dated).
        open("/office");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("通知公告", "会议通知");
        open("/office?source=meetings");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(meetingTitle, "回复会议");
        open("/office?source=notices");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(title, "阅读通知");
        screenshot("notices-todo");
        driver.findElement(By.linkText(title)).click();
        waitForPath(page);
        checkPage();
        assertThat(driver.findElement(By.id("body")).getText()).contains("政务服务事项梳理");
        screenshot("notices-read");

        open("/office/meetings/" + meeting);
        driver.findElement(By.id("reply-DECLINE")).click();
        driver.findElement(By.id("send-reply")).click();
        waitVisible("reason-error");
        checkPage();
        screenshot("meetings-reason-needed");
        driver.findElement(By.id("reply-DECLINE")).click();
        driver.findElement(By.id("reason")).sendKeys("当天在外参加培训");
        driver.findElement(By.id("send-reply")).click();
        wait.until(d -> d.findElement(By.id("my-reply")).getText().contains("请假"));
        checkPage();
        assertThat(driver.findElement(By.id("my-reply")).getText()).contains("当天在外参加培训");
        screenshot("meetings-replied-390");

        driver.manage().deleteAllCookies();
        signIn("deptadmin", DEMO_PASSWORD);
        open(page);
        var receipts = driver.findElement(By.id("receipts")).getText();
        assertThat(receipts).contains("陈明", "广州市市场监督管理局");
        screenshot("notices-receipts");
        open("/office/meetings/" + meeting);
        assertThat(driver.findElement(By.id("replies")).getText()).contains("陈明", "请假", "当天在外参加培训");
        screenshot("meetings-replies");
        driver.findElement(By.id("cancel")).click();
        waitVisible("confirm-question");
        screenshot("meetings-cancel-confirm");
    }
}
