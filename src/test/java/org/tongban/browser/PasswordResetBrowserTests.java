package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.TestPeople;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.notifications.DevelopmentOutbox;

/** 忘记密码 at 390 px: from the sign-in page, a code to the phone, a wrong code refused, then the new password. */
class PasswordResetBrowserTests extends BrowserTest {

    @Autowired
    Registration registration;

    @Autowired
    DevelopmentOutbox outbox;

    @Test
    void aCitizenWhoForgotTheirPasswordSetsANewOneWithACodeToTheirPhone() {
        var idNumber = TestPeople.idNumber();
        var phone = TestPeople.phone();
        org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "忘了密码", phone, TestPeople.PASSWORD));

        open("/login");
        driver.findElement(By.id("forgot-password")).click();
        waitForPath("/password-reset");
        screenshot("password-reset");
        driver.findElement(By.id("identifier")).sendKeys(idNumber);
        driver.findElement(By.id("reset-send")).click();
        waitForPath("/password-reset/code");
        var code = lastCodeTo(outbox, phone);
        var wrong = code.equals("000000") ? "111111" : "000000";
        driver.findElement(By.id("code")).sendKeys(wrong);
        driver.findElement(By.id("password")).sendKeys("Neu-Kennwort-2026");
        driver.findElement(By.id("passwordConfirmation")).sendKeys("Neu-Kennwort-2026");
        driver.findElement(By.id("reset-submit")).click();
        waitVisible("code-error");
        assertThat(driver.findElement(By.id("code-error")).getText()).contains("验证码不正确或已失效");
        screenshot("password-reset-wrong-code");

        driver.findElement(By.id("code")).clear();
        driver.findElement(By.id("code")).sendKeys(code);
        driver.findElement(By.id("password")).sendKeys("Neu-Kennwort-2026");
        driver.findElement(By.id("passwordConfirmation")).sendKeys("Neu-Kennwort-2026");
        driver.findElement(By.id("reset-submit")).click();
        waitVisible("password-reset-done");
        screenshot("password-reset-done");
        signIn(idNumber, "Neu-Kennwort-2026");
        waitForPath("/citizen");
    }
}
