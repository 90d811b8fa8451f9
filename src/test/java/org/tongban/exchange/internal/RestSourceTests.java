package org.tongban.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The REST adapter against a real HTTP server (the JDK's): how a department's own system plugs in. It asks only
 * for the fields it needs, keeps only those whatever the system sends, reads 404 as no record, and fails (never
 * answers empty) when the system errs or is down.
 */
class RestSourceTests {

    HttpServer server;
    final AtomicReference<String> lastQuery = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hr/records/", exchange -> {
            lastQuery.set(exchange.getRequestURI().getRawQuery());
            var subject = exchange.getRequestURI().getPath().substring("/hr/records/".length());
            byte[] body;
            int status;
            if (subject.equals("440106199003071231")) {
                status = 200;
                body = "{\"employer\":\"广州通办示范科技有限公司\",\"insured_status\":\"正常参保\",\"monthly_base\":\"12000\"}"
                        .getBytes(StandardCharsets.UTF_8);
            } else if (subject.equals("FAIL")) {
                status = 500;
                body = "oops".getBytes(StandardCharsets.UTF_8);
            } else {
                status = 404;
                body = new byte[0];
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    RestSource source(String base) {
        return new RestSource(
                "social_insurance",
                "440100-RS",
                SubjectKind.PERSON,
                URI.create(base),
                List.of(
                        new SourceSystem.SourceField("employer", "参保单位"),
                        new SourceSystem.SourceField("insured_status", "参保状态"),
                        new SourceSystem.SourceField("monthly_base", "缴费基数")),
                Duration.ofSeconds(2));
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hr/";
    }

    @Test
    void readsOnlyTheFieldsAskedFor() {
        var record = source(base()).read("440106199003071231", Set.of("employer", "insured_status"));
        assertThat(record).hasValueSatisfying(r -> {
            assertThat(r).containsEntry("employer", "广州通办示范科技有限公司").containsEntry("insured_status", "正常参保");
            // The system sent more than asked: it does not leave the adapter.
            assertThat(r).doesNotContainKey("monthly_base");
        });
        assertThat(lastQuery.get()).isEqualTo("fields=employer%2Cinsured_status");
    }

    @Test
    void noRecordIsEmptyAndAFailureIsAFailure() {
        assertThat(source(base()).read("440106199501010011", Set.of("employer")))
                .isEmpty();
        assertThatThrownBy(() -> source(base()).read("FAIL", Set.of("employer")))
                .isInstanceOf(SourceUnavailableException.class);
        server.stop(0);
        assertThatThrownBy(() -> source(base()).read("440106199003071231", Set.of("employer")))
                .isInstanceOf(SourceUnavailableException.class);
    }
}
