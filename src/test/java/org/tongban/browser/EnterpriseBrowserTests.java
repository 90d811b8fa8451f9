package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.platform.FieldProtection;
import org.tongban.shared.CreditCode;

/**
 * Issue 12, parts 1 and 2 in the browser: a legal representative claims an enterprise (a wrong check character
 * first, then the right code) and confirms with the phone's face unlock, Chromium's virtual authenticator standing
 * in; the demo representative switches between the two companies he acts for.
 */
class EnterpriseBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldProtection protection;

    @Test
    void aLegalRepresentativeClaimsAnEnterpriseWithAPasskey() {
        var idNumber = TestPeople.idNumber();
        TestRegistration.levelThree(context, idNumber, "黄志明");
        var first17 = "91440106MA5E" + String.format("%05d", (int) (Math.random() * 100000));
        var code = first17 + CreditCode.checkChar(first17);
        jdbc.sql("""
                insert into identity.market_register (credit_code, name, legal_rep_name, legal_rep_idx, address,
                       industry, region_code)
                values (:c, '广州志明示范信息技术有限公司', '黄志明', :idx, '广州市天河区珠江新城花城大道8号', '软件和信息技术服务业', '440106')""")
                .param("c", code)
                .param("idx", protection.blindIndex(idNumber, "identity.person.id_number"))
                .update();
        driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));

        signIn(idNumber, TestPeople.PASSWORD);
        waitForPath("/citizen");
        open("/account");
        driver.findElement(By.id("passkey-register")).click();
        waitVisible("passkey-added");

        open("/citizen");
        driver.findElement(By.id("claim-link")).click();
        waitForPath("/business/enterprises/claim");
        var wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        driver.findElement(By.id("credit-code")).sendKeys(wrong);
        driver.findElement(By.id("claim-submit")).click();
        waitVisible("credit-code-error");
        assertThat(driver.findElement(By.id("credit-code-error")).getText()).contains("校验位不正确");
        assertThat(driver.findElement(By.id("credit-code")).getAttribute("value"))
                .isEqualTo(wrong);
        screenshot("enterprise-claim-wrong-check");

        var field = driver.findElement(By.id("credit-code"));
        field.clear();
        field.sendKeys(code);
        driver.findElement(By.id("claim-submit")).click();
        waitVisible("claim-confirm");
        assertThat(driver.findElement(By.id("claim-entity")).getText())
                .contains("广州志明示范信息技术有限公司")
                .contains(code)
                .contains("黄*");
        screenshot("enterprise-claim-confirm");

        driver.findElement(By.id("claim-confirm")).click();
        waitForPath("/business");
        waitVisible("claimed-notice");
        assertThat(driver.findElement(By.id("current-enterprise-name")).getText())
                .isEqualTo("广州志明示范信息技术有限公司");
        assertThat(driver.findElement(By.id("current-enterprise-code")).getText())
                .isEqualTo(code);
        screenshot("enterprise-claimed");
    }

    @Test
    void theDemoRepresentativeSwitchesBetweenHisCompanies() {
        signIn("enterprise", DEMO_PASSWORD);
        waitForPath("/business");
        assertThat(driver.findElement(By.id("current-enterprise-name")).getText())
                .isEqualTo("广州通办示范科技有限公司");
        open("/business/cases");
        new Select(driver.findElement(By.id("enterprise-switch"))).selectByVisibleText("广州粤味示范餐饮管理有限公司");
        driver.findElement(By.id("enterprise-switch-submit")).click();
        wait.until(
                d -> d.findElement(By.id("current-enterprise-name")).getText().equals("广州粤味示范餐饮管理有限公司"));
        assertThat(path()).isEqualTo("/business/cases");
        screenshot("enterprise-switched");
        open("/business");
        assertThat(driver.findElement(By.id("current-enterprise-name")).getText())
                .isEqualTo("广州粤味示范餐饮管理有限公司");
        screenshot("enterprise-business-home");
    }
}
