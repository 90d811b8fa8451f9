package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * Issue 11, finding 3: officials' internal opinions (review, return, co-signing) stay with the officials; the
 * applicant's timeline on the phone shows the steps that concern them and the decision with its reasons.
 */
class InternalOpinionsBrowserTests extends BrowserTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CatalogManagement catalog;

    @Test
    void theApplicantSeesTheDecisionButNotTheCoSignOrReviewOpinions() {
        var applicant = account("citizen");
        var official = account("official");
        var decider = account("official2");
        var item = catalog.search(ItemSearch.of("个体工商户设立登记")).getFirst().code();
        var number = cases.submit(Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString()));
        handling.act(official, number, CaseAction.ACCEPT, "材料齐全，内部核验通过");
        handling.act(official, number, CaseAction.REVIEWED, "经营场所经电话核实，属实");
        handling.addCoSigner(decider, number, official, "加签 请会签");
        handling.act(official, number, CaseAction.CO_SIGN, "同意，建议准予");
        handling.act(decider, number, CaseAction.APPROVE, "符合条件，准予登记");

        signIn("citizen", DEMO_PASSWORD);
        waitForPath("/citizen");
        open("/citizen/cases/" + number);
        var timeline = driver.findElement(By.id("timeline")).getText();
        screenshot("case-timeline-applicant");
        assertThat(timeline)
                .contains("提交申请", "受理", "符合条件，准予登记")
                .doesNotContain("请会签", "同意，建议准予", "加签", "会签", "经营场所经电话核实", "内部核验");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("请会签", "同意，建议准予", "经营场所经电话核实");

        // The officials still see every opinion on their page.
        driver.manage().deleteAllCookies();
        signIn("official", DEMO_PASSWORD);
        open("/office/cases/" + number);
        assertThat(driver.findElement(By.id("timeline")).getText())
                .contains("加签 请会签", "同意，建议准予", "经营场所经电话核实，属实", "符合条件，准予登记");
    }

    private static UUID account(String login) {
        return UUID.fromString(signedIn(login)
                .json("GET", "/api/v1/me", null)
                .body()
                .replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }
}
