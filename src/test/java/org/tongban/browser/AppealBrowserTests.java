package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 12, part 4 in the browser: 王五's company sends a complaint to the government (a missing text refused on its
 * field with the input kept), 市场监督管理局's official finds it in the department's requests and replies, and the
 * company reads the reply and rates it.
 */
class AppealBrowserTests extends BrowserTest {

    @Test
    void aRequestIsSubmittedAnsweredAndRated() {
        var title = "浏览器测试诉求" + UUID.randomUUID().toString().substring(0, 6);
        signIn("enterprise", DEMO_PASSWORD);
        open("/business");
        driver.findElement(By.id("requests-link")).click();
        waitForPath("/business/requests");
        driver.findElement(By.id("new-request")).click();
        waitForPath("/business/requests/new");
        driver.findElement(By.id("kind-COMPLAINT")).click();
        new Select(driver.findElement(By.id("category"))).selectByValue("MARKET");
        driver.findElement(By.id("title")).sendKeys(title);
        driver.findElement(By.id("submit")).click();
        waitVisible("body-error");
        checkPage();
        assertThat(driver.findElement(By.id("body-error")).getText()).contains("内容至少 10 个字");
        assertThat(driver.findElement(By.id("title")).getAttribute("value")).isEqualTo(title);
        screenshot("appeals-field-error");
        driver.findElement(By.id("body")).sendKeys("楼下商户长期占用消防通道堆放货物，请依法处理。");
        driver.findElement(By.id("submit")).click();
        wait.until(d -> path().matches("/business/requests/[0-9a-f-]{36}"));
        checkPage();
        var page = path();
        assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("待受理");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("市场监督管理局");
        screenshot("appeals-submitted");

        driver.manage().deleteAllCookies();
        signIn("official", DEMO_PASSWORD);
        open("/office/requests");
        screenshot("appeals-office-list");
        driver.findElement(By.linkText(title)).click();
        wait.until(d -> path().startsWith("/office/requests/"));
        checkPage();
        driver.findElement(By.id("reply-text")).sendKeys("已派员现场检查，责令商户清理消防通道，并将持续巡查。");
        driver.findElement(By.id("send-reply")).click();
        waitVisible("reply");
        checkPage();
        assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("已答复");
        screenshot("appeals-office-replied");

        driver.manage().deleteAllCookies();
        signIn("enterprise", DEMO_PASSWORD);
        open(page);
        assertThat(driver.findElement(By.id("reply")).getText()).contains("责令商户清理消防通道");
        driver.findElement(By.id("rating-SATISFIED")).click();
        driver.findElement(By.id("rate")).click();
        waitVisible("rating");
        checkPage();
        assertThat(driver.findElement(By.id("rating")).getText()).contains("满意");
        assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("已评价");
        screenshot("appeals-rated");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        open(page);
        screenshot("appeals-rated-390");
    }
}
