package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.SubmitCase;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * Issue 11, findings 2 and 10, beyond what the base class checks on every page (axe-core and the phone's width, ADR
 * 0026): no text stays small in the elderly mode, the focus ring stands out on every background, a failed submit
 * puts the keyboard on an error summary, and a long license identifier on the case page is shortened, fits a phone
 * and is copied whole by a keyboard.
 */
class AccessibilityBrowserTests extends BrowserTest {

    /** Every text's font size and the element it is in, the smallest first (visible elements with text of their own). */
    private static final String SMALLEST_TEXT = """
            var out = [];
            document.querySelectorAll('body *').forEach(function (e) {
              var own = Array.prototype.some.call(e.childNodes, function (n) {
                return n.nodeType === 3 && n.textContent.trim().length > 0; });
              if (!own || !e.getClientRects().length || e.closest('.visually-hidden, .skip')) return;
              out.push([parseFloat(getComputedStyle(e).fontSize), e.tagName.toLowerCase() + '.' + e.className
                + ' ' + e.textContent.trim().slice(0, 20)]);
            });
            out.sort(function (a, b) { return a[0] - b[0]; });
            return out.slice(0, 3);""";

    /** The focused element's outline: its width, and its contrast with the colour behind it. */
    private static final String FOCUS_RING = """
            function rgb(c) { var m = c.match(/[0-9.]+/g).map(Number); return m; }
            function lum(c) { return 0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2]); }
            function ch(v) { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }
            var e = document.activeElement, s = getComputedStyle(e);
            if (s.outlineStyle === 'none') return [e.outerHTML.slice(0, 80), 0, 0];
            var p = e.parentElement, bg = [255, 255, 255];
            while (p) { var c = rgb(getComputedStyle(p).backgroundColor); if (c.length < 4 || c[3] > 0) { bg = c; break; }
              p = p.parentElement; }
            var a = lum(rgb(s.outlineColor)), b = lum(bg);
            return [e.outerHTML.slice(0, 80), parseFloat(s.outlineWidth), (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)];""";

    @Autowired
    CaseManagement cases;

    @Autowired
    CatalogManagement catalog;

    @Test
    void inTheElderlyModeNoTextStaysSmall() {
        open("/");
        driver.findElement(By.id("elderly-toggle")).click();
        wait.until(d ->
                !d.findElements(By.cssSelector("html.elderly body.elderly")).isEmpty());
        var title = size(".tile strong");
        var description = size(".tile span");
        assertThat(description).isGreaterThanOrEqualTo(20.0);
        assertThat(title).isGreaterThan(description);
        assertThat(size(".foot p")).isGreaterThanOrEqualTo(20.0);
        screenshot("a11y-portal-elderly-390");
        for (var page : List.of("/", "/login", "/services", "/verify")) {
            open(page);
            var smallest = (List<?>) driver.executeScript(SMALLEST_TEXT);
            assertThat(((Number) ((List<?>) smallest.getFirst()).getFirst()).doubleValue())
                    .as("the smallest texts on %s: %s", page, smallest)
                    .isGreaterThanOrEqualTo(18.0);
        }
        driver.findElement(By.id("elderly-toggle")).click();
        wait.until(d -> d.findElements(By.cssSelector("body.elderly")).isEmpty());
    }

    @Test
    void theFocusRingStandsOutOnEveryBackground() {
        open("/");
        var body = driver.findElement(By.tagName("body"));
        // The skip link, the header's tools and channels (on red), the search and the tiles (on white).
        for (int i = 0; i < 16; i++) {
            body.sendKeys(Keys.TAB);
            var ring = (List<?>) driver.executeScript(FOCUS_RING);
            assertThat(((Number) ring.get(1)).doubleValue())
                    .as("outline width of %s", ring.getFirst())
                    .isGreaterThanOrEqualTo(2.0);
            assertThat(((Number) ring.get(2)).doubleValue())
                    .as("focus ring contrast of %s", ring.getFirst())
                    .isGreaterThanOrEqualTo(3.0);
            body = driver.switchTo().activeElement();
        }
    }

    @Test
    void aFailedSubmitPutsTheKeyboardOnAnErrorSummaryLinkingToEachField() {
        open("/register");
        driver.findElement(By.id("phone")).sendKeys("123");
        driver.findElement(By.id("register-submit")).click();
        waitVisible("error-summary");
        var summary = driver.findElement(By.id("error-summary"));
        assertThat(driver.switchTo().activeElement()).isEqualTo(summary);
        assertThat(summary.getText()).contains("请更正", "手机号");
        var links = summary.findElements(By.tagName("a"));
        assertThat(links)
                .extracting(a -> a.getAttribute("href").replaceAll(".*#", ""))
                .contains("name", "idNumber", "phone");
        // The summary is the first thing in main, above the form, and the typed value is kept.
        assertThat(driver.executeScript("return document.querySelector('main').firstElementChild.id;"))
                .isEqualTo("error-summary");
        assertThat(driver.findElement(By.id("phone")).getAttribute("value")).isEqualTo("123");
        screenshot("a11y-register-errors-390");
        var phone = links.stream()
                .filter(a -> a.getAttribute("href").endsWith("#phone"))
                .findFirst()
                .orElseThrow();
        phone.sendKeys(Keys.ENTER);
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("phone");

        // Where no field is marked, the page's alert takes the focus.
        signIn("citizen", "Wrong#Password1");
        assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("login-error");
    }

    @Test
    void aLongLicenseIdentifierOnTheCasePageIsShortenedAndCopiedWhole() {
        var citizen = account("citizen");
        var item = catalog.guide(
                        catalog.search(ItemSearch.of("无犯罪记录证明")).getFirst().code())
                .orElseThrow();
        var material = item.materials().stream()
                .filter(m -> "CN_ID".equals(m.licenseType()))
                .findFirst()
                .orElseThrow();
        var license = cases.licenseOptions(citizen, "CN_ID").getFirst().licenseId();
        var materials = new HashMap<>(Applications.materials(cases, item, citizen));
        materials.put(material.seq(), "licence:" + license);
        var number = cases.submit(new SubmitCase(
                item.code(),
                citizen,
                UUID.randomUUID().toString(),
                Applications.answers(cases, item, citizen),
                materials));

        driver.executeCdpCommand(
                "Browser.grantPermissions",
                Map.of("origin", BASE, "permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        signIn("citizen", DEMO_PASSWORD);
        waitForPath("/citizen");
        open("/citizen/cases/" + number);
        var row = driver.findElement(By.cssSelector(".copyable"));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", row);
        screenshot("a11y-case-license-390");
        // Shortened on the screen, whole for screen readers.
        assertThat(row.findElement(By.cssSelector("[aria-hidden=true]")).getText())
                .contains("…")
                .hasSizeLessThan(license.length());
        assertThat(row.findElement(By.cssSelector(".visually-hidden")).getAttribute("textContent"))
                .isEqualTo(license);
        // The material's name is on one line, not a character a line.
        var name = row.findElement(By.xpath("ancestor::li/span[1]"));
        assertThat(name.getText()).isEqualTo(material.name());
        assertThat(name.getSize().getHeight()).isLessThan(2 * name.getSize().getWidth());

        // Reached and pressed with the keyboard: the whole value is copied, and the page says so.
        var copy = row.findElement(By.cssSelector("button.copy"));
        assertThat(copy.getText()).isEqualTo("复制");
        driver.executeScript("arguments[0].focus();", copy);
        driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        wait.until(d -> copy.getText().equals("已复制"));
        assertThat(row.findElement(By.cssSelector("[role=status]")).getAttribute("textContent"))
                .isEqualTo("已复制");
        var copied = driver.executeAsyncScript(
                "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('' + e); });");
        assertThat(copied).isEqualTo(license);
        screenshot("a11y-case-copied-390");
    }

    @Test
    void theChecksOfEveryPageCatchAViolationAndASidewaysScroll() {
        open("/");
        driver.executeScript("var i = document.createElement('img'); i.src = '/assets/img/favicon.svg';"
                + " document.querySelector('main').appendChild(i);");
        assertThatThrownBy(this::checkPage).hasMessageContaining("image-alt");
        open("/");
        driver.executeScript("var d = document.createElement('div'); d.id = 'too-wide'; d.textContent = 'x';"
                + " d.style.width = '600px'; document.querySelector('main').appendChild(d);");
        assertThatThrownBy(this::checkPage)
                .hasMessageContaining("Horizontal scrolling")
                .hasMessageContaining("too-wide");
        open("/");
    }

    private double size(String css) {
        var size = driver.findElement(By.cssSelector(css)).getCssValue("font-size");
        return Double.parseDouble(size.replace("px", ""));
    }

    private static UUID account(String login) {
        return UUID.fromString(signedIn(login)
                .json("GET", "/api/v1/me", null)
                .body()
                .replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }
}
