package org.tongban.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.TongbanApplication;
import org.tongban.exchange.internal.Sources;
import org.tongban.identity.ServiceClients;
import org.tongban.shared.IdNumber;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange gateway's overhead: p99 latency and calls per second at 8 clients over HTTP with a bearer token
 * (token check, grant, consent rule, source read, call-log append under the head lock), against the same source query
 * run directly in the same run. Starts the platform in-process on embedded PostgreSQL. Run by {@code bench/exchange.sh}.
 */
public final class ExchangeGatewayBench {

    public static void main(String[] args) throws Exception {
        int perClient = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int clients = 8;
        var dir = Files.createTempDirectory("tongban-exchangebench");
        var context = new SpringApplicationBuilder(TongbanApplication.class)
                .run(
                        "--server.port=0",
                        "--tongban.embedded-db.data-dir=" + dir + "/pg",
                        "--tongban.keys.dev-key-file=" + dir + "/dev-keys.properties",
                        "--tongban.licenses.dev-key-file=" + dir + "/dev-licence-key.properties",
                        "--tongban.rate-limits.factor=100000",
                        "--logging.level.root=WARN");
        try {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "8080"));
            var base = "http://127.0.0.1:" + port;
            var jdbc = context.getBean(JdbcClient.class);
            var id = UUID.randomUUID();
            var clientId = "exchange-" + id;
            var secret = "bench-" + UUID.randomUUID();
            var today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            jdbc.sql("""
                    insert into exchange.access_request (id, resource_code, requester_department, requested_by, fields,
                           purpose, legal_basis, valid_from, valid_until, status, granted_fields, granted_until,
                           client_id, created_at, decided_at)
                    values (:id, 'POPULATION_BASIC', '440100-SCJG', :by, :f, 'bench', 'bench', :from, :until, 'APPROVED',
                           :f, :until, :c, :at, :at)""")
                    .param("id", id)
                    .param("by", UUID.randomUUID())
                    .param("f", new String[] {"name", "sex"})
                    .param("from", today)
                    .param("until", today.plusDays(1))
                    .param("c", clientId)
                    .param("at", Timestamp.from(Instant.now()))
                    .update();
            context.getBean(ServiceClients.class)
                    .register(
                            clientId,
                            "bench",
                            secret,
                            Set.of("exchange:" + id),
                            Instant.now().plusSeconds(86400));
            var http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            var basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            var tokenBody = http.send(
                            HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                                    .header("Authorization", "Basic " + basic)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "grant_type=client_credentials&scope=exchange:" + id))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            var token = JsonMapper.builder()
                    .build()
                    .readTree(tokenBody)
                    .get("access_token")
                    .asString();
            var subject = IdNumber.parse("44010619900307123" + IdNumber.checkChar("44010619900307123"))
                    .value();
            var request = HttpRequest.newBuilder(URI.create(base + "/exchange/v1/POPULATION_BASIC/" + subject))
                    .header("Authorization", "Bearer " + token)
                    .build();
            var source = context.getBean(Sources.class).find("population").orElseThrow();
            Callable<Void> gateway = () -> {
                var r = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
                return null;
            };
            Callable<Void> direct = () -> {
                if (source.read(subject, Set.of("name", "sex")).isEmpty()) throw new IllegalStateException("no record");
                return null;
            };
            run("warm-up direct", direct, clients, perClient / 4);
            run("warm-up gateway", gateway, clients, perClient / 4);
            var d = run("direct source query", direct, clients, perClient);
            var g = run("gateway (HTTP, token, grant, signed log)", gateway, clients, perClient);
            System.out.printf("overhead p99: %.2f ms%n", g[1] - d[1]);
            var verification = context.getBean(org.tongban.exchange.internal.CallLog.class);
            verification.signHead();
            long t0 = System.nanoTime();
            var v = verification.verify();
            System.out.printf(
                    "verify: %d entries in %.2f s, intact=%s%n",
                    v.checked(), (System.nanoTime() - t0) / 1e9, v.intact());
        } finally {
            context.close();
        }
    }

    /** Returns {p50 ms, p99 ms, calls/s}. */
    static double[] run(String name, Callable<Void> call, int clients, int perClient) throws Exception {
        var pool = Executors.newFixedThreadPool(clients);
        var tasks = new ArrayList<Callable<long[]>>();
        for (int c = 0; c < clients; c++) {
            tasks.add(() -> {
                var times = new long[perClient];
                for (int i = 0; i < perClient; i++) {
                    long t = System.nanoTime();
                    call.call();
                    times[i] = System.nanoTime() - t;
                }
                return times;
            });
        }
        long t0 = System.nanoTime();
        var all = new ArrayList<Long>();
        for (var f : pool.invokeAll(tasks)) for (long t : f.get()) all.add(t);
        double seconds = (System.nanoTime() - t0) / 1e9;
        pool.shutdown();
        var sorted = all.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        double p50 = sorted[sorted.length / 2] / 1e6;
        double p99 = sorted[(int) (sorted.length * 0.99)] / 1e6;
        double rate = sorted.length / seconds;
        System.out.printf(
                "%s: %d calls, p50 %.2f ms, p99 %.2f ms, %.0f calls/s%n", name, sorted.length, p50, p99, rate);
        return new double[] {p50, p99, rate};
    }

    private ExchangeGatewayBench() {}
}
