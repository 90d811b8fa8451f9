package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.LinkedMultiValueMap;
import org.tongban.identity.internal.AccountStore;
import org.tongban.policies.internal.Policies;
import org.tongban.policies.internal.PolicyOffers;
import org.tongban.shared.CreditCode;

/**
 * Issue 12, part 3 in the browser: the policy officer drafts a policy (a rule naming an unknown field is refused on
 * its field with the compiler's words), publishes it and confirms its matched list; 王五's company sees a matched
 * policy with its reasons and a 免申即享 benefit arriving in the message centre and on its benefits page.
 */
class PolicyBrowserTests extends BrowserTest {

    static final String TONGBAN = "91440106MA5D00010" + CreditCode.checkChar("91440106MA5D00010");

    @Autowired
    Policies policies;

    @Autowired
    PolicyOffers offers;

    @Autowired
    AccountStore accounts;

    @Test
    void theOfficerDraftsPublishesAndConfirmsAFreeBenefit() {
        var title = "浏览器测试免申政策" + UUID.randomUUID().toString().substring(0, 8);
        signIn("deptadmin", DEMO_PASSWORD);
        open("/office/policies");
        driver.findElement(By.id("new-policy")).click();
        waitForPath("/office/policies/new");
        type("titleZh", title);
        type("titleEn", "Browser test policy");
        type("benefitZh", "一次性奖励 5 万元。");
        type("benefitEn", "A one-off award of CNY 50,000.");
        date("validFrom", today());
        date("validTo", today().plusYears(1));
        driver.findElement(By.id("automatic")).click();
        type("expression0", "turnover > 100");
        type("wordingZh0", "营业收入超过 100 万元");
        type("wordingEn0", "Turnover above CNY 1 million");
        driver.findElement(By.id("save")).click();
        waitVisible("expression0-error");
        assertThat(driver.findElement(By.id("expression0-error")).getText())
                .contains("规则无法通过检查")
                .contains("undeclared reference to 'turnover'");
        assertThat(driver.findElement(By.id("titleZh")).getAttribute("value")).isEqualTo(title);
        screenshot("policies-rule-refused");

        var rule = driver.findElement(By.id("expression0"));
        rule.clear();
        rule.sendKeys("industry == \"I6513\" && region == \"440106\"");
        var wording = driver.findElement(By.id("wordingZh0"));
        wording.clear();
        wording.sendKeys("天河区软件开发企业");
        var english = driver.findElement(By.id("wordingEn0"));
        english.clear();
        english.sendKeys("Software developer in Tianhe");
        type("expression1", "taxRating == \"A\"");
        type("wordingZh1", "纳税信用 A 级");
        type("wordingEn1", "Tax credit rating A");
        driver.findElement(By.id("save")).click();
        waitVisible("publish");
        screenshot("policies-draft");
        driver.findElement(By.id("publish")).click();
        waitVisible("confirm-yes");
        screenshot("policies-publish-confirm");
        driver.findElement(By.id("confirm-yes")).click();
        waitVisible("matched-count");
        driver.findElement(By.id("matches")).click();
        waitVisible("match-list");
        assertThat(driver.findElement(By.id("match-list")).getText()).contains("广州通办示范科技有限公司");
        screenshot("policies-matches");
        driver.findElement(By.id("grant")).click();
        waitVisible("confirm-yes");
        driver.findElement(By.id("confirm-yes")).click();
        waitVisible("granted-count");
        assertThat(driver.findElement(By.id("match-list")).getText()).contains("已兑现");
        screenshot("policies-granted");
    }

    @Test
    void anEnterpriseSeesAMatchedPolicyWithItsReasonsAndABenefitArriving() {
        var official = accounts.findByIdentifier("deptadmin").orElseThrow().id();
        var applied = "浏览器测试申请政策" + UUID.randomUUID().toString().substring(0, 8);
        policies.publish(
                official,
                policies.draft(
                        official,
                        form(
                                applied,
                                false,
                                "440100-SCJG-003",
                                "industry.startsWith(\"I\")",
                                "属于信息技术服务业",
                                "In IT services",
                                "capital >= 500",
                                "注册资本不少于 500 万元",
                                "Registered capital of at least CNY 5 million",
                                "size == \"大型\"",
                                "大型企业",
                                "Large enterprise")));
        var free = "浏览器测试免申兑现" + UUID.randomUUID().toString().substring(0, 8);
        var freeId = policies.draft(
                official,
                form(
                        free,
                        true,
                        "",
                        "industry == \"I6513\" && region == \"440106\"",
                        "天河区软件开发企业",
                        "Software developer in Tianhe",
                        "!badRecord",
                        "无严重失信记录",
                        "No serious bad-credit record"));
        policies.publish(official, freeId);

        signIn("enterprise", DEMO_PASSWORD);
        open("/business/policies");
        var near = driver.findElement(By.id("near")).getText();
        assertThat(near).contains(applied).contains("属于信息技术服务业").contains("不符合").contains("大型企业");
        var matched = driver.findElement(By.id("matched")).getText();
        assertThat(matched).contains(free).contains("天河区软件开发企业").contains("待发布部门确认后直接兑现");
        screenshot("policies-business-matched");

        offers.grant(official, freeId, List.of(TONGBAN));
        open("/messages");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(free);
        screenshot("policies-benefit-message");
        open("/business/policies/benefits");
        assertThat(driver.findElement(By.id("benefits")).getText()).contains(free);
        screenshot("policies-benefits");
    }

    private void type(String id, String text) {
        var field = driver.findElement(By.id(id));
        field.clear();
        if (!text.isEmpty()) field.sendKeys(text);
    }

    /** A date input takes its typed digits in the browser's locale; set the value as a date picker would. */
    private void date(String id, LocalDate value) {
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), value.toString());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    private static LinkedMultiValueMap<String, String> form(String title, boolean automatic, String item, String... c) {
        var f = new LinkedMultiValueMap<String, String>();
        f.add("titleZh", title);
        f.add("titleEn", "Browser test " + title.substring(title.length() - 8));
        f.add("benefitZh", "一次性补贴 1 万元。");
        f.add("benefitEn", "A one-off subsidy of CNY 10,000.");
        f.add("serviceItem", item);
        if (automatic) f.add("automatic", "true");
        f.add("validFrom", today().minusDays(1).toString());
        f.add("validTo", today().plusYears(1).toString());
        for (int i = 0; i * 3 < c.length; i++) {
            f.add("expression" + i, c[i * 3]);
            f.add("wordingZh" + i, c[i * 3 + 1]);
            f.add("wordingEn" + i, c[i * 3 + 2]);
        }
        return f;
    }
}
