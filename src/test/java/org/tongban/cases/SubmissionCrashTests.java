package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.WebClient;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * A node is killed (SIGKILL) while applicants submit: afterwards every case is whole — its steps, its materials and
 * its running process — or absent; every submission the node acknowledged is there; and sending the same request
 * again to a live node files it once.
 */
class SubmissionCrashTests extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseManagement cases;

    @Autowired
    CatalogManagement catalog;

    @Test
    void aNodeKilledDuringSubmissionsLeavesNoHalfCase() throws Exception {
        var item = catalog.search(ItemSearch.of("营业执照补领")).getFirst().code();
        var applicant = UUID.fromString(signedIn("enterprise")
                .json("GET", "/api/v1/me", null)
                .body()
                .replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
        var node = startNode();
        try {
            int clients = 4;
            var acknowledged = new ConcurrentHashMap<String, String>(); // idempotency key → case number
            var sent = new ConcurrentHashMap<String, SubmitCase>();
            var threads = new ArrayList<Thread>();
            for (int c = 0; c < clients; c++) {
                var web = new WebClient(node.base);
                assertThat(web.signIn("enterprise", DEMO_PASSWORD).location()).isEqualTo("/home");
                web.get("/business");
                threads.add(Thread.ofPlatform().start(() -> {
                    while (true) {
                        var submit = Applications.valid(cases, catalog, item, applicant, "crash-" + UUID.randomUUID());
                        sent.put(submit.idempotencyKey(), submit);
                        WebClient.Page page;
                        try {
                            // 王五 acts for two enterprises: the API names the one filed as (ADR 0030).
                            page = web.jsonWithHeaders(
                                    "POST",
                                    "/api/v1/cases",
                                    json(submit),
                                    "Idempotency-Key",
                                    submit.idempotencyKey(),
                                    "X-Enterprise",
                                    String.valueOf(submit.enterprise()));
                        } catch (RuntimeException e) {
                            return; // the node is gone
                        }
                        if (page.status() == 201) {
                            acknowledged.put(
                                    submit.idempotencyKey(),
                                    page.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1"));
                        }
                    }
                }));
            }
            var until = Instant.now().plusSeconds(60);
            while (acknowledged.size() < 30 && Instant.now().isBefore(until)) Thread.sleep(20);
            node.process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback by the node itself
            node.process.waitFor();
            for (var t : threads) t.join(Duration.ofSeconds(30));
            assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(30);
            assertThat(sent.size()).as("requests in flight when the node died").isGreaterThan(acknowledged.size());

            // Every acknowledged submission is a case; every case of these requests is whole.
            var filed = jdbc.sql(
                            "select idempotency_key, number from cases.case_file where applicant_id = :a and idempotency_key like 'crash-%'")
                    .param("a", applicant)
                    .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                    .list();
            var byKey = new java.util.HashMap<String, String>();
            filed.forEach(e -> byKey.put(e.getKey(), e.getValue()));
            acknowledged.forEach((key, number) -> assertThat(byKey).containsEntry(key, number));
            for (var number : byKey.values()) {
                assertThat(count(
                                "select count(*) from cases.case_step where number = :n and step = 'SUBMITTED'",
                                number))
                        .isEqualTo(1);
                assertThat(count("select count(*) from cases.case_material where number = :n", number))
                        .isPositive();
                assertThat(count(
                                "select count(*) from workflow.act_ru_execution where business_key_ = :n and parent_id_ is null",
                                number))
                        .as("process of %s", number)
                        .isEqualTo(1);
            }
            // No process, step or material without its case.
            assertThat(jdbc.sql("""
                    select count(*) from workflow.act_ru_execution e
                    where e.business_key_ like :prefix and e.parent_id_ is null
                      and not exists (select 1 from cases.case_file f where f.number = e.business_key_)""")
                            .param("prefix", item + "-%")
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql(
                                    "select count(*) from cases.case_step s where not exists (select 1 from cases.case_file f where f.number = s.number)")
                            .query(Long.class)
                            .single())
                    .isZero();

            // The requests the node never answered, sent again to a live node: each is filed once.
            var unanswered = sent.keySet().stream()
                    .filter(k -> !acknowledged.containsKey(k))
                    .limit(5)
                    .toList();
            for (var key : unanswered) {
                // The same request: its uploads are still the applicant's, attached only if its case was filed.
                var retry = sent.get(key);
                var first = cases.submit(retry);
                var second = cases.submit(retry);
                assertThat(second).isEqualTo(first);
                if (byKey.containsKey(key)) assertThat(first).isEqualTo(byKey.get(key));
            }
        } finally {
            node.process.destroyForcibly();
        }
    }

    private long count(String sql, String number) {
        return jdbc.sql(sql).param("n", number).query(Long.class).single();
    }

    private static String json(SubmitCase s) {
        var form = new StringBuilder();
        s.formData()
                .forEach((k, v) -> form.append(form.isEmpty() ? "" : ",")
                        .append(quote(k))
                        .append(':')
                        .append(quote(v)));
        var materials = new StringBuilder();
        s.materials()
                .forEach((k, v) -> materials
                        .append(materials.isEmpty() ? "" : ",")
                        .append(quote(k.toString()))
                        .append(':')
                        .append(quote(v)));
        return "{\"itemCode\":" + quote(s.itemCode()) + ",\"form\":{" + form + "},\"materials\":{" + materials + "}}";
    }

    private static String quote(String v) {
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private record Node(Process process, String base) {}

    /** Another node of the platform in its own JVM on the same database, as an operator would run one. */
    private Node startNode() throws Exception {
        var hikari = (HikariDataSource) dataSource;
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var base = "http://localhost:" + port;
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var log = Path.of("target", "crash-node.log");
        Files.createDirectories(log.getParent());
        var command = List.of(
                java,
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "org.tongban.TongbanApplication",
                "--spring.profiles.active=test",
                "--server.port=" + port,
                "--spring.datasource.url=" + hikari.getJdbcUrl(),
                "--spring.datasource.username=" + hikari.getUsername(),
                "--spring.datasource.password=" + (hikari.getPassword() == null ? "" : hikari.getPassword()),
                "--tongban.security.passkeys.allowed-origins=" + base,
                "--tongban.security.issuer=" + BASE);
        var process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        var until = Instant.now().plusSeconds(180);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) throw new IllegalStateException("the second node stopped; see " + log);
            try {
                if (new WebClient(base).get("/actuator/health/readiness").status() == 200)
                    return new Node(process, base);
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the second node did not become ready; see " + log);
    }
}
