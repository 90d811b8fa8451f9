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
import org.junit.jupiter.api.Test;
import org.tongban.IntegrationTest;
import org.tongban.WebClient;

/**
 * The review's finding 12: tokens were not scoped. An ID token worked as a bearer token, and a mobile-client token
 * with {@code openid profile} reached operator and auditor APIs; signing out everywhere left tokens working.
 */
class BearerTokenScopeTests extends IntegrationTest {

    private static final tools.jackson.databind.json.JsonMapper JSON =
            tools.jackson.databind.json.JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anIdTokenIsNotABearerToken() throws Exception {
        var tokens = tokensFor(signedIn("citizen"), "openid profile");
        var me = call("/api/v1/me", tokens.access());
        assertThat(me.statusCode())
                .as(decoded(tokens.access()) + " " + me.headers().map())
                .isEqualTo(200);
        assertThat(tokens.id()).isNotBlank();
        assertThat(call("/api/v1/me", tokens.id()).statusCode()).isEqualTo(401);
    }

    @Test
    void aMobileTokenOfTheAuditorOrOperatorDoesNotReachTheirConsoleApis() throws Exception {
        var auditor = tokensFor(signedIn("auditor"), "openid profile citizen business");
        assertThat(call("/api/v1/me", auditor.access()).statusCode()).isEqualTo(200);
        assertThat(call("/api/v1/audit/verify", auditor.access()).statusCode()).isEqualTo(403);
        var operator = tokensFor(signedIn("operator"), "openid profile citizen business");
        assertThat(call("/api/v1/licenses/keys", operator.access()).statusCode())
                .isEqualTo(403);
    }

    @Test
    void scopesDecideWhatACitizensTokenMayDo() throws Exception {
        var web = signedIn("citizen");
        var profileOnly = tokensFor(web, "openid profile");
        assertThat(call("/api/v1/licenses/mine", profileOnly.access()).statusCode())
                .isEqualTo(403);
        var citizen = tokensFor(web, "openid citizen");
        assertThat(call("/api/v1/licenses/mine", citizen.access()).statusCode()).isEqualTo(200);
    }

    @Test
    void signingOutEverywhereRevokesTheAppsTokens() throws Exception {
        var web = signedIn("citizen2");
        var tokens = tokensFor(web, "openid citizen");
        assertThat(call("/api/v1/me", tokens.access()).statusCode()).isEqualTo(200);
        Thread.sleep(1100); // token times are in whole seconds: the sign-out must come after the issue
        web.get("/account");
        assertThat(web.post("/account/sign-out-everywhere", java.util.Map.of("confirm", "yes"))
                        .status())
                .isEqualTo(302);
        assertThat(call("/api/v1/me", tokens.access()).statusCode()).isEqualTo(401);
        // The authorizations (with any refresh token) are gone too.
        var account = JSON.readTree(web.json("GET", "/api/v1/me", null).body());
        assertThat(account.has("accountId")).isFalse(); // the session ended as well
        assertThat(jdbc.sql("select count(*) from identity.oauth2_authorization where principal_name = :p")
                        .param("p", subject(tokens.access()))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    record Tokens(String access, String id, String refresh) {}

    private Tokens tokensFor(WebClient web, String scope) throws Exception {
        var verifier = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(UUID.randomUUID().toString().repeat(2).getBytes(StandardCharsets.UTF_8));
        var challenge = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        var redirect = "http://127.0.0.1:8765/callback";
        var authorize = web.get("/oauth2/authorize?response_type=code&client_id=tongban-mobile&scope="
                + URLEncoder.encode(scope, StandardCharsets.UTF_8)
                + "&redirect_uri=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8)
                + "&code_challenge=" + challenge + "&code_challenge_method=S256&state=xyz&nonce=n1");
        assertThat(authorize.location()).startsWith(redirect + "?code=");
        var code = Pattern.compile("code=([^&]+)")
                .matcher(authorize.location())
                .results()
                .findFirst()
                .orElseThrow()
                .group(1);
        var form = "grant_type=authorization_code&client_id=tongban-mobile&code=" + code + "&redirect_uri="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "&code_verifier=" + verifier;
        var token = http.send(
                HttpRequest.newBuilder(URI.create(BASE + "/oauth2/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return new Tokens(
                field(token.body(), "access_token"),
                field(token.body(), "id_token"),
                field(token.body(), "refresh_token"));
    }

    private static String subject(String jwt) {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]))
                .get("sub")
                .asString();
    }

    private static String decoded(String jwt) {
        var parts = jwt.split("\\.");
        return new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8) + " "
                + new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    private static String field(String json, String name) {
        var m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        return m.find() ? m.group(1) : "";
    }

    private HttpResponse<String> call(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(BASE + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
