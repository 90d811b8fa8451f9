package org.tongban.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.TongbanApplication;
import org.tongban.WebClient;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.notifications.DevelopmentOutbox;

/**
 * Two nodes on one database serve the same people: a session begun on one node is valid on the other, a code sent
 * by one node is accepted by the other, and signing out on one ends the session on both.
 */
class TwoNodesTests extends IntegrationTest {

    static ConfigurableApplicationContext second;
    static String secondBase;
    static String firstUrl;

    @Autowired
    Registration registration;

    @Autowired
    DevelopmentOutbox outbox;

    @BeforeAll
    static void startSecondNode(@Autowired DataSource dataSource) throws IOException {
        var hikari = (HikariDataSource) dataSource;
        firstUrl = hikari.getJdbcUrl();
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        secondBase = "http://localhost:" + port;
        // Command-line arguments, as an operator would start a node: they outrank application*.yml.
        second = new SpringApplicationBuilder(TongbanApplication.class)
                .profiles("test")
                .run(
                        "--server.port=" + port,
                        "--spring.datasource.url=" + hikari.getJdbcUrl(),
                        "--spring.datasource.username=" + hikari.getUsername(),
                        "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                        "--tongban.security.passkeys.allowed-origins=" + secondBase,
                        "--tongban.security.issuer=" + BASE);
    }

    @AfterAll
    static void stopSecondNode() {
        if (second != null) second.close();
    }

    @Test
    void aSessionBegunOnOneNodeIsValidOnTheOther() {
        var first = new WebClient(BASE);
        assertThat(first.signIn("citizen", DEMO_PASSWORD).location()).isEqualTo("/home");
        var other = first.at(secondBase);
        var page = other.get("/citizen");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("张*");

        other.get("/citizen");
        other.post("/logout", Map.of());
        assertThat(first.get("/citizen").location()).endsWith("/login");
    }

    @Test
    void aCodeSentByOneNodeSignsInOnTheOther() {
        var idNumber = TestPeople.idNumber();
        var phone = TestPeople.phone();
        var account = TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "双节点", phone, TestPeople.PASSWORD));
        var first = new WebClient(BASE);
        first.get("/login?method=code");
        first.post("/login/code/send", Map.of("identifier", idNumber));
        var code = lastCodeTo(outbox, phone);

        var other = new WebClient(secondBase);
        other.get("/login?method=code");
        assertThat(other.post("/login/code", Map.of("identifier", idNumber, "code", code))
                        .location())
                .isEqualTo("/home");
    }

    @Test
    void theSecondNodeUsesTheSameDatabaseAndSeedsNothingTwice() {
        var secondDataSource = (HikariDataSource) second.getBean(DataSource.class);
        assertThat(secondDataSource.getJdbcUrl()).isEqualTo(firstUrl);
        var jdbc = second.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        assertThat(jdbc.sql("select count(*) from identity.account where login_name = 'citizen'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void bothNodesAnswerHealthChecks() {
        assertThat(new WebClient(BASE).get("/actuator/health/readiness").status())
                .isEqualTo(200);
        assertThat(new WebClient(secondBase).get("/actuator/health/readiness").status())
                .isEqualTo(200);
    }
}
