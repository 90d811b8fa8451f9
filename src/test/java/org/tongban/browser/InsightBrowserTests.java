package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * 效能监管 in the browser: the manager opens the province's dashboard from the console (the charts drawn by ECharts
 * from the tables), drills down from a figure to the cases behind it, opens the wall screen; the department admin
 * sees the own department's dashboard. Screenshots at desktop width and at 390 px.
 */
class InsightBrowserTests extends BrowserTest {

    @Test
    void dashboardsDrillDownAndWallScreen() {
        signIn("manager", DEMO_PASSWORD);
        driver.manage().window().setSize(new Dimension(1366, 900));
        open("/console");
        driver.findElement(By.id("insight-link")).click();
        waitForPath("/console/insight");
        checkPage();
        wait.until(d -> !d.findElements(By.cssSelector("#by-day .chart svg")).isEmpty()
                || !d.findElements(By.id("by-day-none")).isEmpty());
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("效能监管 · 全省");
        screenshot("insight-province");
        scrollTo("by-item");
        screenshot("insight-province-charts");
        driver.findElement(By.cssSelector("#kpi-all")).click();
        waitForPath("/console/insight/cases");
        checkPage();
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("办件量");
        screenshot("insight-drill");
        open("/console/insight/wall");
        checkPage();
        screenshot("insight-wall");
        driver.manage().window().setSize(new Dimension(390, 844));
        open("/console/insight");
        checkPage();
        screenshot("insight-province-390");
        scrollTo("by-day");
        screenshot("insight-province-charts-390");
        open("/console/insight/cases?figure=all&days=365");
        screenshot("insight-drill-390");
        open("/console/insight/wall");
        screenshot("insight-wall-390");

        driver.manage().deleteAllCookies();
        signIn("deptadmin", DEMO_PASSWORD);
        open("/office/insight");
        checkPage();
        assertThat(driver.findElement(By.tagName("h1")).getText()).contains("市场监督管理局");
        screenshot("insight-department-390");
        driver.manage().window().setSize(new Dimension(1366, 900));
        open("/office/insight?days=365");
        screenshot("insight-department");
        scrollTo("by-item");
        screenshot("insight-department-charts");
    }

    private void scrollTo(String id) {
        driver.executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }
}
