package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.cases.Applications;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * Issue 14, part 6 in the browser at phone width (ADR 0043): a mother authorises her son with her phone's face unlock
 * (Chromium's virtual authenticator), he accepts with his, switches to her ("正在为 母亲 … 办理"), files a case for her;
 * she sees the case among hers and what he did, and revokes after the confirmation page.
 */
class FamilyBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CatalogManagement catalog;

    @Test
    void aSonFilesACaseForHisMotherWhoSeesItAndTheActivityAndRevokes() throws Exception {
        var names = "甲乙丙丁戊己庚辛壬癸";
        var motherName = "冯桂" + names.charAt((int) (Math.random() * 10));
        var sonName = "冯志" + names.charAt((int) (Math.random() * 10));
        var motherId = ofSex(0);
        TestRegistration.levelThree(context, motherId, motherName);
        var sonId = ofSex(1);
        TestRegistration.levelThree(context, sonId, sonName);
        driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));

        // The mother authorises her son and confirms with her passkey.
        signIn(motherId, TestPeople.PASSWORD);
        waitForPath("/citizen");
        addPasskey();
        open("/citizen/family");
        screenshot("family-empty");
        driver.findElement(By.id("family-new")).click();
        waitForPath("/citizen/family/new");
        driver.findElement(By.id("family-name")).sendKeys(sonName);
        driver.findElement(By.id("family-id-number")).sendKeys(sonId);
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("family-relationship")))
                .selectByValue("CHILD");
        driver.findElement(By.id("scope-CASES")).click();
        driver.findElement(By.id("scope-RECORDS")).click();
        var validTo = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(1).toString();
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById('family-valid-to').value = arguments[0];", validTo);
        screenshot("family-authorise");
        driver.findElement(By.id("family-submit")).click();
        waitVisible("claim-confirm");
        assertThat(driver.findElement(By.id("family-grant")).getText())
                .contains(sonName)
                .contains("儿子")
                .contains("办理事项")
                .contains(validTo);
        screenshot("family-confirm");
        driver.findElement(By.id("claim-confirm")).click();
        waitVisible("family-done");
        assertThat(driver.findElement(By.id("family-grant-status")).getText()).isEqualTo("待亲友接受");
        signOut();

        // The son accepts with his passkey and switches to his mother.
        signIn(sonId, TestPeople.PASSWORD);
        addPasskey();
        open("/citizen/family");
        driver.findElement(By.cssSelector("#family-held a.button")).click();
        waitVisible("claim-confirm");
        screenshot("family-accept");
        driver.findElement(By.id("claim-confirm")).click();
        waitVisible("family-done");
        assertThat(driver.findElement(By.id("family-grant-status")).getText()).isEqualTo("有效");
        open("/citizen/family");
        driver.findElement(By.cssSelector("#family-held button.act-for")).click();
        waitForPath("/citizen");
        assertThat(driver.findElement(By.id("acting-for-text")).getText()).isEqualTo("正在为 母亲 " + motherName + " 办理");
        screenshot("family-acting");

        // He files 无犯罪记录证明 for her: the form is hers (prefilled with her name), the banner on every page.
        var item = catalog.search(ItemSearch.of("无犯罪记录证明")).getFirst();
        var guide = catalog.guide(item.code()).orElseThrow();
        open("/citizen/apply/" + item.code());
        assertThat(driver.findElement(By.id("acting-for")).isDisplayed()).isTrue();
        assertThat(driver.getPageSource()).contains(motherName);
        for (var answer : Applications.answers(guide).entrySet()) {
            ((JavascriptExecutor) driver).executeScript("""
                    const el = document.getElementsByName(arguments[0])[0];
                    if (!el) return;
                    if (el.type === 'checkbox') el.checked = true;
                    else if (el.type === 'radio') {
                      const r = document.querySelector('input[name="' + arguments[0] + '"][value="' + arguments[1] + '"]');
                      if (r) r.checked = true;
                    } else if (!el.value) el.value = arguments[1];""", answer.getKey(), answer.getValue());
        }
        var pdf = Files.createTempFile("material", ".pdf");
        Files.write(pdf, Applications.PDF);
        for (var m : guide.materials()) {
            if (m.source().equals("APPLICANT") && m.necessity().equals("REQUIRED")) {
                driver.findElement(By.id("file-" + m.seq())).sendKeys(pdf.toString());
            }
        }
        screenshot("family-apply");
        driver.findElement(By.id("check-answers")).click();
        waitVisible("submit-application");
        driver.findElement(By.id("submit-application")).click();
        wait.until(d -> path().startsWith("/citizen/cases/"));
        var number = path().substring("/citizen/cases/".length());
        assertThat(driver.findElement(By.id("acting-for")).isDisplayed()).isTrue();
        screenshot("family-filed");
        signOut();

        // The mother sees the case among hers, and what her son did; she revokes.
        signIn(motherId, TestPeople.PASSWORD);
        open("/citizen/cases");
        assertThat(driver.getPageSource()).contains(number);
        open("/citizen/family/activity");
        assertThat(driver.findElement(By.id("family-activity")).getText())
                .contains(sonName + "代您提交了申请")
                .contains(number);
        screenshot("family-activity");
        open("/citizen/family");
        driver.findElement(By.cssSelector("#family-given h3 a")).click();
        waitVisible("family-revoke");
        driver.findElement(By.id("family-revoke")).click();
        waitVisible("confirm-yes");
        screenshot("family-revoke-confirm");
        driver.findElement(By.id("confirm-yes")).click();
        waitForPath("/citizen/family");
        assertThat(driver.findElement(By.id("family-given")).getText()).contains("已撤销");
        screenshot("family-revoked");
    }

    @Test
    void theDemoCitizenActsForHisMotherAndHisSon() {
        signIn("citizen", DEMO_PASSWORD);
        open("/citizen/family");
        assertThat(driver.findElement(By.id("family-held")).getText())
                .contains("母亲 王秀英")
                .contains("儿子 张小宇");
        screenshot("family-demo");
        open("/?lang=en");
        open("/citizen/family");
        assertThat(driver.findElement(By.id("family-held")).getText()).contains("mother");
        open("/?lang=zh");
    }

    /** An ID number whose 17th digit is even (a woman, 0) or odd (a man, 1). */
    private String ofSex(int odd) {
        while (true) {
            var id = TestPeople.idNumber();
            if ((id.charAt(16) - '0') % 2 == odd) return id;
        }
    }

    private void addPasskey() {
        open("/account");
        driver.findElement(By.id("passkey-register")).click();
        waitVisible("passkey-added");
    }

    private void signOut() {
        driver.findElement(By.id("sign-out")).click();
        wait.until(d -> !d.findElements(By.id("sign-in-link")).isEmpty());
    }
}
