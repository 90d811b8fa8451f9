package org.tongban.directory.internal;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.TongbanApplication;
import org.tongban.identity.internal.AccountStore;

/**
 * The directory's search at scale (ADR 0046): seeds N active entries (generated names with their pinyin, spread over
 * the demo departments), then times searches by initials, full pinyin, name and department name as an official
 * sees them (cards with visibility applied) against a primary-key read of one entry in the same run. Starts the
 * platform in-process on embedded PostgreSQL. Run by {@code bench/directory.sh [entries|smoke]}.
 */
public final class DirectoryBench {

    private static final List<String> SURNAMES =
            List.of("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高");
    private static final List<String> GIVEN = List.of(
            "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚", "志强",
            "海燕", "建华", "晓东", "文博", "子涵", "雨轩", "浩然", "思远", "嘉怡");

    public static void main(String[] args) throws Exception {
        boolean smoke = args.length > 0 && args[0].equals("smoke");
        int entries = smoke ? 2_000 : args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int calls = smoke ? 50 : 1_000;
        var dir = Files.createTempDirectory("tongban-directorybench");
        var context = new SpringApplicationBuilder(TongbanApplication.class)
                .run(
                        "--server.port=0",
                        "--tongban.embedded-db.data-dir=" + dir + "/pg",
                        "--tongban.keys.dev-key-file=" + dir + "/dev-keys.properties",
                        "--tongban.licenses.dev-key-file=" + dir + "/dev-licence-key.properties",
                        "--logging.level.root=WARN");
        try {
            var jdbc = context.getBean(JdbcClient.class);
            var viewer = context.getBean(AccountStore.class)
                    .findByIdentifier("official")
                    .orElseThrow()
                    .id();
            long seedStart = System.nanoTime();
            seed(jdbc, entries);
            analyze(context);
            System.out.printf("seeded %d entries in %.0f s%n", entries, (System.nanoTime() - seedStart) / 1e9);
            var directory = context.getBean(Directory.class);
            var store = context.getBean(DirectoryStore.class);
            var someone = jdbc.sql("select account_id from directory.entry where active limit 1")
                    .query(UUID.class)
                    .single();
            Runnable read = () -> {
                if (store.active(someone).isEmpty()) throw new IllegalStateException("no entry");
            };
            var baseline = warmAndTime(read, calls);
            System.out.printf("primary-key read: p50 %.3f ms, p99 %.3f ms%n", baseline[0], baseline[1]);
            for (var q : List.of("zwq", "zhangwei", "张伟", "市场监督", "Market Regulation")) {
                Runnable search = () -> directory.search(viewer, q, Locale.SIMPLIFIED_CHINESE);
                var t = warmAndTime(search, calls);
                System.out.printf(
                        "search %-20s (%d found): p50 %.2f ms, p99 %.2f ms; p99 ratio %.0fx%n",
                        "\"" + q + "\"",
                        directory.search(viewer, q, Locale.SIMPLIFIED_CHINESE).size(),
                        t[0],
                        t[1],
                        t[1] / baseline[1]);
            }
        } finally {
            context.close();
        }
    }

    private static double[] warmAndTime(Runnable r, int calls) {
        for (int i = 0; i < Math.max(20, calls / 5); i++) r.run();
        var ms = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            r.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[calls / 2], ms[Math.min(calls - 1, (int) Math.ceil(calls * 0.99) - 1)]};
    }

    /** Every surname × given-name combination with its pinyin, then N entries cycling through them. */
    private static void seed(JdbcClient jdbc, int entries) {
        var names = new StringBuilder();
        int k = 0;
        for (var s : SURNAMES)
            for (var g : GIVEN) {
                var spelling = NamePinyin.of(s + g);
                if (k > 0) names.append(',');
                names.append("(%d,'%s','%s','%s')".formatted(k++, s + g, spelling.full(), spelling.initials()));
            }
        jdbc.sql("""
                insert into directory.entry (account_id, name, pinyin, initials, department_code, post, active, as_of)
                select gen_random_uuid(), n.name, n.pinyin, n.initials, d.code, '科员', true, now()
                  from generate_series(1, :n) g
                  join (values %s) n (k, name, pinyin, initials) on n.k = g %% :names
                  join (select code, row_number() over (order by code) - 1 as i,
                               count(*) over () as c from directory.unit where kind = 'DEPARTMENT') d
                    on d.i = g %% d.c""".formatted(names)).param("n", entries).param("names", k).update();
    }

    /** Statistics for the planner, as the schemas' owner (the application's login may not analyse its tables). */
    private static void analyze(org.springframework.context.ApplicationContext context) throws Exception {
        var source = context.getBean(javax.sql.DataSource.class);
        var url = source instanceof com.zaxxer.hikari.HikariDataSource h
                ? h.getJdbcUrl()
                : source.getConnection().getMetaData().getURL();
        var user = context.getEnvironment().getProperty("spring.flyway.user", "postgres");
        var password = context.getEnvironment().getProperty("spring.flyway.password", "");
        try (var connection = java.sql.DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            statement.execute("analyze directory.entry");
        }
    }
}
