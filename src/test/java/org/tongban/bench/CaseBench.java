package org.tongban.bench;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.TongbanApplication;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.SubmitCase;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * Submissions and task completions per second against raw Flowable on the same model and database, in one run.
 * Starts the platform in-process on embedded PostgreSQL (or TONGBAN_DB_URL), warms up, then measures with as many
 * threads as cores. Run by {@code bench/cases.sh}.
 */
public final class CaseBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int threads = Runtime.getRuntime().availableProcessors();
        var dir = Files.createTempDirectory("tongban-casebench");
        var context = new SpringApplicationBuilder(TongbanApplication.class)
                .properties(
                        "server.port=0",
                        "tongban.embedded-db.data-dir=" + dir + "/pg",
                        "tongban.keys.dev-key-file=" + dir + "/dev-keys.properties",
                        "logging.level.root=WARN")
                .run("--server.port=0");
        try {
            var runtime = context.getBean(RuntimeService.class);
            var taskService = context.getBean(TaskService.class);
            var tx = context.getBean(TransactionTemplate.class);
            var cases = context.getBean(CaseManagement.class);
            var handling = context.getBean(CaseHandling.class);
            var catalog = context.getBean(CatalogManagement.class);
            var item = catalog.search(ItemSearch.of("营业执照补领")).getFirst().code();
            var official = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select id from identity.account where login_name = 'official'")
                    .query(UUID.class)
                    .single();
            // 营业执照补领 is an enterprise item: the demo enterprise's legal representative files it.
            var applicant = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("select id from identity.account where login_name = 'enterprise'")
                    .query(UUID.class)
                    .single();

            for (int round = 0; round < 2; round++) {
                String label = round == 0 ? "warm-up" : "measured";
                // Raw Flowable: start the same model with the same variables, one transaction each.
                var rawKeys = new ArrayList<String>();
                double raw = rate(n, threads, i -> {
                    var key = "RAW-" + UUID.randomUUID();
                    tx.executeWithoutResult(s -> runtime.startProcessInstanceByKey(
                            "standardApproval",
                            key,
                            Map.of(
                                    "department",
                                    "440100-SCJG",
                                    "applicant",
                                    UUID.randomUUID().toString(),
                                    "itemCode",
                                    item,
                                    "itemVersion",
                                    "1",
                                    "warnAt",
                                    new java.util.Date(32503680000000L),
                                    "dueAt",
                                    new java.util.Date(32503680000000L))));
                    synchronized (rawKeys) {
                        rawKeys.add(key);
                    }
                    return null;
                });
                // Tongban: applications prepared (answers, uploads) before the clock starts.
                var applications = new ArrayList<SubmitCase>();
                for (int i = 0; i < n; i++) {
                    applications.add(Applications.valid(
                            cases, catalog, item, applicant, UUID.randomUUID().toString()));
                }
                var numbers = new ArrayList<String>();
                double submit = rate(n, threads, i -> {
                    var number = cases.submit(applications.get(i));
                    synchronized (numbers) {
                        numbers.add(number);
                    }
                    return null;
                });
                // Task completions: the accept step, raw and through CaseHandling.
                double rawComplete = rate(n, threads, i -> {
                    tx.executeWithoutResult(s -> {
                        var task = taskService
                                .createTaskQuery()
                                .processInstanceBusinessKey(rawKeys.get(i))
                                .singleResult();
                        taskService.claim(task.getId(), "bench");
                        var vars = new HashMap<String, Object>();
                        vars.put("outcome", "ACCEPT");
                        taskService.complete(task.getId(), vars);
                    });
                    return null;
                });
                double accept = rate(n, threads, i -> {
                    handling.act(official, numbers.get(i), CaseAction.ACCEPT, null);
                    return null;
                });
                System.out.printf("%s n=%d threads=%d%n", label, n, threads);
                System.out.printf("  raw Flowable process starts/s    %8.1f%n", raw);
                System.out.printf(
                        "  Tongban submissions/s            %8.1f  (%.0f %% of raw)%n", submit, 100 * submit / raw);
                System.out.printf("  raw Flowable task completions/s  %8.1f%n", rawComplete);
                System.out.printf(
                        "  Tongban acceptances/s           %8.1f  (%.0f %% of raw)%n",
                        accept, 100 * accept / rawComplete);
            }
        } finally {
            context.close();
        }
    }

    interface Work {
        Object run(int i) throws Exception;
    }

    private static double rate(int n, int threads, Work work) throws Exception {
        var next = new AtomicInteger();
        var tasks = new ArrayList<Callable<Object>>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                int i;
                while ((i = next.getAndIncrement()) < n) work.run(i);
                return null;
            });
        }
        long t0 = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (var f : pool.invokeAll(tasks)) f.get();
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private CaseBench() {}
}
