package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.WebClient;
import org.tongban.bench.SoftwareAuthenticator;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.notifications.DevelopmentOutbox;
import org.tongban.notifications.NotificationManagement;

/**
 * Issue 9, low findings of the sign-in area: registration and lockout do not reveal which accounts exist; the
 * holder changes their password; the operator disables and enables accounts.
 */
class AccountSecurityTests extends IntegrationTest {

    @Autowired
    Registration registration;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    DevelopmentOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    private static WebClient.Page registerOnThePage(String idNumber, String phone) {
        var web = new WebClient(BASE);
        web.get("/register");
        return web.post(
                "/register",
                Map.of(
                        "idNumber",
                        idNumber,
                        "name",
                        "重复人",
                        "phone",
                        phone,
                        "password",
                        TestPeople.PASSWORD,
                        "passwordConfirmation",
                        TestPeople.PASSWORD,
                        "privacyConsent",
                        "yes"));
    }

    private int persons() {
        return jdbc.sql("select count(*) from identity.person")
                .query(Integer.class)
                .single();
    }

    @Test
    void registeringWithAnIdNumberOrPhoneThatHasAnAccountLooksLikeANewRegistration() {
        var idNumber = TestPeople.idNumber();
        var phone = TestPeople.phone();
        var holder = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "原主人", phone, TestPeople.PASSWORD));
        var fresh = registerOnThePage(TestPeople.idNumber(), TestPeople.phone());
        int before = persons();

        var sameId = registerOnThePage(idNumber, TestPeople.phone());
        var samePhone = registerOnThePage(TestPeople.idNumber(), phone);
        assertThat(sameId.status()).isEqualTo(fresh.status());
        assertThat(sameId.location()).isEqualTo(fresh.location()).isEqualTo("/register/code");
        assertThat(samePhone.location()).isEqualTo(fresh.location());
        assertThat(persons()).isEqualTo(before);
        assertThat(notifications.messagesFor(holder, 20))
                .extracting(m -> m.templateKey())
                .contains("notifications.registrationAttempt");
    }

    @Test
    void aLockedAccountGetsTheSameAnswerAsAWrongPasswordOrAnUnknownOne() {
        var idNumber = TestPeople.idNumber();
        org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "锁定人", TestPeople.phone(), TestPeople.PASSWORD));
        for (int i = 0; i < 5; i++) new WebClient(BASE).signIn(idNumber, "Wrong#Password" + i);
        var locked = new WebClient(BASE).signIn(idNumber, TestPeople.PASSWORD);
        var unknown = new WebClient(BASE).signIn(TestPeople.idNumber(), TestPeople.PASSWORD);
        assertThat(locked.location()).isEqualTo(unknown.location()).isEqualTo("/login?error");
        assertThat(new WebClient(BASE).get("/login?error").body()).doesNotContain("login-locked");
    }

    @Test
    void theHolderChangesThePasswordWithTheCurrentOneUnderThePolicyAndOtherSessionsEnd() {
        var idNumber = TestPeople.idNumber();
        var account = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "改密人", TestPeople.phone(), TestPeople.PASSWORD));
        var here = new WebClient(BASE);
        here.signIn(idNumber, TestPeople.PASSWORD);
        var elsewhere = new WebClient(BASE);
        elsewhere.signIn(idNumber, TestPeople.PASSWORD);
        var replacement = "Another#Pass2027";

        here.get("/account");
        var wrong =
                here.post("/account/password", Map.of("currentPassword", "Wrong#Pass2026", "newPassword", replacement));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"current-password-error\"").contains("当前密码不正确");
        var weak =
                here.post("/account/password", Map.of("currentPassword", TestPeople.PASSWORD, "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.body()).contains("id=\"new-password-error\"");
        assertThat(elsewhere.get("/citizen").status()).isEqualTo(200);

        var done = here.post(
                "/account/password", Map.of("currentPassword", TestPeople.PASSWORD, "newPassword", replacement));
        assertThat(done.location()).isEqualTo("/account");
        assertThat(here.get("/citizen").status()).isEqualTo(200);
        assertThat(elsewhere.get("/citizen").location()).endsWith("/login");
        assertThat(new WebClient(BASE).signIn(idNumber, TestPeople.PASSWORD).location())
                .isEqualTo("/login?error");
        assertThat(new WebClient(BASE).signIn(idNumber, replacement).location()).isEqualTo("/home");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where code = 'PASSWORD_CHANGED' and subject = :s")
                        .param("s", account.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void aDisabledAccountCannotSignInByAnyMethodAndItsSessionsEnd() throws Exception {
        var idNumber = TestPeople.idNumber();
        var phone = TestPeople.phone();
        var account = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "停用人", phone, TestPeople.PASSWORD));
        var session = new WebClient(BASE);
        session.signIn(idNumber, TestPeople.PASSWORD);
        var passkey = new SoftwareAuthenticator(URI.create(BASE).getHost(), BASE);
        assertThat(PasskeySignInTests.register(session, passkey).body()).contains("\"success\":true");

        var operator = signedIn("operator");
        operator.get("/console/accounts");
        assertThat(operator.post("/console/accounts/enabled", Map.of("identifier", idNumber, "enabled", "false"))
                        .location())
                .isEqualTo("/console/accounts");
        assertThat(session.get("/citizen").location()).endsWith("/login");
        assertThat(new WebClient(BASE).signIn(idNumber, TestPeople.PASSWORD).location())
                .isEqualTo("/login?error");
        assertThat(PasskeySignInTests.signInWithPasskey(new WebClient(BASE), passkey)
                        .body())
                .doesNotContain("\"authenticated\":true");
        var byCode = new WebClient(BASE);
        byCode.get("/login?method=code");
        var textsBefore = outbox.lastTextTo(phone);
        byCode.post("/login/code/send", Map.of("identifier", idNumber));
        assertThat(outbox.lastTextTo(phone)).isEqualTo(textsBefore);
        assertThat(jdbc.sql("select count(*) from audit.audit_event where code = 'ACCOUNT_DISABLED' and subject = :s")
                        .param("s", account.toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        operator.get("/console/accounts");
        operator.post("/console/accounts/enabled", Map.of("identifier", idNumber, "enabled", "true"));
        assertThat(new WebClient(BASE).signIn(idNumber, TestPeople.PASSWORD).location())
                .isEqualTo("/home");
    }

    @Test
    void onlyTheOperatorDisablesAccountsAndNotTheirOwn() {
        var manager = signedIn("manager");
        manager.get("/console");
        assertThat(manager.post("/console/accounts/enabled", Map.of("identifier", "citizen2", "enabled", "false"))
                        .status())
                .isEqualTo(403);
        var operator = signedIn("operator");
        operator.get("/console/accounts");
        operator.post("/console/accounts/enabled", Map.of("identifier", "operator", "enabled", "false"));
        assertThat(operator.get("/console/accounts").status()).isEqualTo(200);
        assertThat(jdbc.sql("select enabled from identity.account where login_name = 'operator'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(UUID.class).isNotNull();
    }
}
