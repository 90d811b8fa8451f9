package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;

class SignInBrowserTests extends BrowserTest {

    @ParameterizedTest
    @CsvSource({
        "citizen,/citizen",
        "enterprise,/business",
        "official,/office",
        "deptadmin,/office",
        "manager,/console",
        "operator,/console",
        "auditor,/console"
    })
    void eachRoleSignsInToItsChannel(String login, String channel) {
        signIn(login, DEMO_PASSWORD);
        waitForPath(channel);
        assertThat(driver.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(driver.findElement(By.id("sign-out")).isDisplayed()).isTrue();
        screenshot("channel-" + login);
    }

    @Test
    void aWrongPasswordShowsAnErrorOnTheSignInPage() {
        signIn("citizen", "Wrong#Password1");
        assertThat(driver.findElement(By.id("login-error")).getText()).contains("不正确");
    }

    @Test
    void theConsoleShowsEachRoleOnlyItsOwnDuties() {
        signIn("operator", DEMO_PASSWORD);
        waitForPath("/console");
        var text = driver.findElement(By.tagName("main")).getText();
        assertThat(text).contains("平台设置").doesNotContain("服务主题").doesNotContain("审计日志");
    }

    @Test
    void theSignInPageInEnglish() {
        open("/login?lang=en");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign in");
        screenshot("login-en");
        open("/?lang=zh-CN");
        screenshot("portal-zh");
    }
}
