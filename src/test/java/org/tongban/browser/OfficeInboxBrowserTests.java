package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * Issue 11, finding 9: the officials' inbox uses the width of a 1366 px screen as a table, and on a 390 px phone
 * shows each case as a card without sideways scrolling; the search finds a case by the applicant's name.
 */
class OfficeInboxBrowserTests extends BrowserTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    org.springframework.context.ApplicationContext context;

    private long script(String js) {
        return ((Number) driver.executeScript(js)).longValue();
    }

    @Test
    void theInboxIsATableOnADesktopAndCardsOnAPhoneAndFindsByName() {
        // A name of its own, so that the search finds this one case however many the run filed before.
        var chars = "明华伟芳娜静敏强磊军洋勇艳杰娟涛超秀霞平刚桂";
        var random = new java.util.Random();
        var name = "张" + chars.charAt(random.nextInt(chars.length())) + chars.charAt(random.nextInt(chars.length()));
        var applicant = org.tongban.TestRegistration.levelThree(context, org.tongban.TestPeople.idNumber(), name);
        var item = catalog.search(ItemSearch.of("个体工商户设立登记")).getFirst().code();
        var number = cases.submit(Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString()));

        driver.manage().window().setSize(new Dimension(1366, 900));
        signIn("official", DEMO_PASSWORD);
        open("/office/inbox");
        var table = driver.findElement(By.id("inbox-table"));
        // The list takes the screen's width, not a 640 px column; its column headings show.
        assertThat(table.getSize().getWidth()).isGreaterThan(1100);
        assertThat(driver.findElement(By.cssSelector("#inbox-table thead th")).isDisplayed())
                .isTrue();
        assertThat(script("return document.documentElement.scrollWidth"))
                .isLessThanOrEqualTo(script("return window.innerWidth"));
        screenshot("office-inbox-1366");

        driver.findElement(By.id("q")).sendKeys(name + " 个体工商户");
        driver.findElement(By.id("inbox-search-go")).click();
        wait.until(d -> d.getCurrentUrl().contains("q="));
        waitVisible("case-" + number);
        var row = driver.findElement(By.id("case-" + number));
        assertThat(row.getText()).contains("张*").contains("个体工商户设立登记").contains("前受理");
        assertThat(row.getText()).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-");
        screenshot("office-inbox-1366-found");

        driver.manage().window().setSize(new Dimension(390, 844));
        open("/office/inbox");
        // On a phone the rows are cards: the headings hide, each cell is a line led by its column's name.
        assertThat(driver.findElement(By.cssSelector("#inbox-table thead th")).isDisplayed())
                .isFalse();
        assertThat(driver.findElement(By.cssSelector("#inbox-table tbody tr")).getCssValue("display"))
                .isEqualTo("block");
        assertThat(script("return document.documentElement.scrollWidth")).isLessThanOrEqualTo(390);
        screenshot("office-inbox-390");
    }
}
