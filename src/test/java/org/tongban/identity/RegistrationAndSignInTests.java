package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.WebClient;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.identity.internal.TrustLevelProof;
import org.tongban.notifications.NotificationManagement;
import org.tongban.platform.FieldProtection;

class RegistrationAndSignInTests extends IntegrationTest {

    @Autowired
    Persons identity;

    @Autowired
    TrustLevelProof trustLevels;

    @Autowired
    Registration registration;

    @Autowired
    org.tongban.notifications.DevelopmentOutbox outbox;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldProtection protection;

    @Test
    void registeringGivesTrustLevelTwoAndAWelcomeMessage() {
        var id = TestRegistration.register(
                registration,
                outbox,
                new RegisterCitizen(
                        TestPeople.idNumber().toLowerCase(Locale.ROOT),
                        "测试人",
                        TestPeople.phone(),
                        TestPeople.PASSWORD));
        var profile = identity.profile(id);
        assertThat(profile.trustLevel()).isEqualTo(2);
        assertThat(profile.roles()).containsExactly(Role.CITIZEN);
        assertThat(profile.maskedIdNumber()).matches("4401\\*{10}\\d{3}[\\dX]");
        assertThat(notifications.messagesFor(id, 10))
                .extracting(m -> m.templateKey())
                .contains("notifications.welcome");
    }

    @Test
    void personalDataIsStoredEncryptedAndMasked() {
        var idNumber = TestPeople.idNumber();
        var phone = TestPeople.phone();
        var id = TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "密文人", phone, TestPeople.PASSWORD));
        var row = jdbc.sql("""
                select p.id_number_enc, p.phone_enc, p.id_number_masked, p.phone_masked from identity.person p
                  join identity.account a on a.person_id = p.id where a.id = :id""")
                .param("id", id)
                .query((rs, i) -> new Object[] {rs.getBytes(1), rs.getBytes(2), rs.getString(3), rs.getString(4)})
                .single();
        assertThat(new String((byte[]) row[0], java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain(idNumber);
        assertThat(protection.decrypt((byte[]) row[0], "identity.person.id_number"))
                .isEqualTo(idNumber);
        assertThat((String) row[2]).doesNotContain(idNumber.substring(4, 14));
        assertThat((String) row[3]).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
    }

    @Test
    void badInputIsRefusedFieldByFieldAndNothingIsWritten() {
        int before = jdbc.sql("select count(*) from identity.person")
                .query(Integer.class)
                .single();
        assertThatThrownBy(() -> registration.startRegistration(
                        new RegisterCitizen("440106199003071235", "测试", "12345", "weak")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsOnlyKeys("idNumber", "phone", "password")
                                .containsEntry("idNumber", "validation.idNumber.checksum")
                                .containsEntry("phone", "validation.phone.format")
                                .containsEntry("password", "validation.password.length"));
        assertThat(jdbc.sql("select count(*) from identity.person")
                        .query(Integer.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aPasswordContainingTheIdNumberOrPhoneIsRefused() {
        var phone = TestPeople.phone();
        assertThatThrownBy(() -> registration.startRegistration(
                        new RegisterCitizen(TestPeople.idNumber(), "测试", phone, "Aa!" + phone)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("password", "validation.password.containsPhone"));
    }

    @Test
    void theSameIdNumberCannotRegisterTwice() {
        var idNumber = TestPeople.idNumber();
        TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "第一人", TestPeople.phone(), TestPeople.PASSWORD));
        assertThatThrownBy(() -> registration.startRegistration(
                        new RegisterCitizen(idNumber, "第二人", TestPeople.phone(), TestPeople.PASSWORD)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("idNumber", "validation.idNumber.taken"));
    }

    @Test
    void theRegistrationPageShowsTheErrorNextToTheFieldAndKeepsTheOtherValues() {
        var web = new WebClient(BASE);
        web.get("/register");
        var page = web.post(
                "/register",
                Map.of(
                        "idNumber",
                        "11010519491231002Y",
                        "name",
                        "王小明",
                        "phone",
                        "13912345678",
                        "password",
                        TestPeople.PASSWORD));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("id=\"idNumber-error\"")
                .contains("身份证号应为 18 位")
                .contains("value=\"王小明\"")
                .contains("value=\"13912345678\"")
                .doesNotContain(TestPeople.PASSWORD);
    }

    @Test
    void theRegistrationPageSpeaksEnglishWhenAsked() {
        var web = new WebClient(BASE).english();
        web.get("/register");
        var page = web.post(
                "/register", Map.of("idNumber", "11010519491231002Y", "name", "Wang", "phone", "139", "password", "x"));
        assertThat(page.body())
                .contains("An ID number has 18 characters")
                .contains("Enter an 11-digit mainland China mobile number");
    }

    @Test
    void registeringOnThePageThenSigningInLandsInTheCitizenChannel() {
        var idNumber = TestPeople.idNumber();
        var web = new WebClient(BASE);
        web.get("/register");
        var phoneNumber = TestPeople.phone();
        assertThat(web.post(
                                "/register",
                                Map.of(
                                        "idNumber",
                                        idNumber,
                                        "name",
                                        "页面注册",
                                        "phone",
                                        phoneNumber,
                                        "password",
                                        TestPeople.PASSWORD,
                                        "passwordConfirmation",
                                        TestPeople.PASSWORD,
                                        "privacyConsent",
                                        "yes"))
                        .location())
                .isEqualTo("/register/code");
        web.get("/register/code");
        var registered = web.post("/register/code", Map.of("code", lastCodeTo(outbox, phoneNumber)));
        assertThat(registered.location()).isEqualTo("/login?registered");
        var signedIn = web.signIn(idNumber, TestPeople.PASSWORD);
        assertThat(signedIn.location()).isEqualTo("/home");
        assertThat(web.get("/home").location()).isEqualTo("/citizen");
        assertThat(web.get("/citizen").body()).contains("页*");
    }

    @Test
    void demoAccountsLandInTheirChannels() {
        assertThat(landing("citizen")).isEqualTo("/citizen");
        assertThat(landing("enterprise")).isEqualTo("/business");
        assertThat(landing("official")).isEqualTo("/office");
        assertThat(landing("manager")).isEqualTo("/console");
        assertThat(landing("operator")).isEqualTo("/console");
        assertThat(landing("auditor")).isEqualTo("/console");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhetherTheAccountExists() {
        var known = new WebClient(BASE).signIn("citizen2", "Wrong#Password1");
        var unknown = new WebClient(BASE).signIn("nobody-" + UUID.randomUUID(), "Wrong#Password1");
        assertThat(known.location()).isEqualTo("/login?error");
        assertThat(unknown.location()).isEqualTo("/login?error");
    }

    @Test
    void fiveFailuresLockTheAccountUntilTheOperatorUnlocksIt() {
        var idNumber = TestPeople.idNumber();
        TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "锁定人", TestPeople.phone(), TestPeople.PASSWORD));
        for (int i = 0; i < 5; i++) {
            assertThat(new WebClient(BASE)
                            .signIn(idNumber, "Wrong#Password" + i)
                            .location())
                    .isEqualTo("/login?error");
        }
        // Even the right password is refused now, with the answer a wrong password gets (it says nothing more).
        var locked = new WebClient(BASE).signIn(idNumber, TestPeople.PASSWORD);
        assertThat(locked.location()).isEqualTo("/login?error");

        var operator = new WebClient(BASE);
        operator.signIn("operator", DEMO_PASSWORD);
        operator.get("/console/accounts");
        assertThat(operator.post("/console/accounts/unlock", Map.of("identifier", idNumber))
                        .location())
                .isEqualTo("/console/accounts");
        assertThat(new WebClient(BASE).signIn(idNumber, TestPeople.PASSWORD).location())
                .isEqualTo("/home");
    }

    @Test
    void theManagerCannotUnlockAccounts() {
        var manager = new WebClient(BASE);
        manager.signIn("manager", DEMO_PASSWORD);
        manager.get("/console");
        assertThat(manager.post("/console/accounts/unlock", Map.of("identifier", "citizen"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aOneTimeCodeSignsInOnceAndAWrongCodeDoesNot() {
        var idNumber = TestPeople.idNumber();
        var phone = TestPeople.phone();
        var account = TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "验证码人", phone, TestPeople.PASSWORD));
        var web = new WebClient(BASE);
        web.get("/login?method=code");
        assertThat(web.post("/login/code/send", Map.of("identifier", idNumber)).location())
                .isEqualTo("/login?method=code");
        var code = lastCodeTo(outbox, phone);
        assertThat(code).matches("\\d{6}");

        web.get("/login?method=code");
        var wrong = web.post(
                "/login/code", Map.of("identifier", idNumber, "code", code.equals("000000") ? "111111" : "000000"));
        assertThat(wrong.location()).isEqualTo("/login?method=code&error");

        web.get("/login?method=code");
        assertThat(web.post("/login/code", Map.of("identifier", idNumber, "code", code))
                        .location())
                .isEqualTo("/home");

        var again = new WebClient(BASE);
        again.get("/login?method=code");
        assertThat(again.post("/login/code", Map.of("identifier", idNumber, "code", code))
                        .location())
                .isEqualTo("/login?method=code&error");
    }

    @Test
    void askingForACodeForAnUnknownIdentifierLooksTheSame() {
        var web = new WebClient(BASE);
        web.get("/login?method=code");
        assertThat(web.post("/login/code/send", Map.of("identifier", "13000000000"))
                        .location())
                .isEqualTo("/login?method=code");
    }

    @Test
    void sessionsLiveInTheDatabaseWithAThirtyMinuteIdleTimeout() {
        var web = new WebClient(BASE);
        web.signIn("citizen2", DEMO_PASSWORD);
        var interval = jdbc.sql(
                        "select max_inactive_interval from identity.spring_session where principal_name = "
                                + "(select id::text from identity.account where login_name = 'citizen2') order by creation_time desc limit 1")
                .query(Integer.class)
                .single();
        assertThat(interval).isEqualTo(30 * 60);
    }

    @Test
    void signingOutEverywhereEndsEverySessionOfTheAccount() {
        var idNumber = TestPeople.idNumber();
        TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "多端人", TestPeople.phone(), TestPeople.PASSWORD));
        var phone = new WebClient(BASE);
        var laptop = new WebClient(BASE);
        phone.signIn(idNumber, TestPeople.PASSWORD);
        laptop.signIn(idNumber, TestPeople.PASSWORD);
        assertThat(laptop.get("/citizen").status()).isEqualTo(200);

        phone.get("/account");
        assertThat(phone.post("/account/sign-out-everywhere", Map.of("confirm", "yes"))
                        .location())
                .isEqualTo("/login?signedOutEverywhere");
        assertThat(laptop.get("/citizen").location()).endsWith("/login");
        assertThat(phone.get("/citizen").location()).endsWith("/login");
    }

    @Test
    void thePopulationRegisterRaisesTheTrustLevelOnlyWhenNameAndNumberMatch() {
        var idNumber = TestPeople.idNumber();
        var account = TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "核验人", TestPeople.phone(), TestPeople.PASSWORD));
        assertThat(trustLevels.verifyIdentity(account, org.tongban.identity.internal.DemoFaceVerification.PASS))
                .isEqualTo(2);

        jdbc.sql("insert into identity.population_register (id_number_idx, name) values (:idx, '核验人')")
                .param("idx", protection.blindIndex(idNumber, "identity.person.id_number"))
                .update();
        assertThat(trustLevels.verifyIdentity(account, org.tongban.identity.internal.DemoFaceVerification.PASS))
                .isEqualTo(3);
        assertThat(identity.profile(account).trustLevel()).isEqualTo(3);
    }

    private String landing(String login) {
        var web = new WebClient(BASE);
        assertThat(web.signIn(login, DEMO_PASSWORD).location()).isEqualTo("/home");
        return web.get("/home").location();
    }
}
