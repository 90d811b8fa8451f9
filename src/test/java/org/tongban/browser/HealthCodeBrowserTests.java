package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 14, part 5 in the browser at phone width: 李四 (yellow: a close contact three days ago) opens her health code,
 * sees the colour and the reason in words and the refreshing QR, prints her offline card (the PDF rendered to PNG
 * with pdftoppm), and the code's token is verified on the public page {@code /verify}.
 */
class HealthCodeBrowserTests extends BrowserTest {

    @Test
    void aHealthCodeIsShownPrintedAndVerified() throws Exception {
        signIn("citizen2", DEMO_PASSWORD);
        open("/citizen");
        driver.findElement(By.id("healthcode-link")).click();
        waitForPath("/citizen/healthcode");
        checkPage();
        assertThat(driver.findElement(By.id("hc-status")).getText()).isEqualTo("黄码");
        assertThat(driver.findElement(By.id("hc-reasons")).getText()).contains("7 天内有密接记录");
        assertThat(driver.findElement(By.id("hc-qr")).findElements(By.tagName("svg")))
                .isNotEmpty();
        screenshot("healthcode-code-390");
        var token = driver.findElement(By.id("hc-token"))
                .getAttribute("textContent")
                .strip();

        driver.findElement(By.id("print-card")).click();
        wait.until(d -> path().matches("/citizen/healthcode/cards/[0-9a-f-]{36}"));
        checkPage();
        assertThat(driver.findElement(By.id("card-validity")).getText()).contains("至");
        screenshot("healthcode-card-page");
        var pdfUrl = driver.findElement(By.id("card-pdf")).getAttribute("href");
        var cookies = new StringBuilder();
        for (var c : driver.manage().getCookies())
            cookies.append(c.getName()).append('=').append(c.getValue()).append("; ");
        var pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(pdfUrl))
                                .header("Cookie", cookies.toString())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        var dir = Path.of("target/screenshots");
        Files.createDirectories(dir);
        var file = dir.resolve("healthcode-card.pdf");
        Files.write(file, pdf.body());
        var process = new ProcessBuilder(
                        "pdftoppm",
                        "-png",
                        "-r",
                        "90",
                        "-singlefile",
                        file.toString(),
                        dir.resolve("healthcode-card-pdf").toString())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor()).isZero();
        assertThat(dir.resolve("healthcode-card-pdf.png")).exists();

        driver.manage().deleteAllCookies();
        open("/verify");
        driver.findElement(By.id("token")).sendKeys(token);
        driver.findElement(By.id("verify-submit")).click();
        waitVisible("verdict");
        checkPage();
        assertThat(driver.findElement(By.id("verdict-text")).getText()).contains("健康码真实有效");
        assertThat(driver.findElement(By.id("verdict")).getText()).contains("黄码", "7 天内有密接记录");
        screenshot("healthcode-verify");
    }

    @Test
    void aSonSeesHisMothersAndHisChildsCodesFromHisOwn() {
        // The demo family (ADR 0043): 王秀英 authorised 张三 for every scope, 张三 is the guardian of 张小宇.
        signIn("citizen", DEMO_PASSWORD);
        open("/citizen/healthcode");
        var family = driver.findElement(By.id("family-codes")).getText();
        assertThat(family).contains("母亲", "王秀英").contains("张小宇");
        driver.findElement(By.partialLinkText("王秀英")).click();
        wait.until(d -> path().matches("/citizen/healthcode/family/[0-9a-f-]{36}"));
        checkPage();
        assertThat(driver.findElement(By.id("hc-member")).getText()).contains("母亲");
        assertThat(driver.findElement(By.id("hc-qr")).findElements(By.tagName("svg")))
                .isNotEmpty();
        screenshot("healthcode-family-390");
    }
}
