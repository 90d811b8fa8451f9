package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;
import org.tongban.notifications.internal.Deliveries;

/** The operator's dead-letter view: a dead e-mail with its error, sent again once the SMTP server is back. */
class DeliveriesBrowserTests extends BrowserTest {

    @Autowired
    NotificationManagement notifications;

    @Autowired
    Deliveries deliveries;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void theOperatorSeesADeadEmailWithItsErrorAndSendsItAgain() throws Exception {
        var recipient = UUID.randomUUID();
        notifications.send(
                SendNotification.email(recipient, "qian.hua@example.gov.cn", "notifications.passwordChanged"));
        var id = jdbc.sql("select id from notifications.delivery where recipient = :r")
                .param("r", recipient)
                .query(UUID.class)
                .single();
        // The operator's retry while the server is still down makes it dead at once.
        deliveries.retryNow(id);

        signIn("operator", DEMO_PASSWORD);
        open("/console");
        driver.findElement(By.id("deliveries-tile")).click();
        waitVisible("delivery-" + id);
        assertThat(driver.findElement(By.id("delivery-" + id)).getText())
                .contains("死信")
                .contains("SMTP:");
        assertThat(driver.findElement(By.id("timeliness")).getText()).contains("10 秒内送达");
        screenshot("deliveries-dead-letter");

        var smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            driver.findElement(By.cssSelector("#delivery-" + id + " button")).click();
            waitVisible("deliveries-notice");
            assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
            assertThat(driver.findElements(By.id("delivery-" + id))).isEmpty();
            screenshot("deliveries-after-retry");
        } finally {
            smtp.stop();
        }
    }
}
