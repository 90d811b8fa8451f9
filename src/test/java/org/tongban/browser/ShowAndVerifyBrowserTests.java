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
        var token = driver.findElement(By.id("show-token")).getAttribute("value");
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
