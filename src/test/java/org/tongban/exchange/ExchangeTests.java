package org.tongban.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.WebClient;
import org.tongban.exchange.internal.CallLog;
import org.tongban.shared.IdNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange end to end on the real platform: the catalogue; a request refused for a 不予共享 field; a request
 * approved narrowed, whose credential is a real OAuth2 client-credentials client; the gateway answering only the
 * granted fields, refusing fields outside the grant, a call without the subject's consent, after expiry and after
 * revocation; the citizen seeing the reads; and the signed call log detecting an altered entry.
 */
class ExchangeTests extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String ZHANG_SAN = id("44010619900307123");
    static final String LI_SI = id("44030419850512264");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CallLog log;

    @Autowired
    DataSource dataSource;

    @Value("${spring.flyway.user:postgres}")
    String ownerUser;

    @Value("${spring.flyway.password:}")
    String ownerPassword;

    /** The platform's day (tongban.time-zone, Asia/Shanghai by default). */
    static LocalDate today() {
        return LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    }

    static String id(String first17) {
        return IdNumber.parse(first17 + IdNumber.checkChar(first17)).value();
    }

    static JsonNode json(WebClient.Page page) {
        return JSON.readTree(page.body());
    }

    /** Market regulation asks police for population data; returns the request id. */
    static UUID ask(WebClient market, String fields, String until) {
        var page = market.json("POST", "/api/v1/exchange/requests", """
                {"resource":"POPULATION_BASIC","fields":[%s],"purpose":"核验个体工商户经营者身份",
                 "legalBasis":"《市场主体登记管理条例》第十三条","validFrom":"%s","validUntil":"%s"}""".formatted(fields, today(), until));
        assertThat(page.status()).as(page.body()).isEqualTo(201);
        return UUID.fromString(json(page).get("id").asString());
    }

    static String token(String clientId, String secret, String scope) throws Exception {
        var basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var response = HTTP.send(
                HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    static HttpResponse<String> call(String token, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(BASE + path))
                        .header("Authorization", "Bearer " + token)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theCatalogueListsTheDepartmentsResourcesWithTheirSharingClasses() {
        var market = signedIn("official");
        var resources = json(market.json("GET", "/api/v1/exchange/resources", null));
        assertThat(resources.size()).isGreaterThanOrEqualTo(6);
        var population = json(market.json("GET", "/api/v1/exchange/resources/POPULATION_BASIC", null));
        assertThat(population.get("ownerDepartment").asString()).isEqualTo("440100-GA");
        assertThat(population.get("personal").asBoolean()).isTrue();
        assertThat(population.get("fields").toString()).contains("\"ethnicity\"", "\"NONE\"");
        // A citizen has no business in the catalogue.
        assertThat(signedIn("citizen")
                        .json("GET", "/api/v1/exchange/resources", null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aDepartmentRegistersOnlyOnItsOwnSystem() {
        var police = signedIn("police");
        var code = "POP_T" + Long.toString(System.nanoTime() % 100000);
        var ok = police.json("POST", "/api/v1/exchange/resources", """
                {"code":"%s","name":"人口姓名","description":"仅姓名","source":"population","updateFrequency":"DAILY",
                 "personal":true,"fields":[{"code":"name","label":"姓名","shareClass":"UNCONDITIONAL"}]}""".formatted(code));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        var other = police.json("POST", "/api/v1/exchange/resources", """
                {"code":"%sX","name":"税","description":"x","source":"tax_credit","updateFrequency":"DAILY",
                 "personal":false,"fields":[{"code":"rating","label":"等级","shareClass":"UNCONDITIONAL"}]}""".formatted(code));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body()).contains("source");
    }

    @Test
    void aFieldNotSharedIsRefusedOnItsFieldAndNothingIsWritten() {
        var market = signedIn("official");
        long before = jdbc.sql("select count(*) from exchange.access_request")
                .query(Long.class)
                .single();
        var page = market.json("POST", "/api/v1/exchange/requests", """
                {"resource":"POPULATION_BASIC","fields":["name","ethnicity"],"purpose":"p","legalBasis":"b",
                 "validFrom":"%s","validUntil":"%s"}""".formatted(today(), today().plusDays(30)));
        assertThat(page.status()).isEqualTo(422);
        assertThat(json(page).get("errors").toString()).contains("fields");
        assertThat(jdbc.sql("select count(*) from exchange.access_request")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aGrantAnswersOnlyItsFieldsWithConsentAndStopsWhenRevoked() throws Exception {
        var market = signedIn("official");
        var police = signedIn("police");
        var citizen = signedIn("citizen");
        citizen.get("/citizen/data"); // the page's CSRF token, for the JSON posts below
        var request = ask(
                market,
                "\"name\",\"birth_date\",\"household_address\"",
                today().plusDays(90).toString());
        // Another department does not see the request; the requester cannot decide it.
        assertThat(signedIn("hrofficial")
                        .json("GET", "/api/v1/exchange/requests/" + request, null)
                        .status())
                .isEqualTo(404);
        assertThat(market.json("POST", "/api/v1/exchange/requests/" + request + "/approve", "{}")
                        .status())
                .isEqualTo(404);

        var approved = police.json(
                "POST",
                "/api/v1/exchange/requests/" + request + "/approve",
                "{\"fields\":[\"name\",\"birth_date\"],\"grantedUntil\":\"%s\"}".formatted(today().plusDays(30)));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        var credential = json(approved);
        var clientId = credential.get("clientId").asString();
        var secret = credential.get("clientSecret").asString();
        var scope = credential.get("scope").asString();
        // The secret is kept hashed by the authorization server only.
        assertThat(jdbc.sql("select client_secret from identity.oauth2_registered_client where client_id = :c")
                        .param("c", clientId)
                        .query(String.class)
                        .single())
                .doesNotContain(secret);
        var token = token(clientId, secret, scope);

        // Only the unconditional field: no consent needed.
        var name = call(token, "/exchange/v1/POPULATION_BASIC/" + ZHANG_SAN + "?fields=name");
        assertThat(name.statusCode()).as(name.body()).isEqualTo(200);
        assertThat(name.body()).contains("张三").doesNotContain("1990-03-07").doesNotContain(ZHANG_SAN);

        // A conditional personal field without the subject's consent.
        var noConsent = call(token, "/exchange/v1/POPULATION_BASIC/" + ZHANG_SAN);
        assertThat(noConsent.statusCode()).isEqualTo(403);
        assertThat(noConsent.body()).doesNotContain("1990-03-07").doesNotContain("张三");

        var consents =
                json(citizen.json("GET", "/api/v1/exchange/my-data", null)).get("consents");
        assertThat(consents.toString()).contains(request.toString());
        assertThat(citizen.json("POST", "/api/v1/exchange/my-data/consents/" + request, null)
                        .status())
                .isEqualTo(204);

        var all = call(token, "/exchange/v1/POPULATION_BASIC/" + ZHANG_SAN);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        var fields = JSON.readTree(all.body()).get("fields");
        assertThat(fields.get("birth_date").asString()).isEqualTo("1990-03-07");
        // Narrowed away at approval: never leaves.
        assertThat(fields.has("household_address")).isFalse();
        assertThat(all.body()).doesNotContain("体育西路");

        // Outside the granted fields.
        var outside = call(token, "/exchange/v1/POPULATION_BASIC/" + ZHANG_SAN + "?fields=name,household_address");
        assertThat(outside.statusCode()).isEqualTo(403);
        assertThat(outside.body()).doesNotContain("张三").doesNotContain("体育西路");
        // Another resource with this grant's token: not found.
        assertThat(call(token, "/exchange/v1/MARRIAGE_REGISTRATION/" + ZHANG_SAN)
                        .statusCode())
                .isEqualTo(404);
        // A session is no credential at the gateway.
        var withSession = HTTP.send(
                HttpRequest.newBuilder(URI.create(BASE + "/exchange/v1/POPULATION_BASIC/" + ZHANG_SAN))
                        .header("Cookie", "SESSION=" + market.sessionCookie())
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withSession.statusCode()).isEqualTo(401);

        // Li Si did not consent: her data stays closed to the same grant.
        assertThat(call(token, "/exchange/v1/POPULATION_BASIC/" + LI_SI).statusCode())
                .isEqualTo(403);

        // The citizen sees who read what and why, the refusals too.
        var reads = json(citizen.json("GET", "/api/v1/exchange/my-data", null))
                .get("reads")
                .toString();
        assertThat(reads).contains("440100-SCJG", "核验个体工商户经营者身份", "出生日期", "OK", "REFUSED");

        // Withdrawn consent closes the conditional fields again.
        assertThat(citizen.json("POST", "/api/v1/exchange/my-data/consents/" + request + "/withdraw", null)
                        .status())
                .isEqualTo(204);
        assertThat(call(token, "/exchange/v1/POPULATION_BASIC/" + ZHANG_SAN).statusCode())
                .isEqualTo(403);

        // Revoked: the token still in hand is refused at once, and the client gets no new token.
        assertThat(market.json("POST", "/api/v1/exchange/requests/" + request + "/revoke", null)
                        .status())
                .isEqualTo(200);
        var revoked = call(token, "/exchange/v1/POPULATION_BASIC/" + ZHANG_SAN + "?fields=name");
        assertThat(revoked.statusCode()).isEqualTo(403);
        assertThat(revoked.body()).doesNotContain("张三");
        var basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var again = HTTP.send(
                HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.statusCode()).isEqualTo(401);

        // Every refusal is in the audit trail.
        assertThat(jdbc.sql(
                                "select count(*) from audit.audit_event where code = 'EXCHANGE_CALL_REFUSED' and actor = :c")
                        .param("c", clientId)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(5);
    }

    @Test
    void aGrantPastItsLastDayIsRefused() throws Exception {
        var market = signedIn("official");
        var police = signedIn("police");
        var request = ask(market, "\"name\"", today().plusDays(10).toString());
        var credential = json(police.json("POST", "/api/v1/exchange/requests/" + request + "/approve", "{}"));
        var token = token(
                credential.get("clientId").asString(),
                credential.get("clientSecret").asString(),
                credential.get("scope").asString());
        assertThat(call(token, "/exchange/v1/POPULATION_BASIC/" + ZHANG_SAN).statusCode())
                .isEqualTo(200);
        // The grant's period ends (moved into the past as time would).
        jdbc.sql(
                        "update exchange.access_request set valid_from = :f, valid_until = :u, granted_until = :u where id = :id")
                .param("f", today().minusDays(20))
                .param("u", today().minusDays(1))
                .param("id", request)
                .update();
        var expired = call(token, "/exchange/v1/POPULATION_BASIC/" + ZHANG_SAN);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).doesNotContain("张三");
    }

    @Test
    void theOwnerRefusesWithAReasonTheRequesterSees() {
        var market = signedIn("official");
        var police = signedIn("police");
        var request = ask(market, "\"name\"", today().plusDays(10).toString());
        assertThat(police.json("POST", "/api/v1/exchange/requests/" + request + "/refuse", "{\"reason\":\"\"}")
                        .status())
                .isEqualTo(422);
        assertThat(police.json("POST", "/api/v1/exchange/requests/" + request + "/refuse", "{\"reason\":\"用途不明确\"}")
                        .status())
                .isEqualTo(200);
        var seen = json(market.json("GET", "/api/v1/exchange/requests/" + request, null));
        assertThat(seen.get("status").asString()).isEqualTo("REFUSED");
        assertThat(seen.get("decisionReason").asString()).isEqualTo("用途不明确");
        assertThat(police.json("POST", "/api/v1/exchange/requests/" + request + "/approve", "{}")
                        .status())
                .isEqualTo(409);
    }

    @Test
    void theSignedCallLogDetectsAnAlteredEntry() throws Exception {
        var market = signedIn("official");
        var police = signedIn("police");
        var request = ask(market, "\"name\"", today().plusDays(10).toString());
        var credential = json(police.json("POST", "/api/v1/exchange/requests/" + request + "/approve", "{}"));
        var token = token(
                credential.get("clientId").asString(),
                credential.get("clientSecret").asString(),
                credential.get("scope").asString());
        assertThat(call(token, "/exchange/v1/POPULATION_BASIC/" + LI_SI).statusCode())
                .isEqualTo(200);
        long signed = log.signHead();
        var verification = log.verify();
        assertThat(verification.intact()).as(verification.toString()).isTrue();
        assertThat(verification.signedUpTo()).isEqualTo(signed);

        // The application may only append.
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("update exchange.call_log set purpose = 'x' where seq = :s")
                                .param("s", signed)
                                .update())
                .rootCause()
                .hasMessageContaining("permission denied");

        // The owner of the schema, who can lift the guard, alters an entry: its hash no longer holds.
        var url = ((com.zaxxer.hikari.HikariDataSource) dataSource).getJdbcUrl();
        try (var owner = DriverManager.getConnection(url, ownerUser, ownerPassword)) {
            owner.setAutoCommit(false);
            try (var st = owner.createStatement()) {
                st.executeUpdate("update exchange.call_log set purpose = '另一用途' where seq = " + signed);
            }
            owner.commit();
            var broken = log.verify();
            assertThat(broken.intact()).isFalse();
            assertThat(broken.brokenAt()).isEqualTo(signed);
            assertThat(broken.reason()).isEqualTo("HASH_MISMATCH");
        } finally {
            try (var owner = DriverManager.getConnection(url, ownerUser, ownerPassword);
                    var st = owner.createStatement()) {
                // Put it back, so that the shared test database's log stays verifiable for the next run.
                st.executeUpdate("update exchange.call_log set purpose = '核验个体工商户经营者身份' where seq = " + signed);
            }
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void thePagesRegisterARequestAndRefuseBadInputOnItsFieldWithTheInputKept() {
        var market = signedIn("official");
        market.get("/office/exchange/resources/new");
        var bad = market.post(
                "/office/exchange/resources",
                java.util.Map.of(
                        "source", "market_entity",
                        "code", "bad code",
                        "name", "市场主体名称",
                        "description", "",
                        "updateFrequency", "DAILY",
                        "class_name", "UNCONDITIONAL",
                        "label_name", "企业名称"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("资源代码格式不正确", "请填写资源描述", "value=\"市场主体名称\"");
        var code = "MARKET_NAME_" + (System.nanoTime() % 100000);
        var ok = market.post(
                "/office/exchange/resources",
                java.util.Map.of(
                        "source", "market_entity",
                        "code", code,
                        "name", "市场主体名称",
                        "description", "企业名称与登记状态",
                        "updateFrequency", "DAILY",
                        "class_name", "UNCONDITIONAL",
                        "label_name", "企业名称",
                        "class_status", "CONDITIONAL",
                        "label_status", "登记状态",
                        "class_address", ""));
        assertThat(ok.location()).isEqualTo("/office/exchange/resources/" + code);
        assertThat(market.get(ok.location()).body()).contains("企业名称", "登记状态").doesNotContain("住所");

        // The police ask for it on the page; a request without purpose stays on the form.
        var police = signedIn("police");
        police.get("/office/exchange/resources/" + code);
        var noPurpose = police.post(
                "/office/exchange/resources/" + code + "/requests",
                java.util.Map.of(
                        "fields",
                        "name",
                        "legalBasis",
                        "依据",
                        "validFrom",
                        today().toString(),
                        "validUntil",
                        today().plusDays(5).toString()));
        assertThat(noPurpose.status()).isEqualTo(422);
        assertThat(noPurpose.body()).contains("请填写用途");
        var sent = police.post(
                "/office/exchange/resources/" + code + "/requests",
                java.util.Map.of(
                        "fields",
                        "name",
                        "purpose",
                        "核查经营场所",
                        "legalBasis",
                        "依据",
                        "validFrom",
                        today().toString(),
                        "validUntil",
                        today().plusDays(5).toString()));
        assertThat(sent.location()).startsWith("/office/exchange/requests/");
        // The owner sees it and approves it on the page: the credential is in the answer, once.
        var incoming = market.get("/office/exchange/requests").body();
        assertThat(incoming).contains("市场主体名称", "核查经营场所");
        market.get(sent.location());
        var approved = market.post(sent.location() + "/approve", java.util.Map.of("fields", "name"));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.body()).contains("client-secret", "exchange-");
        assertThat(market.get(sent.location()).body()).doesNotContain("client-secret");
    }
}
