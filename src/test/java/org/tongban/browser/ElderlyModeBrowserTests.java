package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

class ElderlyModeBrowserTests extends BrowserTest {

    @Test
    void theToggleEnlargesThePageAndIsRemembered() {
        open("/");
        assertThat(bodyFontSize()).isEqualTo(16.0);
        screenshot("portal-standard");

        driver.findElement(By.id("elderly-toggle")).click();
        wait.until(d -> bodyClass().contains("elderly"));
        assertThat(bodyFontSize()).isGreaterThanOrEqualTo(20.0);
        screenshot("portal-elderly");

        driver.navigate().refresh();
        assertThat(bodyClass()).contains("elderly");
        open("/login");
        assertThat(bodyClass()).contains("elderly");
        screenshot("login-elderly");

        driver.findElement(By.id("elderly-toggle")).click();
        wait.until(d -> !bodyClass().contains("elderly"));
        assertThat(bodyFontSize()).isEqualTo(16.0);
    }

    @Test
    void theAccountRemembersTheModeAcrossBrowsers() {
        signIn("citizen2", DEMO_PASSWORD);
        waitForPath("/citizen");
        if (!bodyClass().contains("elderly")) {
            driver.findElement(By.id("elderly-toggle")).click();
            wait.until(d -> bodyClass().contains("elderly"));
        }
        screenshot("citizen-elderly");
        driver.manage().deleteAllCookies();
        signIn("citizen2", DEMO_PASSWORD);
        waitForPath("/citizen");
        assertThat(bodyClass()).contains("elderly");
        driver.findElement(By.id("elderly-toggle")).click();
        wait.until(d -> !bodyClass().contains("elderly"));
    }

    /**
     * The body's class, read in one script (no element handle to go stale): the toggle reloads the page, and a read
     * that meets the reload (Chrome says "stale element" or "node does not belong to the document") is read again.
     */
    private String bodyClass() {
        for (int attempt = 0; ; attempt++) {
            try {
                var c = driver.executeScript("return document.body ? document.body.className : '';");
                return c == null ? "" : c.toString();
            } catch (org.openqa.selenium.WebDriverException e) {
                if (attempt >= 5) throw e;
            }
        }
    }

    private double bodyFontSize() {
        var size = driver.findElement(By.tagName("body")).getCssValue("font-size");
        return Double.parseDouble(size.replace("px", ""));
    }
}
