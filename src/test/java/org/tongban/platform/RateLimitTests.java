package org.tongban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.TongbanApplication;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.notifications.DevelopmentOutbox;

/**
 * Rate limits with the real numbers of application.yml, on a second node started with them (the shared test
 * context runs with limits raised a thousandfold). Each test speaks from an address of its own in 127/8, so that
 * counts of other tests do not mix in, and spreads its requests over both nodes: the limit holds only if both
 * count into the same rows in PostgreSQL.
 */
class RateLimitTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.tongban.notifications.DevelopmentOutbox outbox;

    static ConfigurableApplicationContext limited;
    static String limitedBase;
    static final String MAIN = "http://127.0.0.1:" + PORT;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    Registration registration;

    @BeforeAll
    static void startANodeWithTheRealLimits(@Autowired DataSource dataSource) throws IOException {
        var hikari = (HikariDataSource) dataSource;
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        limitedBase = "http://127.0.0.1:" + port;
        limited = new SpringApplicationBuilder(TongbanApplication.class)
                .profiles("test")
                .run(
                        "--server.port=" + port,
                        "--spring.datasource.url=" + hikari.getJdbcUrl(),
                        "--spring.datasource.username=" + hikari.getUsername(),
                        "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                        "--tongban.security.passkeys.allowed-origins=" + limitedBase,
                        "--tongban.security.issuer=" + BASE,
                        "--tongban.rate-limits.factor=1",
                        // One password check at a time and no waiting, so that a burst shows what the cap answers.
                        "--tongban.sign-in-limits.concurrent-password-checks=1",
                        "--tongban.sign-in-limits.password-check-wait=0s",
                        // The machine's PostgreSQL serves many test runs: this node needs few connections.
                        "--spring.datasource.hikari.maximum-pool-size=5");
    }

    @AfterAll
    static void stopIt() {
        if (limited != null) limited.close();
    }

    @Test
    void theTwentyFirstSignInAttemptFromOneAddressIsRefusedWith429AndRetryAfterOnEitherNode() {
        var address = anAddress();
        var one = new Visitor(MAIN, address);
        var other = new Visitor(limitedBase, address);
        for (int i = 0; i < 20; i++) {
            var visitor = i % 2 == 0 ? one : other;
            visitor.get("/login");
            var attempt =
                    visitor.post("/login", Map.of("identifier", "nobody-" + UUID.randomUUID(), "password", "Wrong#1x"));
            assertThat(attempt.statusCode()).as("attempt %d", i + 1).isEqualTo(302);
        }
        other.get("/login");
        var refused = other.post("/login", Map.of("identifier", "citizen", "password", DEMO_PASSWORD));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(retryAfter(refused)).isBetween(1L, 300L);
        assertThat(refused.body()).contains("操作过于频繁").doesNotContain("Exception");

        // The passkey ceremony and code entry are sign-in attempts too; their script gets a problem, not a page.
        var passkey = other.json("/webauthn/authenticate/options", "{}");
        assertThat(passkey.statusCode()).isEqualTo(429);
        assertThat(passkey.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(passkey.body()).contains("\"status\":429");
        assertThat(retryAfter(passkey)).isBetween(1L, 300L);
        assertThat(other.post("/login/code", Map.of("identifier", "citizen", "code", "123456"))
                        .statusCode())
                .isEqualTo(429);
    }

    @Test
    void signInsBeyondTheCapOnPasswordHashingGet429NotAnError() throws Exception {
        var address = anAddress();
        var visitors = new java.util.ArrayList<Visitor>();
        for (int i = 0; i < 8; i++) {
            var visitor = new Visitor(limitedBase, address);
            visitor.get("/login");
            visitors.add(visitor);
        }
        var answers = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (var visitor : visitors) {
                answers.add(threads.submit(() -> visitor.post(
                        "/login", Map.of("identifier", "nobody-" + UUID.randomUUID(), "password", "Wrong#Password1"))));
            }
        }
        var statuses = new java.util.ArrayList<Integer>();
        for (var answer : answers) {
            var response = answer.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 429) assertThat(retryAfter(response)).isEqualTo(1L);
        }
        assertThat(statuses).containsOnly(302, 429).contains(429);
    }

    @Test
    void licenseVerificationIsLimitedPerAddressOnTheApiAndTheUploadPage() {
        var address = anAddress();
        var one = new Visitor(MAIN, address);
        var other = new Visitor(limitedBase, address);
        for (int i = 0; i < 60; i++) {
            var answer = (i % 2 == 0 ? one : other).json("/api/v1/licenses/verify", "{\"token\":\"not-a-token\"}");
            assertThat(answer.statusCode()).as("verification %d", i + 1).isNotEqualTo(429);
        }
        var refused = other.json("/api/v1/licenses/verify", "{\"token\":\"not-a-token\"}");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"title\":\"Too Many Requests\"").contains("\"status\":429");
        assertThat(retryAfter(refused)).isBetween(1L, 60L);

        other.get("/verify");
        var page = other.post("/verify", Map.of("token", "not-a-token"));
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.body()).contains("操作过于频繁");
        assertThat(retryAfter(page)).isBetween(1L, 60L);
    }

    @Test
    void licenseStatusPagesCannotBeEnumeratedWithoutLimit() {
        var address = anAddress();
        var one = new Visitor(MAIN, address);
        var other = new Visitor(limitedBase, address);
        for (int i = 0; i < 60; i++) {
            var path = i % 3 == 0 ? "/api/v1/licenses/NOPE-" + i + "/status" : "/verify/licenses/NOPE-" + i;
            assertThat((i % 2 == 0 ? one : other).get(path).statusCode())
                    .as(path)
                    .isEqualTo(404);
        }
        var refused = other.get("/verify/licenses/NOPE-61");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(retryAfter(refused)).isBetween(1L, 60L);
        assertThat(new Visitor(limitedBase, anAddress())
                        .get("/verify/licenses/NOPE-61")
                        .statusCode())
                .as("another address is not held back")
                .isEqualTo(404);
    }

    @Test
    void aPhoneGetsOneCodeAMinuteAndAnIdentifierOneRequestAMinuteWhetherOrNotItExists() {
        var idNumber = TestPeople.idNumber();
        var phone = TestPeople.phone();
        org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "冷却人", phone, TestPeople.PASSWORD));
        // The registration code took this phone's minute; the test starts the minute afresh.
        jdbc.sql("delete from platform.rate_limit").update();
        var outbox = limited.getBean(DevelopmentOutbox.class);
        var visitor = new Visitor(limitedBase, anAddress());
        visitor.get("/login?method=code");
        assertThat(visitor.post("/login/code/send", Map.of("identifier", idNumber))
                        .statusCode())
                .isEqualTo(302);
        var first = lastCodeTo(outbox, phone);

        var again = visitor.post("/login/code/send", Map.of("identifier", idNumber));
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(retryAfter(again)).isBetween(1L, 60L);
        assertThat(again.body()).contains("操作过于频繁");
        // An identifier that names nobody is answered alike, so the limit does not tell which accounts exist.
        var unknown = "nobody-" + UUID.randomUUID();
        assertThat(visitor.post("/login/code/send", Map.of("identifier", unknown))
                        .statusCode())
                .isEqualTo(302);
        assertThat(visitor.post("/login/code/send", Map.of("identifier", unknown))
                        .statusCode())
                .isEqualTo(429);

        // The same phone through another identifier: the answer looks the same, no second SMS goes out, and the
        // first code still works.
        assertThat(visitor.post("/login/code/send", Map.of("identifier", phone)).statusCode())
                .isEqualTo(302);
        assertThat(lastCodeTo(outbox, phone)).isEqualTo(first);
        visitor.get("/login?method=code");
        var signedIn = visitor.post("/login/code", Map.of("identifier", idNumber, "code", first));
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/home");
    }

    @Test
    void codeRequestsAreLimitedPerAddressToo() {
        var visitor = new Visitor(limitedBase, anAddress());
        visitor.get("/login?method=code");
        for (int i = 0; i < 10; i++) {
            assertThat(visitor.post("/login/code/send", Map.of("identifier", "nobody-" + UUID.randomUUID()))
                            .statusCode())
                    .as("request %d", i + 1)
                    .isEqualTo(302);
        }
        var refused = visitor.post("/login/code/send", Map.of("identifier", "nobody-" + UUID.randomUUID()));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(retryAfter(refused)).isBetween(1L, 600L);
    }

    @Test
    void aSecondPhoneChangeCodeWithinTheMinuteIsRefusedWith429() {
        var idNumber = TestPeople.idNumber();
        org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "换号冷却", TestPeople.phone(), TestPeople.PASSWORD));
        var visitor = new Visitor(limitedBase, anAddress());
        visitor.get("/login");
        assertThat(visitor.post("/login", Map.of("identifier", idNumber, "password", TestPeople.PASSWORD))
                        .statusCode())
                .isEqualTo(302);
        visitor.get("/account");
        var newPhone = TestPeople.phone();
        assertThat(visitor.json("/api/v1/me/phone/code", "{\"phone\":\"" + newPhone + "\"}")
                        .statusCode())
                .isEqualTo(202);
        var again = visitor.json("/api/v1/me/phone/code", "{\"phone\":\"" + newPhone + "\"}");
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(again.body()).contains("\"status\":429");
        assertThat(retryAfter(again)).isBetween(1L, 60L);
    }

    @Test
    void registrationIsLimitedPerAddress() {
        var visitor = new Visitor(limitedBase, anAddress());
        visitor.get("/register");
        for (int i = 0; i < 10; i++) {
            var attempt =
                    visitor.post("/register", Map.of("idNumber", "1", "name", "x", "phone", "1", "password", "x"));
            assertThat(attempt.statusCode()).as("registration %d", i + 1).isEqualTo(422);
        }
        var refused = visitor.post("/register", Map.of("idNumber", "1", "name", "x", "phone", "1", "password", "x"));
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(retryAfter(refused)).isBetween(1L, 3600L);
    }

    private static long retryAfter(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("Retry-After").orElse("-1"));
    }

    /** A loopback address of its own (127.x.y.z), so that each test starts with fresh per-address counts. */
    private static String anAddress() {
        var random = ThreadLocalRandom.current();
        return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
    }

    /** A browser speaking from a given local address; keeps cookies and the CSRF token, follows no redirects. */
    static final class Visitor {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:value|content)=\"([^\"]+)\"");
        private final HttpClient http;
        private final String base;
        private String csrf = "";

        Visitor(String base, String address) {
            this.base = base;
            try {
                this.http = HttpClient.newBuilder()
                        .localAddress(InetAddress.getByName(address))
                        .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .build();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "text/html")
                    .GET());
        }

        HttpResponse<String> post(String path, Map<String, String> form) {
            var fields = new LinkedHashMap<>(form);
            fields.putIfAbsent("_csrf", csrf);
            var body = fields.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        HttpResponse<String> json(String path, String json) {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Accept", "application/json")
                    .header("Content-Type", "application/json")
                    .header("X-CSRF-TOKEN", csrf)
                    .POST(HttpRequest.BodyPublishers.ofString(json)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) {
            try {
                var response = http.send(
                        request.header("Accept-Language", "zh-CN").build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                var token = CSRF.matcher(response.body());
                if (token.find()) csrf = token.group(1);
                return response;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
