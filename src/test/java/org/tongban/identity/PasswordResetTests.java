package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.WebClient;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.notifications.DevelopmentOutbox;

/**
 * 忘记密码 (issue 11, finding 7; ADR 0037): a one-time code to the verified phone sets a new password; the answer is
 * the same for a name without an account; wrong, expired and over-guessed codes are refused; every session ends; the
 * request, the reset and the refusals are audited, and the holder is told. Before, there was no way back in.
 */
class PasswordResetTests extends IntegrationTest {

    private static final String NEW_PASSWORD = "Neu-Kennwort-2026";

    @Autowired
    Registration registration;

    @Autowired
    DevelopmentOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    private record Person(UUID account, String idNumber, String phone) {}

    private Person registered(String name) {
        var idNumber = TestPeople.idNumber();
        var phone = TestPeople.phone();
        var account = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, name, phone, TestPeople.PASSWORD));
        return new Person(account, idNumber, phone);
    }

    /** Asks for a code as the page does; returns the client on the code step. */
    private static WebClient asked(String identifier) {
        var web = new WebClient(BASE);
        assertThat(web.get("/login").body()).contains("href=\"/password-reset\"");
        web.get("/password-reset");
        assertThat(web.post("/password-reset", Map.of("identifier", identifier)).location())
                .isEqualTo("/password-reset/code");
        return web;
    }

    private static WebClient.Page reset(WebClient web, String code, String password, String confirmation) {
        web.get("/password-reset/code");
        return web.post(
                "/password-reset/code",
                Map.of("code", code, "password", password, "passwordConfirmation", confirmation));
    }

    private long audited(String code, String subject, String result) {
        return jdbc.sql("select count(*) from audit.audit_event where code = :c and subject = :s and result = :r")
                .param("c", code)
                .param("s", subject)
                .param("r", result)
                .query(Long.class)
                .single();
    }

    @Test
    void theCodeToTheVerifiedPhoneSetsANewPasswordAndEndsEverySession() {
        var person = registered("找回密码");
        var elsewhere = new WebClient(BASE);
        assertThat(elsewhere.signIn(person.idNumber(), TestPeople.PASSWORD).location())
                .isEqualTo("/home");
        assertThat(elsewhere.get("/account").status()).isEqualTo(200);

        var web = asked(person.idNumber());
        var page = web.get("/password-reset/code");
        assertThat(page.body()).contains("如果该账号存在并已绑定手机");
        var code = lastCodeTo(outbox, person.phone());

        // A weak password, or a confirmation that differs, is refused on its field; the code is not spent.
        assertThat(reset(web, code, "12345678", "12345678").body()).contains("id=\"password-error\"");
        assertThat(reset(web, code, NEW_PASSWORD, NEW_PASSWORD + "x").body())
                .contains("id=\"passwordConfirmation-error\"");
        var wrong = code.equals("000000") ? "111111" : "000000";
        var refused = reset(web, wrong, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("验证码不正确或已失效");

        var done = reset(web, code, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(done.location()).isEqualTo("/login?passwordReset");
        assertThat(web.get(done.location()).body()).contains("密码已重设");
        // Told by SMS.
        assertThat(outbox.lastTextTo(person.phone()).orElseThrow()).contains("密码已重新设置");

        // Every session of the account ended; the old password no longer works, the new one does.
        assertThat(elsewhere.get("/account").location()).contains("/login");
        assertThat(new WebClient(BASE)
                        .signIn(person.idNumber(), TestPeople.PASSWORD)
                        .location())
                .isNotEqualTo("/home");
        assertThat(new WebClient(BASE).signIn(person.idNumber(), NEW_PASSWORD).location())
                .isEqualTo("/home");
        // Used once: the same code cannot set a password again.
        var again = asked(person.phone());
        assertThat(reset(again, code, NEW_PASSWORD + "1", NEW_PASSWORD + "1").body())
                .contains("验证码不正确或已失效");

        // Audited.
        var id = person.account().toString();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> audited("PASSWORD_RESET", id, "SUCCESS") == 1);
        assertThat(audited("PASSWORD_RESET_REQUESTED", id, "SUCCESS")).isGreaterThanOrEqualTo(1);
        assertThat(audited("PASSWORD_RESET", id, "FAILURE")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aNameWithoutAnAccountGetsTheSameAnswerAndNoCode() {
        var person = registered("同样回答");
        var known = asked(person.idNumber()).get("/password-reset/code");
        var unknown = asked(TestPeople.idNumber()).get("/password-reset/code");
        assertThat(unknown.status()).isEqualTo(known.status());
        assertThat(strip(unknown.body())).isEqualTo(strip(known.body()));
        var nobody = asked("nobody-" + UUID.randomUUID().toString().substring(0, 8));
        var refused = reset(nobody, "123456", NEW_PASSWORD, NEW_PASSWORD);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("验证码不正确或已失效");
    }

    @Test
    void anExpiredCodeIsRefused() {
        var person = registered("过期验证码");
        var web = asked(person.idNumber());
        var code = lastCodeTo(outbox, person.phone());
        jdbc.sql("""
                update identity.one_time_code set expires_at = now() - interval '1 minute'
                 where account_id = :a and purpose = 'RESET_PASSWORD'""").param("a", person.account()).update();
        assertThat(reset(web, code, NEW_PASSWORD, NEW_PASSWORD).body()).contains("验证码不正确或已失效");
        assertThat(new WebClient(BASE)
                        .signIn(person.idNumber(), TestPeople.PASSWORD)
                        .location())
                .isEqualTo("/home");
    }

    @Test
    void fiveWrongGuessesSpendTheCode() {
        var person = registered("猜错五次");
        var web = asked(person.idNumber());
        var code = lastCodeTo(outbox, person.phone());
        var wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) reset(web, wrong, NEW_PASSWORD, NEW_PASSWORD);
        assertThat(reset(web, code, NEW_PASSWORD, NEW_PASSWORD).body()).contains("验证码不正确或已失效");
        assertThat(new WebClient(BASE)
                        .signIn(person.idNumber(), TestPeople.PASSWORD)
                        .location())
                .isEqualTo("/home");
        // Stored hashed: the code itself is nowhere in the table.
        assertThat(jdbc.sql("select count(*) from identity.one_time_code where code_hash = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aStaffAccountGetsNoCode() {
        var before = outbox.lastTextTo(phoneOf("official"));
        var web = asked("official");
        assertThat(web.get("/password-reset").body()).contains("工作人员账号不能在此找回密码");
        assertThat(outbox.lastTextTo(phoneOf("official"))).isEqualTo(before);
        assertThat(reset(web, "123456", NEW_PASSWORD, NEW_PASSWORD).body()).contains("验证码不正确或已失效");
        assertThat(signedIn("official").get("/office/inbox").status()).isEqualTo(200);
    }

    @Autowired
    org.tongban.identity.internal.AccountStore accounts;

    @Autowired
    org.tongban.identity.internal.PersonStore persons;

    private String phoneOf(String login) {
        var account = accounts.findByIdentifier(login).orElseThrow();
        return persons.phoneOf(account.personId()).orElseThrow().value();
    }

    /** The page without its per-session token. */
    private static String strip(String body) {
        return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "").replaceAll("content=\"[^\"]{30,}\"", "");
    }
}
