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

/** The applicant follows a case on the phone: the timeline after the department approved, and the decision link. */
class CaseProgressBrowserTests extends BrowserTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CatalogManagement catalog;

    @Test
    void theApplicantSeesEveryStepAndTheResult() {
        var applicant = account("citizen");
        var official = account("official");
        // A person item of the demo official's department (an enterprise item is filed by an enterprise's
        // representative).
        var item = catalog.search(ItemSearch.of("个体工商户设立登记")).getFirst().code();
        var number = cases.submit(Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString()));
        handling.act(official, number, CaseAction.ACCEPT, "材料齐全");
        handling.act(official, number, CaseAction.REVIEWED, "");
        handling.act(account("official2"), number, CaseAction.APPROVE, "准予补领");

        signIn("citizen", DEMO_PASSWORD);
        waitForPath("/citizen");
        open("/citizen/cases/" + number);
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("已办结：准予");
        assertThat(driver.findElement(By.id("timeline")).getText())
                .contains("受理", "准予补领")
                // The acceptance note is the department's own (InternalOpinionsBrowserTests).
                .doesNotContain("材料齐全");
        screenshot("case-approved");
        assertThat(driver.findElement(By.linkText("下载决定书")).getAttribute("href"))
                .endsWith("/decision.pdf");
    }

    private static UUID account(String login) {
        return UUID.fromString(signedIn(login)
                .json("GET", "/api/v1/me", null)
                .body()
                .replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }
}
