package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.cases.Applications;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * Zero visits, end to end in the browser: a citizen applies online with an upload, an official of the department
 * accepts, reviews and approves on the case page, and the citizen sees the result and rates the service.
 */
class ApplyOnlineBrowserTests extends BrowserTest {

    @Autowired
    CatalogManagement catalog;

    @Test
    void aCitizenAppliesAnOfficialApprovesAndTheCitizenRates() throws Exception {
        var item = catalog.search(ItemSearch.of("个体工商户设立登记")).getFirst().code();
        var pdf = Files.createTempFile("license", ".pdf");
        Files.write(pdf, Applications.PDF);
        var notPdf = Files.createTempFile("fake", ".pdf");
        Files.writeString(notPdf, "this is not a PDF");

        // The guide leads to the form, prefilled from the citizen's identity.
        signIn("citizen", DEMO_PASSWORD);
        waitForPath("/citizen");
        open("/services/" + item);
        driver.findElement(By.linkText("个人在线申请")).click();
        waitForPath("/citizen/apply/" + item);
        assertThat(driver.findElement(By.id("operatorName")).getAttribute("value"))
                .isNotBlank();
        assertThat(driver.findElement(By.id("idNumber")).getAttribute("value")).hasSize(18);
        driver.findElement(By.id("enterpriseName")).sendKeys("广州市天河区张记示范小吃店");
        new Select(driver.findElement(By.id("organisation"))).selectByValue("PERSONAL");
        driver.findElement(By.id("capital")).sendKeys("5");
        driver.findElement(By.id("address")).sendKeys("广州市天河区体育西路 1 号");
        driver.findElement(By.id("businessScope")).sendKeys("小吃服务");

        // Errors are shown per field, answers are kept, and a file named .pdf that is no PDF is refused.
        driver.findElement(By.id("file-1")).sendKeys(notPdf.toString());
        driver.findElement(By.id("check-answers")).click();
        waitVisible("form-error");
        assertThat(driver.findElement(By.id("declaration-error")).getText()).contains("承诺");
        assertThat(driver.findElement(By.id("file-1-error")).getText()).contains("PDF");
        assertThat(driver.findElement(By.id("address")).getAttribute("value")).isEqualTo("广州市天河区体育西路 1 号");
        assertThat(driver.findElement(By.id("enterpriseName")).getAttribute("value"))
                .isEqualTo("广州市天河区张记示范小吃店");
        screenshot("apply-errors");

        driver.findElement(By.id("declaration")).click();
        driver.findElement(By.id("file-1")).sendKeys(pdf.toString());
        driver.findElement(By.id("file-2")).sendKeys(pdf.toString());
        driver.findElement(By.id("check-answers")).click();
        waitVisible("submit-application");
        assertThat(driver.findElement(By.id("answers")).getText()).contains("广州市天河区张记示范小吃店", "个人经营");
        assertThat(driver.findElement(By.id("chosen-materials")).getText())
                .contains(pdf.getFileName().toString());
        screenshot("apply-check");
        driver.findElement(By.id("submit-application")).click();
        wait.until(d -> path().startsWith("/citizen/cases/"));
        var number = path().substring("/citizen/cases/".length());
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("已提交");
        signOut();

        // The official finds the case in the inbox and handles each step on the case page.
        // The inbox shows the soonest deadlines first, a page at a time: she types the number the applicant gave.
        signIn("official", DEMO_PASSWORD);
        open("/office/inbox");
        driver.findElement(By.id("q")).sendKeys(number);
        driver.findElement(By.id("inbox-search-go")).click();
        waitVisible("case-" + number);
        driver.findElement(By.cssSelector("#case-" + number + " a")).click();
        waitForPath("/office/cases/" + number);
        assertThat(driver.findElement(By.id("materials")).getText())
                .contains(pdf.getFileName().toString());
        screenshot("office-case");
        // 补正: the official names the material to correct and why; without a pick nothing is sent.
        var claim = driver.findElements(By.id("act-CLAIM"));
        if (!claim.isEmpty()) {
            claim.getFirst().click();
            waitVisible("act-ACCEPT");
        }
        driver.findElement(By.cssSelector("#correction summary")).click();
        driver.findElement(By.id("act-REQUEST_CORRECTION")).click();
        waitVisible("corrections-error");
        driver.findElement(By.id("pick-MATERIAL-2")).click();
        driver.findElement(By.id("reason-MATERIAL-2")).sendKeys("扫描件不清晰，请重新上传");
        screenshot("office-correction-request");
        driver.findElement(By.id("act-REQUEST_CORRECTION")).click();
        wait.until(d -> path().equals("/office/inbox"));
        signOut();

        // The applicant's page 补正材料 shows the reason and asks for that material only.
        signIn("citizen", DEMO_PASSWORD);
        open("/citizen/cases/" + number + "/correct");
        assertThat(driver.getTitle()).startsWith("补正材料");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("补正材料");
        assertThat(driver.findElement(By.id("back-to-case")).getAttribute("href"))
                .endsWith("/citizen/cases/" + number);
        assertThat(driver.findElement(By.id("correction-points")).getText()).contains("扫描件不清晰，请重新上传");
        assertThat(driver.findElements(By.id("file-2"))).hasSize(1);
        assertThat(driver.findElements(By.id("file-1"))).isEmpty();
        assertThat(driver.findElements(By.id("address"))).isEmpty();
        screenshot("citizen-correction");
        driver.findElement(By.id("check-answers")).click();
        waitVisible("file-2-error");
        driver.findElement(By.id("file-2")).sendKeys(pdf.toString());
        driver.findElement(By.id("check-answers")).click();
        wait.until(d -> path().equals("/citizen/cases/" + number));
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("已提交");
        signOut();

        signIn("official", DEMO_PASSWORD);
        open("/office/cases/" + number);
        act("ACCEPT", "材料齐全，予以受理");
        open("/office/cases/" + number);
        act("REVIEWED", "经营场所符合要求");
        signOut();
        // Another official decides: who accepted and reviewed may not (separation of duties).
        signIn("official2", DEMO_PASSWORD);
        open("/office/cases/" + number);
        act("APPROVE", "准予登记");
        signOut();

        // The citizen sees the result and rates it.
        signIn("citizen", DEMO_PASSWORD);
        open("/citizen/cases/" + number);
        assertThat(driver.findElement(By.id("case-status")).getText()).isEqualTo("已办结：准予");
        // The decision's reasons reach the applicant; the officials' acceptance and review notes do not.
        assertThat(driver.findElement(By.id("timeline")).getText())
                .contains("受理", "准予登记")
                .doesNotContain("材料齐全，予以受理", "经营场所符合要求");
        driver.findElement(By.linkText("评价（好差评）")).click();
        waitVisible("rating-form");
        // The overall level first; the indicators only for 基本满意 or worse, and a 差评 must say why.
        assertThat(driver.findElements(By.cssSelector("#rating-form input[required]")))
                .extracting(e -> e.getAttribute("name"))
                .containsOnly("level");
        assertThat(driver.findElement(By.id("indicators")).isDisplayed()).isFalse();
        driver.findElement(By.cssSelector("label[for=level-2]")).click();
        assertThat(driver.findElement(By.id("indicators")).isDisplayed()).isTrue();
        driver.findElement(By.id("rating-submit")).click();
        waitVisible("reasons-error");
        screenshot("rating-bad-needs-reason");
        driver.findElement(By.cssSelector("label[for=level-4]")).click();
        assertThat(driver.findElement(By.id("indicators")).isDisplayed()).isFalse();
        var height = ((Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                        .executeScript("return document.documentElement.scrollHeight"))
                .intValue();
        assertThat(height).as("the page of a 满意 rating at 390 px").isLessThan(2000);
        screenshot("rating-form");
        driver.findElement(By.id("comment")).sendKeys("全程网办，没有跑腿");
        driver.findElement(By.id("rating-submit")).click();
        wait.until(d -> d.findElements(By.id("rating-form")).isEmpty());
        assertThat(driver.getPageSource()).contains("全程网办，没有跑腿");
        screenshot("apply-rated");
        Files.deleteIfExists(pdf);
        Files.deleteIfExists(notPdf);
    }

    @Test
    void theFormWorksInEnglishAndInElderlyMode() {
        // An item with the simple person form, whose 邮寄地址 is asked only when the result is posted.
        var item = catalog.search(ItemSearch.of("户口迁入（投靠亲属）")).stream()
                .filter(i -> i.nameZh().equals("户口迁入（投靠亲属）"))
                .findFirst()
                .orElseThrow()
                .code();
        signIn("citizen2", DEMO_PASSWORD);
        open("/citizen/apply/" + item + "?lang=en");
        assertThat(driver.findElement(By.id("check-answers")).getText()).isEqualTo("Next: check your answers");
        // A conditional question appears when its answer holds.
        assertThat(driver.findElement(By.id("postAddress")).isDisplayed()).isFalse();
        new Select(driver.findElement(By.id("delivery"))).selectByValue("POST");
        assertThat(driver.findElement(By.id("postAddress")).isDisplayed()).isTrue();
        driver.findElement(By.id("elderly-toggle")).click();
        wait.until(
                d -> !d.findElements(By.cssSelector("body.elderly #save-draft")).isEmpty());
        screenshot("apply-en-elderly");
        driver.findElement(By.id("save-draft")).click();
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector(".notice.ok")).stream()
                        .anyMatch(n -> n.getText().contains("Draft saved")));
    }

    private void act(String action, String opinion) {
        var claim = driver.findElements(By.id("act-CLAIM"));
        if (!claim.isEmpty()) {
            claim.getFirst().click();
            waitVisible("act-" + action);
        }
        driver.findElement(By.id("opinion")).sendKeys(opinion);
        driver.findElement(By.id("act-" + action)).click();
        wait.until(d -> path().equals("/office/inbox"));
        assertThat(driver.findElements(By.cssSelector(".notice.bad"))).isEmpty();
    }

    private void signOut() {
        driver.findElement(By.id("sign-out")).click();
        wait.until(d -> !d.findElements(By.id("sign-in-link")).isEmpty());
    }
}
