package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * The auditor filters the trail on a phone: events by their names, people by theirs, and the page fits 390 px.
 */
class AuditTrailBrowserTests extends BrowserTest {

    @Test
    void theAuditorFiltersTheTrailByEventOnAPhone() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        signIn("auditor", DEMO_PASSWORD);
        open("/console/audit");
        new Select(driver.findElement(By.id("code"))).selectByVisibleText("登录成功");
        driver.findElement(By.cssSelector("#audit-filters button[type=submit]")).click();
        wait.until(d -> d.getCurrentUrl().contains("code=SIGN_IN_SUCCEEDED"));
        var first = driver.findElement(By.cssSelector(".audit-entry"));
        assertThat(first.getText()).contains("登录成功").contains("吴刚");
        var width = (Long) driver.executeScript("return document.documentElement.scrollWidth;");
        var viewport = (Long) driver.executeScript("return window.innerWidth;");
        assertThat(width).isLessThanOrEqualTo(viewport);
        screenshot("console-audit-390");
    }
}
