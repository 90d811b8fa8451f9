package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.platform.FieldProtection;
import org.tongban.shared.CreditCode;

/**
 * Issue 12, part 2 in the browser: a legal representative invites an agent and confirms the grant with the phone's
 * face unlock (Chromium's virtual authenticator); the demo agent is refused the licence wallet outside his scope.
 */
class AgentBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldProtection protection;

    @Test
    void aLegalRepresentativeInvitesAnAgentAndConfirmsWithAPasskey() {
        var idNumber = TestPeople.idNumber();
        TestRegistration.levelThree(context, idNumber, "邓海涛");
        var agentId = TestPeople.idNumber();
        TestRegistration.levelThree(context, agentId, "邝美玲");
        var first17 = "91440106MA5F" + String.format("%05d", (int) (Math.random() * 100000));
        var code = first17 + CreditCode.checkChar(first17);
        jdbc.sql("""
                insert into identity.market_register (credit_code, name, legal_rep_name, legal_rep_idx, address,
                       industry, region_code)
                values (:c, '广州海涛示范咨询有限公司', '邓海涛', :idx, '广州市天河区体育西路9号', '租赁和商务服务业', '440106')""")
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
        open("/business/enterprises/claim");
        driver.findElement(By.id("credit-code")).sendKeys(code);
        driver.findElement(By.id("claim-submit")).click();
        waitVisible("claim-confirm");
        driver.findElement(By.id("claim-confirm")).click();
        waitForPath("/business");

        driver.findElement(By.id("agents-link-" + code)).click();
        waitForPath("/business/enterprises/" + code + "/agents");
        driver.findElement(By.id("agent-name")).sendKeys("邝美玲");
        driver.findElement(By.id("agent-id-number")).sendKeys(agentId);
        driver.findElement(By.id("scope-CASES")).click();
        var validTo = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(6).toString();
        ((JavascriptExecutor) driver)
                .executeScript("document.getElementById('agent-valid-to').value = arguments[0];", validTo);
        screenshot("agent-invite");
        driver.findElement(By.id("agent-submit")).click();
        waitVisible("claim-confirm");
        assertThat(driver.findElement(By.id("agent-grant")).getText())
                .contains("广州海涛示范咨询有限公司")
                .contains("邝*")
                .contains("办件")
                .contains(validTo);
        screenshot("agent-confirm");
        driver.findElement(By.id("claim-confirm")).click();
        waitVisible("agent-granted");
        assertThat(driver.findElement(By.id("agents")).getText())
                .contains("邝*")
                .contains("有效")
                .contains("办件");
        screenshot("agent-granted");
    }

    @Test
    void theDemoAgentFilesWithinScopeAndIsRefusedTheLicenceWallet() {
        signIn("agent", DEMO_PASSWORD);
        waitForPath("/business");
        assertThat(driver.findElement(By.id("current-enterprise-name")).getText())
                .isEqualTo("广州通办示范科技有限公司");
        screenshot("agent-business-home");
        open("/business/cases");
        // Within scope: the case list, not the refusal (a page's CSRF token or a case number may well hold "403").
        assertThat(driver.getTitle()).startsWith("我的办件");
        assertThat(driver.findElements(By.id("agent-out-of-scope"))).isEmpty();
        open("/business/licenses");
        waitVisible("agent-out-of-scope");
        assertThat(driver.getPageSource()).contains("经办人授权不包括这项业务");
        screenshot("agent-out-of-scope");
    }
}
