package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.licenses.internal.LicenseWallet;
import org.tongban.platform.PlatformManagement;

/**
 * The htmx paths in Chromium (ADR 0022), on the narrowest common phone (390 CSS pixels): the inbox filter, the form's
 * group entries and draft, and the license QR each swap part of the page without loading it again (a mark left on
 * the window survives), under the content security policy (no violation reported) and without horizontal scrolling;
 * with JavaScript off, the same controls load the whole page.
 */
class HtmxBrowserTests extends BrowserTest {

    @Autowired
    CatalogManagement catalog;

    @Autowired
    PlatformManagement platform;

    @BeforeEach
    void narrowPhoneAndPolicyWatch() {
        driver.manage().window().setSize(new Dimension(390, 844));
        // Installed before any page script runs, so a violation by htmx at start-up is caught too.
        driver.executeCdpCommand(
                "Page.addScriptToEvaluateOnNewDocument",
                Map.of(
                        "source",
                        "window.__csp = []; document.addEventListener('securitypolicyviolation', function (e) {"
                                + " window.__csp.push(e.violatedDirective + ' ' + e.blockedURI); });"));
    }

    @AfterEach
    void restoreTheSetting() {
        platform.change(LicenseWallet.SHOW_SECONDS_SETTING, "60", UUID.randomUUID());
    }

    @Test
    void theInboxFilterSwapsTheListInPlace() {
        signIn("official", DEMO_PASSWORD);
        open("/office/inbox");
        waitForHtmx();
        mark();
        var toggle = driver.findElement(By.id("only-mine")).getText();
        driver.findElement(By.id("only-mine")).click();
        // The swap replaces the link while the wait reads it: a stale element means "not yet", not a failure.
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> !d.findElement(By.id("only-mine")).getText().equals(toggle));
        assertThat(driver.getCurrentUrl()).contains("mine=true");
        assertSamePage();
        screenshot("htmx-inbox-mine-390");
        driver.findElement(By.id("tab-all")).click();
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.getCurrentUrl().contains("mine=true")
                        && d.findElement(By.id("tab-all")).getAttribute("aria-current") != null);
        assertSamePage();
    }

    @Test
    void aGroupEntryIsAddedAndTheDraftSavedInPlace() {
        var item = catalog.search(ItemSearch.of("出生医学证明首次签发")).getFirst().code();
        signIn("citizen", DEMO_PASSWORD);
        open("/citizen/apply/" + item);
        waitForHtmx();
        mark();
        var entries = driver.findElements(By.cssSelector("fieldset[data-group=guardians]"))
                .size();
        driver.findElement(By.id("add-guardians")).click();
        wait.until(d ->
                d.findElements(By.cssSelector("fieldset[data-group=guardians]")).size() == entries + 1);
        assertSamePage();
        // The keyboard is in the new entry, not lost on the page.
        var focused = driver.switchTo().activeElement().getAttribute("id");
        assertThat(focused).startsWith("guardians-" + entries);
        screenshot("htmx-apply-added-390");
        driver.findElement(By.id("remove-guardians-" + entries)).click();
        wait.until(d ->
                d.findElements(By.cssSelector("fieldset[data-group=guardians]")).size() == entries);
        assertSamePage();
        driver.findElement(By.id("childName")).clear();
        driver.findElement(By.id("childName")).sendKeys("陈小明");
        driver.findElement(By.id("save-draft")).click();
        wait.until(d -> d.findElement(By.id("application-area")).getText().contains("草稿已保存"));
        assertThat(driver.findElement(By.id("childName")).getAttribute("value")).isEqualTo("陈小明");
        assertSamePage();
        // The notice is at the top of the form, and the page scrolls there, so that a sighted person sees it too.
        wait.until(d -> ((Number)
                                driver.executeScript(
                                        "return document.querySelector('#application-area p[role=status]').getBoundingClientRect().top;"))
                        .intValue()
                >= 0);
        screenshot("htmx-apply-saved-390");
    }

    @Test
    void theLicenseQrIsRefreshedInPlace() {
        platform.change(LicenseWallet.SHOW_SECONDS_SETTING, "10", UUID.randomUUID());
        signIn("citizen", DEMO_PASSWORD);
        open("/citizen/licenses");
        driver.findElement(By.cssSelector("#wallet li a")).click();
        waitVisible("show-link");
        driver.findElement(By.id("show-link")).click();
        waitVisible("show-qr");
        waitForHtmx();
        mark();
        var first = token();
        // Ten-second tokens: the page fetches the next one after five.
        wait.until(d -> !token().equals(first));
        assertSamePage();
        screenshot("htmx-show-refreshed-390");
        var second = token();
        driver.findElement(By.id("apply-disclosure")).click();
        wait.until(d -> !token().equals(second));
        assertSamePage();
    }

    @Test
    void withoutJavaScriptTheSameControlsLoadTheWholePage() {
        var item = catalog.search(ItemSearch.of("出生医学证明首次签发")).getFirst().code();
        signIn("official", DEMO_PASSWORD);
        pauseChecks(true);
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        open("/office/inbox");
        driver.findElement(By.id("only-mine")).click();
        wait.until(d -> d.getCurrentUrl().contains("mine=true"));
        assertThat(driver.findElement(By.id("only-mine")).getText()).isEqualTo("显示本部门全部待办");
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        pauseChecks(false);
        signOut();

        signIn("citizen", DEMO_PASSWORD);
        pauseChecks(true);
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", true));
        open("/citizen/apply/" + item);
        var entries = driver.findElements(By.cssSelector("fieldset[data-group=guardians]"))
                .size();
        driver.findElement(By.id("add-guardians")).click();
        wait.until(d ->
                d.findElements(By.cssSelector("fieldset[data-group=guardians]")).size() == entries + 1);
        screenshot("nojs-apply-added-390");
        driver.executeCdpCommand("Emulation.setScriptExecutionDisabled", Map.of("value", false));
        pauseChecks(false);
    }

    @Test
    void theSharedNoticesAndTheLicenseTypesPageAtPhoneWidth() {
        open("/login?error");
        waitVisible("login-error");
        assertThat(driver.findElement(By.id("login-error")).getAttribute("role"))
                .isEqualTo("alert");
        screenshot("notice-login-error-390");
        signIn("manager", DEMO_PASSWORD);
        open("/console/licenses");
        waitVisible("new-type");
        assertThat(driver.findElement(By.cssSelector("#main .hint")).getText())
                .contains("新增证照类型")
                .doesNotContain("只读");
        assertThat(driver.findElement(By.cssSelector("#main .lead")).getText()).startsWith("共");
        screenshot("license-types-390");
    }

    private void signOut() {
        driver.findElement(By.id("sign-out")).click();
        wait.until(d -> !d.findElements(By.id("sign-in-link")).isEmpty());
    }

    /** The shown token, read in the page: the element is replaced by each swap. */
    private String token() {
        return String.valueOf(
                driver.executeScript("var t = document.getElementById('show-token'); return t ? t.textContent : '';"));
    }

    private void waitForHtmx() {
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript("return typeof htmx !== 'undefined';")));
    }

    /** A mark on the window: a page loaded again would lose it. */
    private void mark() {
        driver.executeScript("window.__same = true;");
    }

    private void assertSamePage() {
        assertThat(driver.executeScript("return window.__same === true;")).isEqualTo(true);
        assertThat((List<?>) driver.executeScript("return window.__csp;")).isEmpty();
        var overflow = driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
    }
}
