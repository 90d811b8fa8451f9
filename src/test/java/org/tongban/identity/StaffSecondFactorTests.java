package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.WebClient;
import org.tongban.bench.SoftwareAuthenticator;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;

/**
 * Two factors for staff (issue 9, finding 8; 等保 level 3): officials, department admins, managers, operators and
 * auditors reach their pages and APIs only after a passkey, or a password and the code sent to their phone. A
 * one-factor session is sent to the step-up page and then continues where it was going. Citizens keep one factor.
 */
class StaffSecondFactorTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.tongban.notifications.DevelopmentOutbox outbox;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    @org.springframework.beans.factory.annotation.Autowired
    org.tongban.cases.CaseManagement cases;

    @org.springframework.beans.factory.annotation.Autowired
    org.tongban.catalog.CatalogManagement catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Persons identity;

    @Autowired
    Registration registration;

    /** A browser that has proved the password only (the test helpers would complete the second factor). */
    private static WebClient passwordOnly(String login) {
        var web = new WebClient(BASE);
        web.get("/login");
        assertThat(web.post("/login", Map.of("identifier", login, "password", DEMO_PASSWORD))
                        .location())
                .isEqualTo("/home");
        return web;
    }

    @Test
    void anOfficialWithOnlyAPasswordIsSentToTheStepUpPageAndThenContinuesToTheOffice() {
        var web = passwordOnly("official");
        assertThat(web.get("/office").location()).startsWith("/login/second-factor");
        assertThat(web.json("GET", "/api/v1/office/inbox", null).status()).isEqualTo(403);
        assertThat(web.get("/login/second-factor").body()).contains("second-factor-code");

        web.post("/login/second-factor/send", Map.of());
        web.get("/login/second-factor");
        var before = web.sessionCookie();
        var done = web.post("/login/second-factor", Map.of("code", secondFactorCode("official")));
        assertThat(done.location()).startsWith("/office");
        assertThat(web.sessionCookie()).isNotEqualTo(before);
        assertThat(web.get("/office").status()).isEqualTo(200);
        assertThat(web.json("GET", "/api/v1/office/inbox", null).status()).isEqualTo(200);
    }

    @Test
    void everyStaffRoleNeedsTheSecondFactorForItsPagesAndApis() {
        assertThat(passwordOnly("deptadmin").get("/office/staff").location()).startsWith("/login/second-factor");
        assertThat(passwordOnly("manager").get("/console/catalog").location()).startsWith("/login/second-factor");
        assertThat(passwordOnly("operator").get("/console/accounts").location()).startsWith("/login/second-factor");
        var auditor = passwordOnly("auditor");
        assertThat(auditor.get("/console/audit").location()).startsWith("/login/second-factor");
        assertThat(auditor.json("GET", "/api/v1/audit/verify", null).status()).isEqualTo(403);
        // A person with a case of the official's department, so that a two-factor official may read them.
        var person = org.tongban.TestRegistration.levelThree(context, TestPeople.idNumber(), "被查人");
        PersonNeedToKnowTests.fileMarketCase(cases, catalog, person);
        // Reading a person is open to officials only; a one-factor official is not one yet (and learns nothing).
        assertThat(passwordOnly("official")
                        .json("GET", "/api/v1/persons/" + person + "?purpose=x", null)
                        .status())
                .isEqualTo(404);
        assertThat(signedIn("official")
                        .json("GET", "/api/v1/persons/" + person + "?purpose=x", null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aWrongStepUpCodeIsRefusedCountedAndAudited() {
        var web = passwordOnly("official2");
        web.get("/login/second-factor");
        web.post("/login/second-factor/send", Map.of());
        web.get("/login/second-factor");
        var correct = secondFactorCode("official2");
        var wrong = correct.equals("000000") ? "111111" : "000000";
        assertThat(web.post("/login/second-factor", Map.of("code", wrong)).location())
                .isEqualTo("/login/second-factor?error");
        assertThat(web.get("/office").location()).startsWith("/login/second-factor");
        int failures = jdbc.sql("select failed_attempts from identity.account where login_name = 'official2'")
                .query(Integer.class)
                .single();
        assertThat(failures).isEqualTo(1);
        // The right code still works (a wrong guess does not spend it), and success resets the count.
        web.get("/login/second-factor");
        assertThat(web.post("/login/second-factor", Map.of("code", correct)).location())
                .startsWith("/office");
        assertThat(jdbc.sql("select failed_attempts from identity.account where login_name = 'official2'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aCitizenKeepsOneFactor() {
        var web = passwordOnly("citizen2");
        assertThat(web.get("/citizen").status()).isEqualTo(200);
        assertThat(web.get("/login/second-factor").location()).isEqualTo("/home");
    }

    @Test
    void aOneFactorStaffSessionGetsNoTokenFromTheAuthorizationEndpoint() {
        var web = passwordOnly("auditor");
        var redirect = "http://127.0.0.1:8765/callback";
        var authorize = web.get("/oauth2/authorize?response_type=code&client_id=tongban-mobile&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=x");
        assertThat(authorize.location()).startsWith("/login/second-factor");
    }

    @Test
    void aPasskeyWithUserVerificationIsBothFactorsForAnOfficial() throws Exception {
        var idNumber = TestPeople.idNumber();
        var account = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "钥匙人", TestPeople.phone(), TestPeople.PASSWORD));
        var admin = signedIn("deptadmin");
        admin.get("/office/staff");
        admin.post(
                "/office/staff",
                Map.of(
                        "identifier",
                        idNumber,
                        "staffNo",
                        "PK-" + account.toString().substring(0, 6),
                        "post",
                        "窗口"));
        assertThat(identity.profile(account).roles()).contains(Role.OFFICIAL);

        // A staff account adds a passkey only from a two-factor session (the helper completes it by code).
        var web = new WebClient(BASE);
        web.signIn(idNumber, TestPeople.PASSWORD);
        var passkey = new SoftwareAuthenticator(URI.create(BASE).getHost(), BASE);
        assertThat(PasskeySignInTests.register(web, passkey).body()).contains("\"success\":true");

        var byPasskey = new WebClient(BASE);
        assertThat(PasskeySignInTests.signInWithPasskey(byPasskey, passkey).body())
                .contains("\"authenticated\":true");
        assertThat(byPasskey.get("/office").status()).isEqualTo(200);
    }

    @Test
    void aOneFactorStaffSessionCannotAddAPasskey() throws Exception {
        var web = passwordOnly("healthofficial");
        var passkey = new SoftwareAuthenticator(URI.create(BASE).getHost(), BASE);
        assertThat(PasskeySignInTests.register(web, passkey).body()).doesNotContain("\"success\":true");
    }
}
