package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.WebClient;
import org.tongban.identity.internal.AccountSecurity;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.notifications.DevelopmentOutbox;

/** One-time codes go to the phone only: never into the message centre, its table or the /messages page. */
class OneTimeCodeDeliveryTests extends IntegrationTest {

    @Autowired
    AccountSecurity accountSecurity;

    @Autowired
    Registration registration;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DevelopmentOutbox outbox;

    @Test
    void aSignInCodeIsNotInTheMessageCentre() {
        var idNumber = TestPeople.idNumber();
        var phone = TestPeople.phone();
        var account = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "收码人", phone, TestPeople.PASSWORD));
        var web = new WebClient(BASE);
        web.get("/login?method=code");
        web.post("/login/code/send", Map.of("identifier", idNumber));
        var code = lastCodeTo(outbox, phone);

        web.get("/login?method=code");
        assertThat(web.post("/login/code", Map.of("identifier", idNumber, "code", code))
                        .location())
                .isEqualTo("/home");
        var messages = web.get("/messages");
        assertThat(messages.status()).isEqualTo(200);
        assertThat(messages.body()).doesNotContain(code).doesNotContain("登录验证码");
        assertThat(storedMessages(account)).isZero();
        assertThat(deliveries(account, "notifications.signInCode")).isEqualTo(1);
    }

    @Test
    void aPhoneChangeCodeIsNotInTheMessageCentre() {
        var idNumber = TestPeople.idNumber();
        var account = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "换号收码", TestPeople.phone(), TestPeople.PASSWORD));
        var newPhone = TestPeople.phone();
        accountSecurity.sendPhoneChangeCode(account, newPhone);
        var code = lastCodeTo(outbox, newPhone);

        var web = signedInAs(idNumber);
        assertThat(web.get("/messages").body()).doesNotContain(code);
        assertThat(storedMessages(account)).isZero();
        assertThat(deliveries(account, "notifications.phoneChangeCode")).isEqualTo(1);
    }

    private static WebClient signedInAs(String idNumber) {
        var web = new WebClient(BASE);
        assertThat(web.signIn(idNumber, TestPeople.PASSWORD).location()).isEqualTo("/home");
        return web;
    }

    private int storedMessages(UUID account) {
        return jdbc.sql("select count(*) from notifications.message where recipient = :r and template_key like '%Code'")
                .param("r", account)
                .query(Integer.class)
                .single();
    }

    /** The delivery is kept as evidence: masked address, no text, no message row. */
    private int deliveries(UUID account, String template) {
        return jdbc.sql("""
                select count(*) from notifications.delivery where recipient = :r and template_key = :t
                   and message_id is null and address like '%****%'""")
                .param("r", account)
                .param("t", template)
                .query(Integer.class)
                .single();
    }
}
