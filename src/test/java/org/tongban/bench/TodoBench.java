package org.tongban.bench;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.TongbanApplication;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.identity.internal.AccountStore;
import org.tongban.workbench.internal.UnifiedTodo;

/**
 * The unified to-do at scale (issue 13: p99 < 50 ms with 1,000,000 open items in the department, ADR 0040): seeds
 * the department of {@code transportofficial} with open items of the three sources — half waiting case steps (the
 * workflow's inbox rows and their cases), a third documents waiting for 核稿, the rest open rectifications — then
 * times the whole to-do (every provider's first items, counts and done today, merged and worded) against a
 * primary-key read in the same run. Starts the platform in-process on embedded PostgreSQL. Run by
 * {@code bench/todo.sh [items|smoke]}.
 */
public final class TodoBench {

    public static void main(String[] args) throws Exception {
        boolean smoke = args.length > 0 && args[0].equals("smoke");
        int items = smoke ? 3_000 : args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int calls = smoke ? 50 : 1_000;
        var dir = Files.createTempDirectory("tongban-todobench");
        var context = new SpringApplicationBuilder(TongbanApplication.class)
                .run(
                        "--server.port=0",
                        "--tongban.embedded-db.data-dir=" + dir + "/pg",
                        "--tongban.keys.dev-key-file=" + dir + "/dev-keys.properties",
                        "--tongban.licenses.dev-key-file=" + dir + "/dev-licence-key.properties",
                        "--logging.level.root=WARN");
        try {
            var jdbc = context.getBean(JdbcClient.class);
            var official = context.getBean(AccountStore.class)
                    .findByIdentifier("transportofficial")
                    .orElseThrow()
                    .id();
            var department = "440100-JT";
            var item = context.getBean(CatalogManagement.class)
                    .search(ItemSearch.of("道路运输从业人员资格证"))
                    .getFirst()
                    .code();
            long seedStart = System.nanoTime();
            seed(jdbc, department, item, items);
            analyze(context);
            System.out.printf(
                    "seeded %d open items in %s in %.0f s%n", items, department, (System.nanoTime() - seedStart) / 1e9);

            if (Boolean.getBoolean("todo.explain"))
                jdbc.sql("""
                                explain analyze select x.id, c.item_name_zh from (select * from ratings.rectification
                                 where department_code = :dep and status = 'OPEN' order by deadline limit 50) x
                                 join ratings.rateable_case c on c.case_number = x.case_number
                                 order by x.deadline, x.opened_at""")
                        .param("dep", department)
                        .query(String.class)
                        .list()
                        .forEach(System.out::println);
            var todo = context.getBean(UnifiedTodo.class);
            var someDocument = jdbc.sql("select id from documents.document where department = :d limit 1")
                    .param("d", department)
                    .query(UUID.class)
                    .single();
            Runnable list = () -> todo.of(official, null, Locale.SIMPLIFIED_CHINESE);
            Runnable read = () -> jdbc.sql("select title from documents.document where id = :id")
                    .param("id", someDocument)
                    .query(String.class)
                    .single();
            for (int i = 0; i < Math.max(20, calls / 5); i++) {
                list.run();
                read.run();
            }
            var listed = time(list, calls);
            var baseline = time(read, calls);
            // Where the time goes: each provider's three questions alone.
            var owner = new org.tongban.workbench.TodoOwner(official, department, Locale.SIMPLIFIED_CHINESE);
            var since = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                    .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                    .toInstant();
            for (var p : context.getBeansOfType(org.tongban.workbench.TodoProvider.class)
                    .values()) {
                var w = time(() -> p.waiting(owner, UnifiedTodo.LIMIT), calls / 2);
                var c = time(() -> p.count(owner), calls / 2);
                var d = time(() -> p.doneSince(owner, since, UnifiedTodo.LIMIT), calls / 2);
                System.out.printf(
                        "  %-9s waiting p50 %.2f p99 %.2f ms; count p50 %.2f p99 %.2f ms; done today p50 %.2f p99 %.2f ms%n",
                        p.source(), w[0], w[1], c[0], c[1], d[0], d[1]);
            }
            var shown = todo.of(official, null, Locale.SIMPLIFIED_CHINESE);
            System.out.printf(
                    "to-do of %d open items (%d shown, total read %d): p50 %.2f ms, p99 %.2f ms; primary-key read p50"
                            + " %.3f ms, p99 %.3f ms; p99 ratio %.0fx%n",
                    items,
                    shown.rows().size(),
                    shown.total(),
                    listed[0],
                    listed[1],
                    baseline[0],
                    baseline[1],
                    listed[1] / baseline[1]);
        } finally {
            context.close();
        }
    }

    /** p50 and p99 in milliseconds of {@code calls} sequential runs. */
    private static double[] time(Runnable r, int calls) {
        var ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[calls / 2], ms[Math.min(calls - 1, (int) Math.ceil(calls * 0.99) - 1)]};
    }

    private static void seed(JdbcClient jdbc, String department, String item, int items) {
        int cases = items / 2;
        int documents = items / 3;
        int ratings = items - cases - documents;
        // Waiting steps: a case each, submitted over the past months, with its row in the officials' inbox.
        jdbc.sql("""
                insert into cases.case_file (number, item_code, item_version, department_code, applicant_id,
                       idempotency_key, status, form_data, submitted_at)
                select 'BENCH-C-' || g, :item, 1, :dep, gen_random_uuid(), 'bench-' || g, 'SUBMITTED', '{}'::jsonb,
                       now() - (g % 200) * interval '1 day' - g * interval '1 millisecond'
                  from generate_series(1, :n) g""")
                .param("item", item)
                .param("dep", department)
                .param("n", cases)
                .update();
        jdbc.sql("""
                insert into workflow.task_inbox (task_id, department, step, name, assignee, created_at, business_key)
                select 'bench-task-' || g, :dep, 'accept', '受理', null,
                       (now() - (g % 200) * interval '1 day' - g * interval '1 millisecond')::timestamp, 'BENCH-C-' || g
                  from generate_series(1, :n) g""").param("dep", department).param("n", cases).update();
        // Drafts of colleagues, waiting for 核稿.
        jdbc.sql("""
                insert into documents.document (id, department, drafter, doc_type, status, issuer_mark, title,
                       main_recipients, body, issuer_signature, seal_kind, cc_recipients, printed_by, countersigners,
                       created_at, updated_at, version)
                select gen_random_uuid(), :dep, gen_random_uuid(), 'NOTICE', 'CHECK', '广州市交通运输局文件',
                       '关于压测第' || g || '号的通知', '{440100-RS}', '正文', '广州市交通运输局', 'SEALED', '{}',
                       '广州市交通运输局办公室', '{}', now() - g * interval '1 second', now() - g * interval '1 second', 0
                  from generate_series(1, :n) g""").param("dep", department).param("n", documents).update();
        // Open rectifications of bad ratings, due over the coming weeks.
        jdbc.sql("""
                insert into ratings.rateable_case (case_number, applicant_id, item_code, item_name_zh, item_name_en,
                       department_code, department_zh, department_en, outcome, concluded_at, recorded_at)
                select 'BENCH-R-' || g, gen_random_uuid(), :item, '道路运输从业人员资格证', 'Road transport worker qualification',
                       :dep, '广州市交通运输局', 'Guangzhou Transport Bureau', 'APPROVED', now(), now()
                  from generate_series(1, :n) g""")
                .param("item", item)
                .param("dep", department)
                .param("n", ratings)
                .update();
        jdbc.sql("""
                insert into ratings.rating (case_number, rater_id, level, overall, efficiency, guide_accuracy,
                       convenience, usability, rated_at)
                select 'BENCH-R-' || g, gen_random_uuid(), 1, 1, 1, 1, 1, 1, now() from generate_series(1, :n) g""").param("n", ratings).update();
        jdbc.sql("""
                insert into ratings.rectification (id, case_number, department_code, status, opened_at, deadline)
                select gen_random_uuid(), 'BENCH-R-' || g, :dep, 'OPEN', now(), current_date + (g % 30)
                  from generate_series(1, :n) g""").param("dep", department).param("n", ratings).update();
    }

    /**
     * Statistics for the planner, as autovacuum would gather them after such a load: as the schemas' owner (the
     * migration user), since the application's login may not analyse tables it does not own and is skipped silently.
     */
    private static void analyze(org.springframework.context.ApplicationContext context) throws Exception {
        var source = context.getBean(javax.sql.DataSource.class);
        var url = source instanceof com.zaxxer.hikari.HikariDataSource h
                ? h.getJdbcUrl()
                : source.getConnection().getMetaData().getURL();
        var user = context.getEnvironment().getProperty("spring.flyway.user", "postgres");
        var password = context.getEnvironment().getProperty("spring.flyway.password", "");
        try (var connection = java.sql.DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            statement.execute("analyze");
        }
    }
}
