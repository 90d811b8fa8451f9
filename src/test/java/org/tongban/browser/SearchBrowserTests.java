package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

/**
 * What a person sees searching (issue 11, finding 1; ADR 0025): the home page's own example 社保 finds the social
 * security card on a 390 px phone, without horizontal scrolling; the manager's synonym list reads on a phone too.
 */
class SearchBrowserTests extends BrowserTest {

    private long pageWidth() {
        return (Long) driver.executeScript("return document.documentElement.scrollWidth");
    }

    @Test
    void theHomePagesExampleSheBaoFindsTheSocialSecurityCard() {
        driver.manage().window().setSize(new Dimension(390, 844));
        open("/");
        var box = driver.findElement(By.id("q"));
        assertThat(box.getAttribute("placeholder")).contains("社保卡");
        box.sendKeys("社保", Keys.ENTER);
        wait.until(d -> path().equals("/services"));
        var results = driver.findElement(By.id("results")).getText();
        assertThat(results).contains("社会保障卡申领");
        assertThat(driver.findElement(By.id("result-count")).getText()).doesNotContain("共 0 项");
        assertThat(pageWidth()).isLessThanOrEqualTo(390);
        screenshot("services-search-shebao-390");

        open("/services?q=%E7%A4%BE%E4%BF%9D%E5%8D%A1"); // 社保卡
        var first = driver.findElement(By.cssSelector("#results li a"));
        assertThat(first.getText()).isEqualTo("社会保障卡申领");

        open("/services?q=%E5%BC%80%E5%85%AC%E5%8F%B8"); // 开公司
        assertThat(driver.findElement(By.id("results")).getText()).contains("企业设立登记");
        open("/services?q=%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7"); // 营业执照
        assertThat(driver.findElement(By.id("results")).getText())
                .contains("营业执照补领")
                .contains("企业设立登记")
                .contains("个体工商户设立登记");
        screenshot("services-search-business-license-390");
    }

    @Test
    void theManagerReadsAndEditsTheSynonymListOnAPhone() {
        driver.manage().window().setSize(new Dimension(390, 844));
        signIn("manager", DEMO_PASSWORD);
        open("/console");
        driver.findElement(By.id("synonyms-tile")).click();
        wait.until(d -> path().equals("/console/catalog/synonyms"));
        assertThat(driver.findElement(By.id("synonyms")).getText())
                .contains("社保")
                .contains("社会保障");
        driver.findElement(By.id("term")).sendKeys("驾照");
        driver.findElement(By.id("save-synonym")).click();
        wait.until(d -> !d.findElements(By.id("synonym-error")).isEmpty());
        // The word typed is kept, the missing expansions are named on their field.
        assertThat(driver.findElement(By.id("term")).getAttribute("value")).isEqualTo("驾照");
        assertThat(driver.findElement(By.id("expansions")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        assertThat(pageWidth()).isLessThanOrEqualTo(390);
        screenshot("console-synonyms-390");

        open("/console/catalog");
        driver.findElement(By.cssSelector("table.list tbody a")).click();
        driver.findElement(By.id("search-terms-link")).click();
        wait.until(d -> path().endsWith("/search-terms"));
        assertThat(driver.findElement(By.id("results")).isDisplayed()).isTrue();
        assertThat(pageWidth()).isLessThanOrEqualTo(390);
        screenshot("console-search-terms-390");
    }
}
