package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.TestPeople;
import org.tongban.TongbanApplication;
import org.tongban.WebClient;
import org.tongban.identity.internal.FirstStart;
import org.tongban.shared.IdNumber;

/**
 * The first start in production (issue 15 part 1, ADR 0035): the production profile on an empty database, with
 * real settings (keys, a database login that is no superuser, an SMS gateway: a local HTTP server), runs
 * {@code bootstrap}, and the new manager signs in with the printed initial password and the code the gateway
 * received, must replace the password, and then reaches the console. A second bootstrap is refused.
 */
@Tag("platform")
class FirstStartProductionTests {

    static final String PUBLIC = "https://zwfw.gov.example";
    static ConfigurableApplicationContext production;
    static String base;
    static HttpServer gateway;
    static final List<String> texts = new CopyOnWriteArrayList<>();
    static final List<String> authorizations = new CopyOnWriteArrayList<>();
    static String console;
    static String database;
    static io.zonky.test.db.postgres.embedded.EmbeddedPostgres embedded;

    static final String OPERATOR_ID = TestPeople.idNumber();
    static final String OPERATOR_PHONE = TestPeople.phone();
    static final String MANAGER_ID = TestPeople.idNumber();
    static final String MANAGER_PHONE = TestPeople.phone();

    /** The face-check provider's adapter of a deployment; this one confirms nobody (no face check is tested here). */
    @Configuration(proxyBeanMethods = false)
    static class ProviderAdapters {
        @Bean
        FaceVerification providerFaceVerification() {
            return (IdNumber idNumber, String name, String evidence) -> false;
        }
    }

    @BeforeAll
    static void startProduction() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            texts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            var answer = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        gateway.start();

        var url = emptyDatabase();
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://localhost:" + port;
        var out = new ByteArrayOutputStream();
        var original = System.out;
        System.setOut(new PrintStream(new TeeStream(out, original), true, StandardCharsets.UTF_8));
        try {
            production = new SpringApplicationBuilder(TongbanApplication.class, ProviderAdapters.class)
                    .profiles("production")
                    .run(arguments(url, port, true));
        } finally {
            System.setOut(original);
        }
        console = out.toString(StandardCharsets.UTF_8);
    }

    static String[] arguments(String url, int port, boolean bootstrap) {
        var args = new ArrayList<String>();
        if (bootstrap) {
            args.addAll(List.of(
                    "bootstrap",
                    "--operator-name=周运维",
                    "--operator-id=" + OPERATOR_ID,
                    "--operator-phone=" + OPERATOR_PHONE,
                    "--operator-login=ops.zhou",
                    "--manager-name=黄管理",
                    "--manager-id=" + MANAGER_ID,
                    "--manager-phone=" + MANAGER_PHONE,
                    "--manager-login=mgr.huang"));
        }
        args.addAll(List.of(
                "--server.port=" + port,
                "--tongban.first-start.exit=false",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=tongban_app",
                "--spring.datasource.password=" + env("TONGBAN_TEST_APP_PASSWORD", ""),
                "--spring.flyway.user=" + env("TONGBAN_TEST_DB_USER", "postgres"),
                "--spring.flyway.password=" + env("TONGBAN_TEST_DB_PASSWORD", ""),
                "--tongban.keys.field-encryption-key=" + key(16),
                "--tongban.keys.blind-index-key=" + key(32),
                "--tongban.licenses.master-key=" + key(16),
                "--tongban.audit.chain-key=" + key(32),
                "--tongban.audit.checkpoint-file=target/test-data/first-start-" + port + "/checkpoints.log",
                "--tongban.notifications.sms=gateway",
                "--tongban.notifications.sms-gateway.url=http://127.0.0.1:"
                        + gateway.getAddress().getPort() + "/sms",
                "--tongban.notifications.sms-gateway.username=tongban",
                "--tongban.notifications.sms-gateway.password=gateway-secret",
                "--tongban.notifications.sms-gateway.sender=通办",
                "--tongban.notifications.email=smtp",
                "--spring.mail.host=127.0.0.1",
                "--tongban.identity.face-verification=provider",
                "--tongban.security.passkeys.rp-id=zwfw.gov.example",
                "--tongban.security.passkeys.allowed-origins=" + PUBLIC,
                "--tongban.security.issuer=" + PUBLIC,
                "--tongban.licenses.public-url=" + PUBLIC));
        return args.toArray(String[]::new);
    }

    /** A database of its own, empty: a new one on the test server, or an embedded server of its own. */
    static String emptyDatabase() throws Exception {
        var testUrl = env("TONGBAN_TEST_DB_URL", "");
        if (testUrl.isEmpty()) {
            embedded = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                    .start();
            // No user in the URL: the driver would prefer it to the login given, and the node would connect as the
            // superuser, which the production readiness check refuses.
            return "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
        }
        database = "tongban_first_start_" + Long.toHexString(new SecureRandom().nextLong() & Long.MAX_VALUE);
        try (var c = DriverManager.getConnection(
                        testUrl, env("TONGBAN_TEST_DB_USER", "postgres"), env("TONGBAN_TEST_DB_PASSWORD", ""));
                var s = c.createStatement()) {
            s.execute("create database " + database);
        }
        return testUrl.substring(0, testUrl.lastIndexOf('/') + 1) + database;
    }

    @AfterAll
    static void stop() throws Exception {
        if (production != null) production.close();
        if (gateway != null) gateway.stop(0);
        if (embedded != null) embedded.close();
        if (database != null) {
            var testUrl = env("TONGBAN_TEST_DB_URL", "");
            try (var c = DriverManager.getConnection(
                            testUrl, env("TONGBAN_TEST_DB_USER", "postgres"), env("TONGBAN_TEST_DB_PASSWORD", ""));
                    var s = c.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    @Test
    void theBootstrapCreatesTheFirstOperatorAndManagerWhoSignInWithTwoFactorsAndAFreshPassword() {
        assertThat(console).contains("Tongban first start: done");
        var managerPassword = initialPassword("GOVERNMENT_MANAGER", "mgr.huang");
        initialPassword("PLATFORM_OPERATOR", "ops.zhou");

        var jdbc = production.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from identity.account")
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from audit.audit_event where code = 'FIRST_START_BOOTSTRAPPED'")
                                .query(Integer.class)
                                .single()
                        == 1);

        var web = WebClient.behindTls(base);
        assertThat(web.signIn("mgr.huang", "wrong-" + managerPassword).location())
                .contains("error");
        // The second factor: the code that the SMS gateway received for the manager's phone.
        WebClient.secondFactorCodes = identifier -> code(lastTextTo(MANAGER_PHONE));
        web = WebClient.behindTls(base);
        assertThat(web.signIn("mgr.huang", managerPassword).location()).isEqualTo("/home");
        assertThat(lastTextTo(MANAGER_PHONE)).contains("\"sender\":\"通办\"");
        assertThat(authorizations.getLast())
                .isEqualTo("Basic "
                        + Base64.getEncoder()
                                .encodeToString("tongban:gateway-secret".getBytes(StandardCharsets.UTF_8)));
        assertThat(web.get("/login/second-factor").location()).isEqualTo("/home");

        // The initial password must go first: every page leads to the password form.
        assertThat(web.get("/console").location()).endsWith("/account?mustChangePassword");
        var account = web.get("/account?mustChangePassword");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains("id=\"must-change-password\"");
        assertThat(web.post(
                                "/account/password",
                                Map.of("currentPassword", managerPassword, "newPassword", "Province#Manager2027"))
                        .location())
                .isEqualTo("/account");
        var consolePage = web.get("/console");
        assertThat(consolePage.status()).isEqualTo(200);
        assertThat(jdbc.sql("select password_change_required from identity.account where login_name = 'mgr.huang'")
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void aSecondBootstrapIsRefusedAndAudited() {
        var firstStart = production.getBean(FirstStart.class);
        assertThat(firstStart.pending()).isFalse();
        assertThatThrownBy(() -> firstStart.bootstrap(
                        new FirstStart.Administrator("冒名者", TestPeople.idNumber(), TestPeople.phone(), "intruder"),
                        new FirstStart.Administrator("同伙", TestPeople.idNumber(), TestPeople.phone(), null)))
                .isInstanceOf(FirstStart.Refused.class)
                .hasMessageContaining("runs only once");
        var jdbc = production.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from identity.account where login_name = 'intruder'")
                        .query(Integer.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit.audit_event where code = 'FIRST_START_REFUSED'")
                        .query(Integer.class)
                        .single())
                .isGreaterThanOrEqualTo(1);
    }

    private static String initialPassword(String role, String login) {
        var m = Pattern.compile(role + ": sign in with '" + Pattern.quote(login) + "', initial password (\\S+)")
                .matcher(console);
        assertThat(m.find())
                .as("the console names the %s's initial password", role)
                .isTrue();
        return m.group(1);
    }

    private static String lastTextTo(String phone) {
        for (int i = texts.size() - 1; i >= 0; i--) {
            if (texts.get(i).contains("\"to\":\"+86" + phone + "\"")) return texts.get(i);
        }
        throw new AssertionError("the gateway received no text to " + phone + ": " + texts);
    }

    private static String code(String text) {
        var m = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)").matcher(text);
        if (!m.find()) throw new AssertionError("no code in " + text);
        return m.group();
    }

    private static String key(int bytes) {
        var key = new byte[bytes];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }

    /** Writes to two streams: the test reads what the installer would see on the console. */
    static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
