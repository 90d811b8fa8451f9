package org.tongban.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.notifications.internal.Deliveries;

/**
 * E-mail over SMTP against a real SMTP server (GreenMail) started here, and the delivery records: sent at once; with
 * the server stopped, failed, retried with back-off and then dead, never lost; sent once the server is back and the
 * operator retries it. Secrets that fail keep nothing.
 */
class DeliveryTests extends IntegrationTest {

    @Autowired
    NotificationManagement notifications;

    @Autowired
    Deliveries deliveries;

    @Autowired
    JdbcClient jdbc;

    GreenMail smtp;

    GreenMail startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) smtp.stop();
    }

    @Test
    void anEmailReachesTheSmtpServerAndIsRecordedAsSentWithNothingKept() throws Exception {
        var server = startSmtp();
        var recipient = UUID.randomUUID();
        notifications.send(
                SendNotification.email(recipient, "li.ming@example.gov.cn", "notifications.passwordChanged"));

        assertThat(server.waitForIncomingEmail(5000, 1)).isTrue();
        var mail = server.getReceivedMessages()[0];
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("li.ming@example.gov.cn");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).isNotBlank();
        var row = row(recipient);
        assertThat(row.status()).isEqualTo("SENT");
        assertThat(row.address()).isEqualTo("l***@example.gov.cn");
        assertThat(row.kept()).isFalse();
        assertThat(notifications.messagesFor(recipient, 10)).hasSize(1);
    }

    @Test
    void whileTheSmtpServerIsDownTheMessageIsRetriedWithBackOffThenDeadAndSentWhenRetriedLater() throws Exception {
        var recipient = UUID.randomUUID();
        notifications.send(
                SendNotification.email(recipient, "wang.fang@example.gov.cn", "notifications.passwordChanged"));
        var first = row(recipient);
        assertThat(first.status()).isEqualTo("FAILED");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.error()).startsWith("SMTP:");
        assertThat(first.kept()).isTrue();
        // The next attempt waits the base delay (30 s), then twice as long each time.
        assertThat(Duration.between(first.createdAt(), first.next())).isEqualTo(Duration.ofSeconds(30));
        assertThat(deliveries.retryDue(first.createdAt().plusSeconds(29), 50)).isZero();

        var asOf = first.createdAt();
        for (int attempt = 2; attempt <= 5; attempt++) {
            asOf = asOf.plus(Duration.ofHours(1));
            deliveries.retryDue(asOf, 1000);
            var now = row(recipient);
            assertThat(now.attempts()).isEqualTo(attempt);
            if (attempt < 5) {
                assertThat(now.status()).isEqualTo("FAILED");
                assertThat(Duration.between(asOf, now.next())).isEqualTo(Duration.ofSeconds(30L << (attempt - 1)));
            } else {
                assertThat(now.status()).isEqualTo("DEAD");
                assertThat(now.next()).isNull();
            }
        }
        // Dead is not lost: the message is in the centre, the delivery keeps what to send, the operator retries it.
        assertThat(notifications.messagesFor(recipient, 10)).hasSize(1);
        var server = startSmtp();
        assertThat(deliveries.retryNow(row(recipient).id())).isTrue();
        assertThat(server.waitForIncomingEmail(5000, 1)).isTrue();
        var sent = row(recipient);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.kept()).isFalse();
        assertThat(deliveries.retryNow(sent.id()))
                .as("a sent delivery is not sent again")
                .isFalse();
    }

    @Test
    void aSecretThatCannotBeDeliveredIsDeadAtOnceAndKeepsNoText() {
        var recipient = UUID.randomUUID();
        notifications.sendOutsideOnly(
                SendNotification.email(recipient, "zhao.lei@example.gov.cn", "notifications.signInCode", "123456"));
        var row = row(recipient);
        assertThat(row.status()).isEqualTo("DEAD");
        assertThat(row.kept()).isFalse();
        assertThat(deliveries.retryNow(row.id())).isFalse();
    }

    @Test
    void theOperatorSeesTheDeadDeliveryWithItsErrorRetriesItAndOthersMayNot() throws Exception {
        var recipient = UUID.randomUUID();
        notifications.send(SendNotification.email(recipient, "sun.li@example.gov.cn", "notifications.passwordChanged"));
        var id = row(recipient).id();
        var operator = signedIn("operator");
        var page = operator.get("/console/notifications");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("delivery-" + id)
                .contains("s***@example.gov.cn")
                .contains("SMTP:");
        assertThat(page.body()).contains("10 秒内送达");

        assertThat(signedIn("manager").get("/console/notifications").status()).isEqualTo(403);
        assertThat(signedIn("citizen").get("/console/notifications").status()).isEqualTo(403);

        var server = startSmtp();
        var done = operator.post("/console/notifications/" + id + "/retry", java.util.Map.of());
        assertThat(done.location()).endsWith("/console/notifications");
        assertThat(server.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(row(recipient).status()).isEqualTo("SENT");
        assertThat(operator.get("/console/notifications").body()).doesNotContain("delivery-" + id);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("select count(*) from audit.audit_event where code = 'DELIVERY_RETRIED' "
                                        + "and subject = :s")
                                .param("s", id.toString())
                                .query(Integer.class)
                                .single()
                        == 1);
    }

    record Row(
            UUID id,
            String status,
            String address,
            int attempts,
            String error,
            Instant createdAt,
            Instant next,
            boolean kept) {}

    Row row(UUID recipient) {
        return jdbc.sql("""
                select id, status, address, attempts, last_error, created_at, next_attempt_at,
                       target_enc is not null and text_enc is not null
                  from notifications.delivery where recipient = :r""")
                .param("r", recipient)
                .query((rs, i) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getString(5),
                        rs.getTimestamp(6).toInstant(),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getBoolean(8)))
                .single();
    }
}
