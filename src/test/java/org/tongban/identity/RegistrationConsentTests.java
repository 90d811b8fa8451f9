package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.WebClient;

/**
 * Registration asks for the password twice and for consent to the privacy notice (个人信息保护法); the time of the
 * consent is recorded on the account.
 */
class RegistrationConsentTests extends IntegrationTest {

    @Autowired
    org.tongban.notifications.DevelopmentOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aMismatchedConfirmationAndAMissingConsentAreFieldErrorsWithTheInputKept() {
        var web = new WebClient(BASE);
        assertThat(web.get("/register").body())
                .contains("id=\"privacy-notice\"")
                .contains("个人信息保护告知")
                .contains("id=\"passwordConfirmation\"")
                .contains("id=\"privacyConsent\"");
        var phone = TestPeople.phone();
        var page = web.post(
                "/register",
                Map.of(
                        "idNumber",
                        TestPeople.idNumber(),
                        "name",
                        "王确认",
                        "phone",
                        phone,
                        "password",
                        TestPeople.PASSWORD,
                        "passwordConfirmation",
                        TestPeople.PASSWORD + "x"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("id=\"passwordConfirmation-error\"")
                .contains("两次输入的密码不一致")
                .contains("id=\"privacyConsent-error\"")
                .contains("请阅读个人信息保护告知并勾选同意")
                .contains("value=\"王确认\"")
                .contains("value=\"" + phone + "\"")
                .doesNotContain(TestPeople.PASSWORD);
        assertThat(outbox.lastTextTo(phone)).isEmpty();
    }

    @Test
    void theConsentTimeIsRecordedOnTheAccount() {
        var before = Instant.now().minusSeconds(60);
        var idNumber = TestPeople.idNumber();
        var phone = TestPeople.phone();
        var web = new WebClient(BASE);
        web.get("/register");
        var sent = web.post(
                "/register",
                Map.of(
                        "idNumber",
                        idNumber,
                        "name",
                        "王同意",
                        "phone",
                        phone,
                        "password",
                        TestPeople.PASSWORD,
                        "passwordConfirmation",
                        TestPeople.PASSWORD,
                        "privacyConsent",
                        "yes"));
        assertThat(sent.location()).isEqualTo("/register/code");
        web.get("/register/code");
        assertThat(web.post("/register/code", Map.of("code", lastCodeTo(outbox, phone)))
                        .location())
                .isEqualTo("/login?registered");
        web.signIn(idNumber, TestPeople.PASSWORD);
        var me = web.json("GET", "/api/v1/me", null).body();
        var account = UUID.fromString(me.replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
        var consented = jdbc.sql("select privacy_consented_at from identity.account where id = :id")
                .param("id", account)
                .query(java.sql.Timestamp.class)
                .single();
        assertThat(consented).isNotNull();
        assertThat(consented.toInstant()).isAfter(before);
    }
}
