package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * Issue 11, finding 4, on the phone: withdrawing an application and signing out everywhere ask first on a page of
 * their own (cancel goes back, nothing changed; confirm acts), and a department admin is offered no button to
 * withdraw her own role.
 */
class ConfirmationsBrowserTests extends BrowserTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CatalogManagement catalog;

    @Test
    void withdrawingAnApplicationAsksFirstAndCancelChangesNothing() {
        var applicant = UUID.fromString(signedIn("citizen")
                .json("GET", "/api/v1/me", null)
                .body()
                .replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
        var item = catalog.search(ItemSearch.of("无犯罪记录证明")).getFirst().code();
        var number = cases.submit(Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString()));
        signIn("citizen", DEMO_PASSWORD);
        open("/citizen/cases/" + number);
        driver.findElement(By.id("reason")).sendKeys("材料准备不全");
        driver.findElement(By.id("withdraw")).click();
        waitVisible("confirm-question");
        assertThat(driver.findElement(By.id("confirm-question")).getText()).isEqualTo("撤回这份申请？");
        assertThat(noHorizontalScroll()).isTrue();
        screenshot("confirm-withdraw");
        driver.findElement(By.id("confirm-no")).click();
        waitForPath("/citizen/cases/" + number);
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("已提交");

        driver.findElement(By.id("reason")).sendKeys("材料准备不全");
        driver.findElement(By.id("withdraw")).click();
        waitVisible("confirm-yes");
        driver.findElement(By.id("confirm-yes")).click();
        waitForPath("/citizen/cases/" + number);
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("已撤回");
        assertThat(driver.findElement(By.id("timeline")).getText()).contains("材料准备不全");

        open("/account");
        driver.findElement(By.id("sign-out-everywhere")).click();
        waitVisible("confirm-question");
        assertThat(driver.findElement(By.id("confirm-question")).getText()).isEqualTo("退出全部设备？");
        driver.findElement(By.id("confirm-no")).click();
        waitForPath("/account");
    }

    @Test
    void theConfirmationWorksWithoutJavaScript() {
        signIn("citizen2", DEMO_PASSWORD);
        // The page checks (axe-core, the width) run as scripts: paused while the page has none.
        pauseChecks(true);
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", java.util.Map.of("value", true));
        open("/account");
        driver.findElement(By.id("sign-out-everywhere")).click();
        waitVisible("confirm-yes");
        assertThat(driver.findElement(By.id("confirm-detail")).getText()).contains("所有设备");
        driver.findElement(By.id("confirm-yes")).click();
        wait.until(d -> path().equals("/login"));
        assertThat(driver.getCurrentUrl()).contains("signedOutEverywhere");
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", java.util.Map.of("value", false));
        pauseChecks(false);
    }

    @Test
    void aDepartmentAdminHasNoButtonToWithdrawHerself() {
        signIn("deptadmin", DEMO_PASSWORD);
        open("/office/staff");
        var rows = driver.findElements(By.cssSelector("#staff li"));
        var own = rows.stream()
                .filter(r -> r.getText().contains("GZ-SCJG-0002"))
                .findFirst()
                .orElseThrow();
        assertThat(own.getText()).contains("本人");
        assertThat(own.findElements(By.tagName("button"))).isEmpty();
        // Everyone else still active can be withdrawn (rows withdrawn by other tests show 已撤销 instead).
        assertThat(rows.stream()
                        .filter(r -> !r.getText().contains("本人") && !r.getText().contains("已撤销")))
                .allSatisfy(
                        r -> assertThat(r.findElements(By.tagName("button"))).isNotEmpty());
        screenshot("staff-no-self-withdraw");
    }

    private boolean noHorizontalScroll() {
        return (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    }
}
