package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.identity.internal.AccountSecurity;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;

/**
 * 刷脸: a passkey registered after sign-in, then used to sign in, through Chromium's virtual authenticator
 * (the DevTools WebAuthn domain) standing in for the phone's face unlock.
 */
class PasskeyBrowserTests extends BrowserTest {

    @Autowired
    AccountSecurity accountSecurity;

    @Autowired
    Registration registration;

    @Autowired
    org.tongban.notifications.DevelopmentOutbox outbox;

    @Test
    void aPasskeyRegisteredAfterSignInThenSignsIn() {
        var idNumber = TestPeople.idNumber();
        var account = TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "刷脸人", TestPeople.phone(), TestPeople.PASSWORD));
        var authenticator = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true)
                .setIsUserConsenting(true));

        signIn(idNumber, TestPeople.PASSWORD);
        waitForPath("/citizen");
        open("/account");
        var label = driver.findElement(By.id("passkey-label"));
        label.clear();
        label.sendKeys("测试手机");
        driver.findElement(By.id("passkey-register")).click();
        wait.until(d -> d.findElement(By.id("passkey-list")).getText().contains("测试手机"));
        assertThat(authenticator.getCredentials()).hasSize(1);
        assertThat(accountSecurity.passkeys(account)).extracting(p -> p.label()).containsExactly("测试手机");
        // Added: a success notice, and the passkey with the day it was added.
        assertThat(driver.findElement(By.id("passkey-added")).getText()).contains("已开通");
        assertThat(driver.findElement(By.id("passkey-list")).getText())
                .contains("添加于")
                .contains("上次使用");
        screenshot("account-passkey");

        // Renamed by its holder.
        var name = driver.findElement(By.id("passkey-name-0"));
        name.clear();
        name.sendKeys("张三的华为手机");
        driver.findElement(By.id("passkey-rename-0")).click();
        wait.until(d -> d.findElement(By.id("passkey-list")).getText().contains("张三的华为手机"));
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("名称已修改");
        assertThat(accountSecurity.passkeys(account)).extracting(p -> p.label()).containsExactly("张三的华为手机");

        driver.findElement(By.id("sign-out")).click();
        wait.until(d -> path().equals("/"));
        open("/login");
        driver.findElement(By.id("passkey-signin")).click();
        waitForPath("/citizen");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("刷*");
        // Another account cannot rename it.
        var passkey = accountSecurity.passkeys(account).getFirst();
        assertThat(accountSecurity.renamePasskey(java.util.UUID.randomUUID(), passkey.credentialId(), "别人的"))
                .isFalse();
    }

    @Test
    void withoutARegisteredPasskeyTheSignInSaysSo() {
        driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true));
        open("/login");
        driver.findElement(By.id("passkey-signin")).click();
        waitVisible("passkey-error");
        assertThat(path()).isEqualTo("/login");
    }
}
