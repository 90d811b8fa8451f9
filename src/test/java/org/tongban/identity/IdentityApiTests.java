package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.WebClient;
import org.tongban.audit.AuditManagement;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.notifications.DevelopmentOutbox;

class IdentityApiTests extends IntegrationTest {

    @Autowired
    Persons identity;

    @Autowired
    Registration registration;

    @Autowired
    DevelopmentOutbox outbox;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    AuditManagement audit;

    @Autowired
    org.tongban.cases.CaseManagement cases;

    @Autowired
    org.tongban.catalog.CatalogManagement catalog;

    @Test
    void anonymousCallersGetA401Problem() {
        var response = new WebClient(BASE).json("GET", "/api/v1/me", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.body()).contains("\"status\":401").contains("\"title\"");
    }

    @Test
    void whoAmIAnswersWithMaskedDataAndPermissions() {
        var web = new WebClient(BASE);
        web.signIn("citizen", DEMO_PASSWORD);
        var me = web.json("GET", "/api/v1/me", null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body())
                .contains("\"displayName\":\"张*\"")
                .contains("CITIZEN")
                .contains("identity:read-own");
        var profile = web.json("GET", "/api/v1/me/profile", null);
        assertThat(profile.body()).contains("\"idNumber\":\"4401**********").contains("\"phone\":\"138****8001\"");
    }

    @Test
    void citizenACannotReadCitizenB() {
        var b = TestRegistration.register(
                registration,
                outbox,
                new RegisterCitizen(TestPeople.idNumber(), "乙某", TestPeople.phone(), TestPeople.PASSWORD));
        var a = new WebClient(BASE);
        a.signIn("citizen", DEMO_PASSWORD);
        assertThat(a.json("GET", "/api/v1/persons/" + b, null).status()).isEqualTo(404);
        assertThat(a.json("GET", "/api/v1/persons/" + UUID.randomUUID(), null).status())
                .isEqualTo(404);
    }

    @Test
    void anOfficialReadsAPersonForAStatedPurposeAndTheReadIsAudited() {
        var b = TestRegistration.levelThree(context, TestPeople.idNumber(), "丙某");
        PersonNeedToKnowTests.fileMarketCase(cases, catalog, b);
        var official = new WebClient(BASE);
        official.signIn("official", DEMO_PASSWORD);
        assertThat(official.json("GET", "/api/v1/persons/" + b, null).status()).isEqualTo(422);
        var read = official.json(
                "GET", "/api/v1/persons/" + b + "?purpose=" + URLEncoder.encode("办件审查", StandardCharsets.UTF_8), null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("丙某").contains("**********");
        Awaitility.await()
                .untilAsserted(() -> assertThat(audit.recent(50, "PERSONAL_DATA_READ", null))
                        .anySatisfy(e -> assertThat(e.subject()).isEqualTo(b.toString())));
    }

    @Test
    void thePhoneChangesOnlyWithTheCodeSentToTheNewNumber() {
        var idNumber = TestPeople.idNumber();
        var oldPhone = TestPeople.phone();
        var account = TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "换号人", oldPhone, TestPeople.PASSWORD));
        var web = new WebClient(BASE);
        web.signIn(idNumber, TestPeople.PASSWORD);
        web.get("/account");
        var newPhone = TestPeople.phone();
        assertThat(web.json("POST", "/api/v1/me/phone/code", "{\"phone\":\"" + newPhone + "\"}")
                        .status())
                .isEqualTo(202);
        var code = lastCodeTo(outbox, newPhone);

        var wrong = web.json(
                "PUT",
                "/api/v1/me/phone",
                "{\"phone\":\"" + newPhone + "\",\"code\":\"" + (code.equals("123456") ? "654321" : "123456") + "\"}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("\"code\"");
        assertThat(identity.profile(account).maskedPhone())
                .startsWith(oldPhone.substring(0, 3))
                .endsWith(oldPhone.substring(7));

        assertThat(web.json("PUT", "/api/v1/me/phone", "{\"phone\":\"" + newPhone + "\",\"code\":\"" + code + "\"}")
                        .status())
                .isEqualTo(204);
        assertThat(identity.profile(account).maskedPhone())
                .isEqualTo(newPhone.substring(0, 3) + "****" + newPhone.substring(7));
    }

    @Test
    void aBadPhoneNumberGetsAFieldError() {
        var web = new WebClient(BASE);
        web.signIn("citizen", DEMO_PASSWORD);
        web.get("/account");
        var response = web.json("POST", "/api/v1/me/phone/code", "{\"phone\":\"12345\"}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body()).contains("\"phone\":\"请输入 11 位中国大陆手机号。\"");
    }

    @Test
    void malformedJsonGetsAProblemNotA500() {
        var web = new WebClient(BASE);
        web.signIn("citizen", DEMO_PASSWORD);
        web.get("/account");
        var response = web.json("PUT", "/api/v1/me/phone", "{\"phone\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"status\":400")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
        var wrongType = web.json("PUT", "/api/v1/me/phone", "{\"phone\": {\"a\": 1}, \"code\": []}");
        assertThat(wrongType.status()).isEqualTo(400);
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        var web = new WebClient(BASE);
        web.signIn("citizen", DEMO_PASSWORD);
        web.get("/account");
        var big = "{\"phone\":\"" + "1".repeat(2 * 1024 * 1024) + "\"}";
        assertThat(web.json("POST", "/api/v1/me/phone/code", big).status()).isEqualTo(413);
    }

    @Test
    void aMobileAppGetsABearerTokenWithPkceAndCallsTheApi() throws Exception {
        var web = new WebClient(BASE);
        web.signIn("citizen", DEMO_PASSWORD);
        var verifier = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.UTF_8));
        var challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        var redirect = "http://127.0.0.1:8765/callback";
        var authorize = web.get("/oauth2/authorize?response_type=code&client_id=tongban-mobile&scope=openid%20profile"
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&state=xyz");
        assertThat(authorize.location()).startsWith(redirect + "?code=");
        var code = Pattern.compile("code=([^&]+)")
                .matcher(authorize.location())
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);

        var http = HttpClient.newHttpClient();
        var form = "grant_type=authorization_code&client_id=tongban-mobile&code=" + code + "&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&code_verifier=" + verifier;
        var token = http.send(
                HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).isEqualTo(200);
        var accessToken = Pattern.compile("\"access_token\":\"([^\"]+)\"")
                .matcher(token.body())
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);

        var me = http.send(
                HttpRequest.newBuilder(URI.create(BASE + "/api/v1/me"))
                        .header("Authorization", "Bearer " + accessToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"displayName\":\"张*\"");

        var forged = http.send(
                HttpRequest.newBuilder(URI.create(BASE + "/api/v1/me"))
                        .header(
                                "Authorization",
                                "Bearer " + accessToken.substring(0, accessToken.length() - 4) + "AAAA")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(401);

        // A bearer token is no way around the permissions: a citizen's token cannot read the audit trail.
        var audit = http.send(
                HttpRequest.newBuilder(URI.create(BASE + "/api/v1/audit/verify"))
                        .header("Authorization", "Bearer " + accessToken)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(audit.statusCode()).isEqualTo(403);
    }

    @Test
    void theAuthorizationCodeFlowRefusesAMissingPkceChallenge() {
        var web = new WebClient(BASE);
        web.signIn("citizen", DEMO_PASSWORD);
        var authorize = web.get("/oauth2/authorize?response_type=code&client_id=tongban-mobile&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode("http://127.0.0.1:8765/callback", StandardCharsets.UTF_8));
        assertThat(authorize.location()).contains("error=invalid_request");
    }

    @Test
    void theOpenApiDocumentListsTheIdentityApi() {
        var docs = new WebClient(BASE).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body())
                .contains("/api/v1/me")
                .contains("/api/v1/me/phone")
                .contains("/api/v1/persons/{accountId}");
    }
}
