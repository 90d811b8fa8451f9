package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.licenses.internal.LicenseWallet;
import org.tongban.platform.PlatformManagement;

/**
 * 亮证 and 核验 on phones: the citizen shows a license as a QR code, a verifier's browser accepts the current token —
 * pasted, or read from a screenshot of the QR — and refuses the same token once it has expired.
 */
class ShowAndVerifyBrowserTests extends BrowserTest {

    @Autowired
    PlatformManagement platform;

    @AfterEach
    void restoreTheSetting() {
        platform.change(LicenseWallet.SHOW_SECONDS_SETTING, "60", UUID.randomUUID());
    }

    @Test
    void theVerifierAcceptsTheShownTokenAndRefusesItOnceExpired() throws Exception {
        platform.change(LicenseWallet.SHOW_SECONDS_SETTING, "10", UUID.randomUUID());
        signIn("citizen", DEMO_PASSWORD);
        open("/citizen");
        driver.findElement(By.id("wallet-link")).click();
        waitForPath("/citizen/licenses");
        screenshot("license-wallet");
        driver.findElement(By.cssSelector("#wallet li a")).click();
        waitVisible("show-link");
        screenshot("license-detail");
        driver.findElement(By.id("show-link")).click();
        waitVisible("show-qr");
        var token = driver.findElement(By.id("show-token")).getAttribute("textContent");
        assertThat(token).isNotBlank();
        screenshot("license-show");
        // A phone's screenshot: three device pixels to a CSS pixel, as on most phones.
        driver.executeCdpCommand(
                "Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 412, "height", 915, "deviceScaleFactor", 3, "mobile", true));
        var qr = driver.findElement(By.id("show-qr")).getScreenshotAs(OutputType.BYTES);
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());

        // Pasted: valid, with the disclosed fields masked by default.
        open("/verify");
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.id("verify-submit")).click();
        waitVisible("verdict");
        assertThat(driver.findElement(By.id("verdict-text")).getText()).contains("核验通过");
        assertThat(driver.findElement(By.id("verdict")).getText()).contains("*");
        screenshot("license-verified");

        // Read from a picture of the QR code.
        var picture = Files.createTempFile("qr", ".png");
        Files.write(picture, qr);
        open("/verify");
        driver.findElement(By.id("image")).sendKeys(picture.toString());
        driver.findElement(By.id("verify-submit")).click();
        waitVisible("verdict");
        assertThat(driver.findElement(By.id("verdict")).getAttribute("data-outcome"))
                .isIn("VALID", "EXPIRED");
        Files.deleteIfExists(picture);

        // The same token after its ten seconds: expired, and said so.
        Thread.sleep(11_000);
        open("/verify");
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.id("verify-submit")).click();
        waitVisible("verdict");
        assertThat(driver.findElement(By.id("verdict")).getAttribute("data-outcome"))
                .isEqualTo("EXPIRED");
        assertThat(driver.findElement(By.id("verdict-text")).getText()).contains("已过期");
        screenshot("license-expired");
    }

    /**
     * Issue 11, finding 8: the show page shows the license's face (masked), and the token can be copied with a 复制
     * button (the project's copy helper) and selected as text; the copied text is the whole token.
     */
    @Test
    void theShowPageShowsTheFaceAndTheTokenIsCopied() {
        driver.executeCdpCommand(
                "Browser.grantPermissions",
                java.util.Map.of(
                        "origin",
                        BASE,
                        "permissions",
                        java.util.List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
        signIn("citizen", DEMO_PASSWORD);
        open("/citizen/licenses");
        driver.findElement(By.cssSelector("#wallet li a")).click();
        waitVisible("show-link");
        driver.findElement(By.id("show-link")).click();
        waitVisible("show-face");
        assertThat(driver.findElement(By.id("face-holderName")).getText()).isEqualTo("张*");
        assertThat(driver.findElement(By.id("show-status")).getText()).isEqualTo("有效");
        assertThat(driver.findElements(By.id("show-warning"))).isEmpty();
        var copy = driver.findElement(By.id("copy-token"));
        assertThat(copy.isDisplayed()).isTrue();
        assertThat(copy.getText()).isEqualTo("复制亮证码");
        var token = driver.findElement(By.id("show-token")).getAttribute("textContent");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", copy);
        copy.click();
        wait.until(d -> copy.getText().equals("已复制"));
        var copied = driver.executeAsyncScript(
                "var done = arguments[0]; navigator.clipboard.readText().then(done, function (e) { done('' + e); });");
        assertThat(copied).isEqualTo(token);
        // Without the button the text is there to select: open the details and it is shown whole, wrapped.
        driver.findElement(By.cssSelector(".token-text summary")).click();
        assertThat(driver.findElement(By.id("show-token")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("show-token")).getText()).isEqualTo(token);
        screenshot("license-show-face-copy-390");
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'});", driver.findElement(By.id("show-face")));
        screenshot("license-show-face-390");
    }

    /** Issue 11, finding 8: a suspended license is shown with a warning (role=alert) and no QR code. */
    @Test
    void aSuspendedLicenseIsShownWithAWarningAndNoQrCode() {
        signIn("citizen2", DEMO_PASSWORD);
        open("/citizen/licenses");
        var suspended = driver.findElements(By.cssSelector("#wallet li")).stream()
                .filter(li -> li.findElement(By.cssSelector(".badge")).getText().equals("暂扣"))
                .findFirst()
                .orElseThrow();
        suspended.findElement(By.tagName("a")).click();
        waitVisible("show-link");
        driver.findElement(By.id("show-link")).click();
        waitVisible("show-warning");
        var warning = driver.findElement(By.id("show-warning"));
        assertThat(warning.getAttribute("role")).isEqualTo("alert");
        assertThat(warning.getText()).contains("此证照已暂扣").contains("不提供亮证二维码");
        assertThat(driver.findElement(By.id("show-status")).getText()).isEqualTo("暂扣");
        assertThat(driver.findElements(By.id("show-qr"))).isEmpty();
        assertThat(driver.findElements(By.id("copy-token"))).isEmpty();
        screenshot("license-show-suspended-390");
    }

    @Test
    void garbageAndPicturesWithoutACodeGetAClearMessage() throws Exception {
        open("/verify");
        driver.findElement(By.id("token")).sendKeys("not-a-token");
        driver.findElement(By.id("verify-submit")).click();
        waitVisible("verdict");
        assertThat(driver.findElement(By.id("verdict")).getAttribute("data-outcome"))
                .isEqualTo("MALFORMED");
        // The Chinese page speaks Chinese: no English outcome such as "not a license token" beside the verdict.
        assertThat(driver.findElement(By.id("verdict")).getText())
                .doesNotContain("token")
                .doesNotContain("license");

        var blank = Files.createTempFile("blank", ".png");
        Files.write(blank, driver.getScreenshotAs(OutputType.BYTES)); // a page with no QR code on it
        open("/verify");
        driver.findElement(By.id("image")).sendKeys(blank.toString());
        driver.findElement(By.id("verify-submit")).click();
        waitVisible("verify-error");
        assertThat(driver.findElement(By.id("verify-error")).getText()).contains("没有找到二维码");
        Files.deleteIfExists(blank);
    }
}
