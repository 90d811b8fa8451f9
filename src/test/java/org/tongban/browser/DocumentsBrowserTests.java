package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An official document in a real browser: drafted by 陈明 of market regulation, checked by 刘洋, countersigned by the
 * tax bureau, signed and numbered by the leader 林芳, sealed and dispatched, then received and signed for by the
 * human resources bureau. Screenshots of each page go to target/screenshots.
 */
class DocumentsBrowserTests extends BrowserTest {

    @Test
    void draftedCountersignedSignedSealedAndReceivedByAnotherDepartment() {
        signIn("official", DEMO_PASSWORD);
        open("/office/documents/new");
        driver.findElement(By.id("title")).sendKeys("关于浏览器测试工作安排的通知");
        driver.findElement(By.id("mainRecipients-440100-RS")).click();
        driver.findElement(By.id("countersigners-440100-SW")).click();
        driver.findElement(By.id("body")).sendKeys("为做好浏览器测试工作，现将有关事项通知如下。请认真落实。");
        screenshot("documents-draft-form");
        driver.findElement(By.id("save")).click();
        waitVisible("submit");
        var document = path();
        screenshot("documents-draft");
        driver.findElement(By.id("submit")).click();
        // The draft's page shows a status too: wait for the new page's, not the old one's.
        wait.until(d -> d.findElement(By.id("status")).getText().equals("待核稿"));
        signOut();

        signIn("official2", DEMO_PASSWORD);
        open(document);
        driver.findElement(By.id("opinion-check")).sendKeys("要素齐全，同意。");
        driver.findElement(By.id("check")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().equals("会签中"));
        signOut();

        signIn("taxofficial", DEMO_PASSWORD);
        open("/office/documents");
        driver.findElement(By.cssSelector("#to-countersign a[href='" + document + "']"))
                .click();
        waitVisible("countersign");
        driver.findElement(By.id("countersign")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().equals("待签发"));
        signOut();

        signIn("deptadmin", DEMO_PASSWORD);
        open(document);
        driver.findElement(By.id("opinion-sign")).sendKeys("同意印发。");
        driver.findElement(By.id("sign")).click();
        waitVisible("confirm-yes");
        screenshot("documents-confirm-sign");
        driver.findElement(By.id("confirm-yes")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().equals("已签发编号"));
        var number = driver.findElement(By.id("number")).getText();
        assertThat(number).matches("穗市监〔\\d{4}〕[1-9]\\d*号");
        signOut();

        signIn("official", DEMO_PASSWORD);
        open(document);
        driver.findElement(By.id("seal")).click();
        waitVisible("confirm-yes");
        driver.findElement(By.id("confirm-yes")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().equals("已用印"));
        driver.findElement(By.id("dispatch")).click();
        waitVisible("confirm-yes");
        driver.findElement(By.id("confirm-yes")).click();
        wait.until(d -> d.findElement(By.id("status")).getText().equals("已分发"));
        screenshot("documents-dispatched");
        signOut();

        signIn("hrofficial", DEMO_PASSWORD);
        open("/office/documents/incoming?status=DELIVERED");
        screenshot("documents-incoming");
        driver.findElement(By.linkText("关于浏览器测试工作安排的通知")).click();
        waitVisible("sign-for");
        assertThat(driver.findElement(By.id("number")).getText()).isEqualTo(number);
        driver.findElement(By.id("sign-for")).click();
        waitVisible("registration");
        assertThat(driver.findElement(By.id("receipt-status")).getText()).isEqualTo("已签收登记");
        screenshot("documents-received");
    }

    @Test
    void theListsArchiveAndCompletionRatePassTheChecks() {
        signIn("official", DEMO_PASSWORD);
        open("/office");
        driver.findElement(By.id("documents-link")).click();
        waitVisible("documents");
        screenshot("documents-list");
        open("/office/documents?status=DRAFT");
        open("/office/documents/archive?title="
                + java.net.URLEncoder.encode("通知", java.nio.charset.StandardCharsets.UTF_8));
        waitVisible("results");
        screenshot("documents-archive");
        open("/office/documents/archive?from=not-a-date");
        screenshot("documents-archive-bad-date");
        open("/office/documents/completion");
        waitVisible("rates");
        screenshot("documents-completion");
        open("/office/documents");
        driver.findElement(By.cssSelector("#documents a")).click();
        waitVisible("steps");
        screenshot("documents-document");
    }

    private void signOut() {
        driver.findElement(By.id("sign-out")).click();
        wait.until(d -> !d.findElements(By.id("sign-in-link")).isEmpty());
    }
}
