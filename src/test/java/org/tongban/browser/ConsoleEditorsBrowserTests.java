package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * Issue 11, finding 5, on a phone: the manager edits an item with selects and checkboxes, builds two questions and
 * adds a material without writing JSON, publishes, and the citizen's apply page asks those questions.
 */
class ConsoleEditorsBrowserTests extends BrowserTest {

    @Autowired
    CatalogManagement catalog;

    @Test
    void theManagerBuildsAFormAndAMaterialAndTheCitizenIsAskedThem() {
        var item = catalog.search(ItemSearch.of("完税证明开具")).stream()
                .filter(i -> i.nameZh().equals("完税证明开具"))
                .findFirst()
                .orElseThrow()
                .code();
        signIn("manager", DEMO_PASSWORD);
        open("/console/catalog/" + item);
        assertThat(new Select(driver.findElement(By.id("itemType")))
                        .getFirstSelectedOption()
                        .getText())
                .isEqualTo("公共服务");
        assertThat(driver.findElement(By.id("channel-PERSON")).isSelected()).isTrue();
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain("PUBLIC_SERVICE", "WORKING_DAY");
        screenshot("console-item-edit");

        driver.findElement(By.id("form-builder-link")).click();
        waitForPath("/console/catalog/" + item + "/form");
        // Keys of their own, so that the test runs again on the same database.
        var run = Long.toString(System.currentTimeMillis() % 1_000_000);
        addQuestion("taxYear" + run, "纳税年度", "Tax year", "NUMBER", null);
        addQuestion(
                "usage" + run, "证明用途", "Use of the certificate", "SELECT", new String[] {"办理贷款", "Loan", "出国签证", "Visa"
                });
        assertThat(driver.findElement(By.id("questions")).getText()).contains("纳税年度", "证明用途", "整数", "办理贷款");
        driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("q-taxYear" + run)));
        screenshot("console-form-builder");

        open("/console/catalog/" + item + "/materials");
        driver.findElement(By.id("material-name")).sendKeys("购房合同");
        new Select(driver.findElement(By.id("necessity"))).selectByValue("CONDITIONAL");
        driver.findElement(By.id("save-material")).click();
        waitVisible("material-list");
        assertThat(driver.findElement(By.id("material-list")).getText()).contains("购房合同", "视情况提交");
        screenshot("console-materials");

        open("/console/catalog/" + item);
        driver.findElement(By.id("publish")).click();
        waitVisible("confirm-yes");
        driver.findElement(By.id("confirm-yes")).click();
        waitForPath("/console/catalog/" + item);

        driver.manage().deleteAllCookies();
        signIn("citizen", DEMO_PASSWORD);
        open("/citizen/apply/" + item);
        var page = driver.findElement(By.tagName("main")).getText();
        assertThat(page).contains("纳税年度", "证明用途", "购房合同");
        assertThat(new Select(driver.findElement(By.name("usage" + run))).getOptions())
                .extracting(o -> o.getText())
                .contains("办理贷款", "出国签证");
        driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.name("usage" + run)));
        screenshot("citizen-apply-built-form");
    }

    @Test
    void theManagerReadsABadModelInChineseAndEditsLicenseDataItemsAsRows() throws java.io.IOException {
        signIn("manager", DEMO_PASSWORD);
        open("/console/processes");
        assertThat(driver.findElement(By.id("process-models")).getText()).contains("标准审批（受理、审查、决定）");
        var notes = java.nio.file.Files.createTempFile("notes", ".txt");
        java.nio.file.Files.writeString(notes, "这不是流程模型");
        driver.findElement(By.id("file")).sendKeys(notes.toAbsolutePath().toString());
        driver.findElement(By.cssSelector("form[enctype] button[type=submit]")).click();
        waitVisible("file-error");
        assertThat(driver.findElement(By.id("file-error")).getText()).contains("文件不是有效的 BPMN 2.0 XML", "第 1 行");
        driver.executeScript("arguments[0].scrollIntoView()", driver.findElement(By.id("file")));
        screenshot("console-processes-refused");

        open("/console/licenses/CN_ID/fields");
        assertThat(driver.findElement(By.tagName("main")).getText())
                .contains("已签发")
                .doesNotContain("ID_NUMBER");
        screenshot("console-license-fields");

        open("/console/catalog");
        open(driver.findElement(By.cssSelector("#questions, table.list a"))
                        .getAttribute("href")
                        .replace(BASE, "")
                + "/form/new");
        driver.findElement(By.id("save-question")).click();
        waitVisible("question-error");
        screenshot("console-question-refused");
    }

    private void addQuestion(
            String key, String zh, String en, String type, String @org.jspecify.annotations.Nullable [] options) {
        driver.findElement(By.id("add-question")).click();
        waitVisible("question-form");
        driver.findElement(By.id("zh")).sendKeys(zh);
        driver.findElement(By.id("en")).sendKeys(en);
        driver.findElement(By.id("name")).sendKeys(key);
        new Select(driver.findElement(By.id("type"))).selectByValue(type);
        driver.findElement(By.id("required")).click();
        if (options != null) {
            for (int i = 0; i < options.length / 2; i++) {
                driver.findElement(By.id("optZh-" + i)).sendKeys(options[2 * i]);
                driver.findElement(By.id("optEn-" + i)).sendKeys(options[2 * i + 1]);
            }
        }
        if (key.startsWith("taxYear")) screenshot("console-question");
        driver.findElement(By.id("save-question")).click();
        wait.until(d -> !d.findElements(By.id("q-" + key)).isEmpty()
                || !d.findElements(By.id("question-error")).isEmpty());
        assertThat(driver.findElements(By.id("question-error")))
                .as(() -> driver.findElement(By.tagName("main")).getText())
                .isEmpty();
    }
}
