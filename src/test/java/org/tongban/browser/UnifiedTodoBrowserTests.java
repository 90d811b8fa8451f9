package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.tongban.workbench.TodoFixtures;

/**
 * The unified to-do (ADR 0040) in a real browser: items of cases, documents and rectifications on {@code /office},
 * found by their own words, with their source and time left; the filter by source (an htmx swap); on a desktop and
 * at 390 px, where the rows are cards.
 */
class UnifiedTodoBrowserTests extends BrowserTest {

    @Autowired
    ApplicationContext context;

    private WebElement row(String words) {
        return driver.findElements(By.cssSelector("#todo-table tr.todo-item")).stream()
                .filter(r -> r.getText().contains(words))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + words));
    }

    @Test
    void theToDoShowsItemsOfThreeSources() {
        var made = new TodoFixtures(context).make();
        signIn("transportofficial", DEMO_PASSWORD);

        driver.manage().window().setSize(new Dimension(1366, 900));
        open("/office");
        assertThat(driver.findElement(By.id("todo-title")).getText()).startsWith("统一待办");
        var rectification = row(made.ratedCase());
        assertThat(rectification.getText()).contains("差评整改").contains("回访整改并答复");
        var kase = row(made.waitingCase());
        assertThat(kase.getText()).contains("办件").contains(TodoFixtures.ITEM).containsPattern("剩 \\d 个工作日");
        var document = row(made.documentTitle());
        assertThat(document.getText()).contains("公文").contains("核稿").contains("无期限");
        assertThat(driver.findElement(By.id("todo-source-documents")).getText()).startsWith("公文 ");
        assertThat(driver.findElement(By.id("inbox-link")).isDisplayed()).isTrue();
        screenshot("office-todo-desktop");

        // The filter swaps the list in place and the address follows.
        driver.findElement(By.id("todo-source-documents")).click();
        wait.until(d -> d.getCurrentUrl().contains("source=documents"));
        wait.until(d -> d.findElements(By.cssSelector("#todo-table tr.todo-item")).stream()
                .allMatch(r -> "documents".equals(r.getAttribute("data-source"))));
        assertThat(row(made.documentTitle()).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("todo-source-documents")).getAttribute("aria-current"))
                .isEqualTo("page");

        driver.manage().window().setSize(new Dimension(390, 844));
        open("/office");
        var card = row(made.waitingCase());
        assertThat(card.getText()).contains("办件");
        assertThat(card.getSize().getWidth()).isLessThanOrEqualTo(390);
        screenshot("office-todo-390");
        // The action link opens the item's own page.
        row(made.documentTitle()).findElement(By.className("todo-action")).click();
        waitForPath("/office/documents/" + made.document());
    }
}
