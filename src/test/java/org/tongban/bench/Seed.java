package org.tongban.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.TongbanApplication;
import org.tongban.workflow.WorkflowManagement;

/**
 * The seeding tool: starts the platform in-process on the database named by {@code TONGBAN_DB_URL} (or on the
 * embedded PostgreSQL under {@code TONGBAN_DATA_DIR}), migrates it and seeds the demo province as a normal start
 * does, then adds open tasks of officials with their cases and catalogue items at scale (see {@link Seeder}), and
 * finally takes seeded cases through the real engine to their end. Run by {@code bench/seed.sh}.
 *
 * <pre>Seed [tasks] [items]      defaults 1000000 and 3000</pre>
 */
public final class Seed {

    public static void main(String[] args) throws Exception {
        long tasks = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int items = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        var dataDir = Path.of(System.getenv().getOrDefault("TONGBAN_DATA_DIR", "./data"));
        Files.createDirectories(dataDir);
        var context = new SpringApplicationBuilder(TongbanApplication.class)
                .properties("server.port=0", "logging.level.root=WARN", "logging.level.org.tongban.bench=INFO")
                // The seeder writes in bulk into tables of its own, which the application's role may not create.
                .run("--spring.datasource.username="
                        + System.getenv().getOrDefault("TONGBAN_DB_MIGRATION_USER", "postgres"));
        try {
            var jdbc = context.getBean(JdbcClient.class);
            long open = jdbc.sql("select count(*) from workflow.act_ru_task")
                    .query(Long.class)
                    .single();
            var seeder = new Seeder(context);
            long t0 = System.nanoTime();
            if (open >= tasks) {
                log("the database already holds %,d open tasks: no tasks added".formatted(open));
            } else {
                var templates = seeder.templates();
                log("%d template cases filed and moved through the real API (%.0f s)"
                        .formatted(templates.size(), (System.nanoTime() - t0) / 1e9));
                long added = seeder.copy(
                        templates,
                        tasks
                                - open
                                - templates.stream()
                                        .mapToInt(Seeder.Template::tasks)
                                        .sum(),
                        100,
                        Seed::log);
                log("copied: %,d open tasks added (%.0f s)".formatted(added, (System.nanoTime() - t0) / 1e9));
            }
            int present = jdbc.sql("select count(*) from catalog.service_item where status = 'PUBLISHED'")
                    .query(Integer.class)
                    .single();
            if (present < items) log("catalogue: %,d items added".formatted(seeder.catalogue(items)));
            var done = seeder.completeCopies();
            log("seeded cases completed through the real engine: " + done + "; engine conflicts retried: "
                    + seeder.conflicts);
            var workflow = context.getBean(WorkflowManagement.class);
            for (var number : done) {
                if (!workflow.ended(number)) throw new IllegalStateException("process of " + number + " did not end");
            }
            log(jdbc.sql("""
                    select format('now: %s open tasks, %s candidate links, %s cases (%s open), %s published items',
                           (select to_char(count(*), 'FM9,999,999') from workflow.act_ru_task),
                           (select to_char(count(*), 'FM9,999,999') from workflow.act_ru_identitylink where type_ = 'candidate'),
                           (select to_char(count(*), 'FM9,999,999') from cases.case_file),
                           (select to_char(count(*), 'FM9,999,999') from cases.case_file where concluded_at is null),
                           (select count(*) from catalog.service_item where status = 'PUBLISHED'))""").query(String.class).single());
            log(jdbc.sql("""
                    select string_agg(g || ' ' || to_char(n, 'FM9,999,999'), ', ' order by n desc) from (
                      select l.group_id_ as g, count(*) as n from workflow.act_ru_identitylink l
                       where l.type_ = 'candidate' and l.task_id_ is not null group by 1) x""").query(String.class).single());
        } finally {
            context.close();
        }
    }

    static void log(String line) {
        System.out.println("seed  " + line);
    }

    private Seed() {}
}
