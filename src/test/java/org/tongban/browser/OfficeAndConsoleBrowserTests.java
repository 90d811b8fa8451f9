package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/** The department admin's deadline alerts and the manager's handling settings, on a phone. */
class OfficeAndConsoleBrowserTests extends BrowserTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDepartmentAdminUrgesACaseNearItsLimit() {
        var item = catalog.search(ItemSearch.of("营业执照补领")).getFirst().code();
        var number = cases.submit(Applications.valid(
                cases,
                catalog,
                item,
                UUID.fromString(signedIn("enterprise")
                        .json("GET", "/api/v1/me", null)
                        .body()
                        .replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1")),
                UUID.randomUUID().toString()));
        var official = UUID.fromString(signedIn("official")
                .json("GET", "/api/v1/me", null)
                .body()
                .replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
        handling.act(official, number, CaseAction.ACCEPT, "");
        // The limit is 80 % used: the warning date has passed, the due date has not.
        jdbc.sql(
                        "update cases.case_file set warn_date = current_date - 1, due_date = current_date + 2 where number = :n")
                .param("n", number)
                .update();

        signIn("deptadmin", DEMO_PASSWORD);
        open("/office");
        driver.findElement(By.id("at-risk-link")).click();
        waitForPath("/office/at-risk");
        var card = driver.findElement(By.id("risk-" + number));
        assertThat(card.getText()).contains("即将到期");
        card.findElement(By.name("note")).sendKeys("请今天办结");
        screenshot("office-at-risk");
        card.findElement(By.tagName("button")).click();
        wait.until(d -> !d.findElements(By.cssSelector(".notice.ok")).isEmpty());
        assertThat(driver.findElement(By.cssSelector(".notice.ok")).getText()).contains("已催办");
    }

    @Test
    void theManagerSeesAnItemsHandlingSettings() {
        var item = catalog.search(ItemSearch.of("企业设立登记")).getFirst().code();
        signIn("manager", DEMO_PASSWORD);
        open("/console/catalog/" + item);
        driver.findElement(By.id("handling-link")).click();
        waitForPath("/console/catalog/" + item + "/handling");
        assertThat(driver.findElement(By.id("joint-440100-SW")).isSelected()).isTrue();
        assertThat(driver.findElement(By.id("form-builder-link")).getAttribute("href"))
                .endsWith("/form");
        screenshot("console-handling");
    }
}
