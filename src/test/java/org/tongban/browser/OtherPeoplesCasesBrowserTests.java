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
 * Issue 11, finding 11, in the browser: another person's decision PDF and rating page are the friendly "page not
 * found" (404), not an error page of the server; every other address is in {@code OtherPeoplesCasesTests}.
 */
class OtherPeoplesCasesBrowserTests extends BrowserTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CatalogManagement catalog;

    @Test
    void anotherPersonsDecisionAndRatingAreNotFound() {
        var item = catalog.search(ItemSearch.of("个体工商户设立登记")).getFirst().code();
        var number = cases.submit(Applications.valid(
                cases, catalog, item, account("citizen"), UUID.randomUUID().toString()));
        handling.act(account("official"), number, CaseAction.ACCEPT, "");
        handling.act(account("official"), number, CaseAction.REVIEWED, "");
        handling.act(account("official2"), number, CaseAction.APPROVE, "准予登记");

        signIn("citizen2", DEMO_PASSWORD);
        for (var path : new String[] {"/citizen/cases/" + number + "/decision.pdf", "/ratings/cases/" + number}) {
            open(path);
            var main = driver.findElement(By.tagName("main")).getText();
            assertThat(main).as(path).contains("页面不存在").doesNotContain(number).doesNotContain("准予登记");
        }
        screenshot("other-persons-decision");
    }

    private static UUID account(String login) {
        return UUID.fromString(signedIn(login)
                .json("GET", "/api/v1/me", null)
                .body()
                .replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }
}
