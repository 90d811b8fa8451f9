package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.tongban.shared.IdNumber;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange as people use it: market regulation's officer requests fields of the population resource (a field
 * not shared is refused on the form), the police officer approves it narrowed and sees the credential once, the
 * requester's system calls the gateway with it, and the citizen sees the read on /citizen/data and consents.
 */
class ExchangeBrowserTests extends BrowserTest {

    static final String ZHANG_SAN = IdNumber.parse("44010619900307123" + IdNumber.checkChar("44010619900307123"))
            .value();

    @Test
    void aDepartmentRequestsTheOwnerApprovesAndTheCitizenSeesTheRead() throws Exception {
        signIn("official", DEMO_PASSWORD);
        open("/office");
        driver.findElement(By.id("exchange-link")).click();
        waitVisible("catalogue");
        screenshot("exchange-catalogue");
        driver.findElement(By.cssSelector("#resource-POPULATION_BASIC a")).click();
        waitVisible("request-form");
        // 民族 is 不予共享: refused on the field, the input kept.
        driver.findElement(By.id("ask-name")).click();
        driver.findElement(By.id("ask-ethnicity")).click();
        driver.findElement(By.id("purpose")).sendKeys("核验个体工商户经营者身份");
        driver.findElement(By.id("legalBasis")).sendKeys("《市场主体登记管理条例》第十三条");
        driver.findElement(By.id("request-submit")).click();
        waitVisible("fields-error");
        assertThat(driver.findElement(By.id("purpose")).getAttribute("value")).isEqualTo("核验个体工商户经营者身份");
        screenshot("exchange-request-not-shared");
        driver.findElement(By.id("ask-ethnicity")).click();
        driver.findElement(By.id("ask-birth_date")).click();
        driver.findElement(By.id("request-submit")).click();
        waitVisible("status");
        assertThat(driver.findElement(By.id("status")).getText()).isEqualTo("待审批");
        screenshot("exchange-request-sent");
        var requestPath = path();

        driver.manage().deleteAllCookies();
        signIn("police", DEMO_PASSWORD);
        open("/office/exchange/requests");
        screenshot("exchange-requests-incoming");
        open(requestPath);
        waitVisible("approve-form");
        screenshot("exchange-request-to-decide");
        // Narrowed: only the name.
        driver.findElement(By.id("grant-birth_date")).click();
        driver.findElement(By.id("approve-submit")).click();
        waitVisible("credential");
        screenshot("exchange-credential-once");
        var clientId = driver.findElement(By.id("client-id")).getText();
        var secret = driver.findElement(By.id("client-secret")).getText();
        var scope = driver.findElement(By.id("client-scope")).getText();
        assertThat(driver.findElement(By.id("granted-fields")).getText()).isEqualTo("姓名");
        // Shown once: not on the next visit.
        open(requestPath);
        assertThat(driver.findElements(By.id("credential"))).isEmpty();

        // The requesting department's system calls the gateway.
        var http = HttpClient.newHttpClient();
        var basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var token = JsonMapper.builder()
                .build()
                .readTree(http.send(
                                HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                                        .header("Authorization", "Basic " + basic)
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString(
                                                "grant_type=client_credentials&scope=" + scope))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body())
                .get("access_token")
                .asString();
        var answer = http.send(
                HttpRequest.newBuilder(URI.create(BASE + "/exchange/v1/POPULATION_BASIC/" + ZHANG_SAN))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("张三");

        driver.manage().deleteAllCookies();
        signIn("citizen", DEMO_PASSWORD);
        open("/citizen");
        driver.findElement(By.id("my-data-link")).click();
        waitVisible("reads");
        assertThat(driver.findElement(By.id("reads")).getText()).contains("广州市市场监督管理局", "人口基本信息", "核验个体工商户经营者身份", "姓名");
        screenshot("exchange-citizen-reads");
        open("/citizen/data?lang=en");
        screenshot("exchange-citizen-reads-en");
        open("/citizen/data?lang=zh");
    }
}
