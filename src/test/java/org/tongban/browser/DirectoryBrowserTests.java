package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * 通讯录 in the browser at 390 px: an official browses the organisation tree, finds 陈明 by the initials "cm", opens
 * his card, then hides her own office room from everyone (a wrong e-mail address refused on its field first, the
 * input kept); in English and in elderly mode too.
 */
class DirectoryBrowserTests extends BrowserTest {

    @Test
    void searchByInitialsOpenACardAndChangeWhoSeesADetail() {
        signIn("official2", DEMO_PASSWORD);
        open("/office/directory");
        checkPage();
        assertThat(driver.findElement(By.id("tree")).getText()).contains("广东省", "广州市");
        screenshot("directory-tree");
        driver.findElement(By.xpath("//summary[span[text()='广州市']]")).click();
        screenshot("directory-tree-open");
        driver.findElement(By.partialLinkText("广州市市场监督管理局")).click();
        waitVisible("people");
        checkPage();
        screenshot("directory-department");

        driver.findElement(By.id("q")).sendKeys("cm");
        driver.findElement(By.id("search")).click();
        waitVisible("people");
        checkPage();
        assertThat(driver.findElement(By.id("people")).getText()).contains("陈明");
        screenshot("directory-search-cm");
        driver.findElement(By.linkText("陈明")).click();
        waitVisible("card");
        checkPage();
        assertThat(driver.findElement(By.id("card-department")).getText()).isEqualTo("广州市市场监督管理局");
        screenshot("directory-card");

        open("/office/directory/me");
        checkPage();
        driver.findElement(By.id("email")).clear();
        driver.findElement(By.id("email")).sendKeys("liu@");
        driver.findElement(By.id("room")).clear();
        driver.findElement(By.id("room")).sendKeys("南楼 502");
        new Select(driver.findElement(By.id("roomSeen"))).selectByValue("SELF");
        driver.findElement(By.id("save")).click();
        waitVisible("email-error");
        checkPage();
        assertThat(driver.findElement(By.id("room")).getAttribute("value")).isEqualTo("南楼 502");
        assertThat(new Select(driver.findElement(By.id("roomSeen")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("SELF");
        screenshot("directory-me-error");
        driver.findElement(By.id("email")).clear();
        driver.findElement(By.id("email")).sendKeys("liuyang@example.gov.cn");
        driver.findElement(By.id("save")).click();
        wait.until(d -> d.getPageSource().contains("已保存联系方式和可见范围"));
        checkPage();
        assertThat(new Select(driver.findElement(By.id("roomSeen")))
                        .getFirstSelectedOption()
                        .getAttribute("value"))
                .isEqualTo("SELF");
        screenshot("directory-me-saved");

        open("/office/directory?q=chenming&lang=en");
        checkPage();
        assertThat(driver.findElement(By.id("people")).getText()).contains("陈明", "Market Regulation");
        screenshot("directory-search-en");
    }
}
