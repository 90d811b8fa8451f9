package org.tongban.bench;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.TongbanApplication;
import org.tongban.insight.internal.Insight;

/**
 * The dashboards at scale (issue 15: p99 < 100 ms with 10,000,000 cases, ADR 0044): seeds N case rows
 * ({@code cases.case_file}, over two years, 12 departments, 60 items, two channels, a third concluded) and their
 * read models ({@code insight.case_fact}, {@code insight.case_day}, {@code insight.active_user}) with SQL, then
 * times the province's and one department's dashboard figures (last 30 days) and a drill-down against a
 * primary-key read of a case in the same run. Starts the platform in-process on embedded PostgreSQL. Run by
 * {@code bench/insight.sh [cases|smoke]}.
 */
public final class InsightBench {

    public static void main(String[] args) throws Exception {
        boolean smoke = args.length > 0 && args[0].equals("smoke");
        int cases = smoke ? 20_000 : args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        int calls = smoke ? 30 : 500;
        var dir = Files.createTempDirectory("tongban-insightbench");
        var context = new SpringApplicationBuilder(TongbanApplication.class)
                .run(
                        "--server.port=0",
                        "--tongban.embedded-db.data-dir=" + dir + "/pg",
                        "--tongban.keys.dev-key-file=" + dir + "/dev-keys.properties",
                        "--tongban.licenses.dev-key-file=" + dir + "/dev-licence-key.properties",
                        "--logging.level.root=WARN");
        try {
            var jdbc = context.getBean(JdbcClient.class);
            long seedStart = System.nanoTime();
            for (int from = 1; from <= cases; from += 1_000_000) seed(jdbc, from, Math.min(cases, from + 999_999));
            rollUp(jdbc);
            jdbc.sql("analyze").update();
            System.out.printf(
                    "seeded %d cases and their read models in %.0f s%n", cases, (System.nanoTime() - seedStart) / 1e9);
            var insight = context.getBean(Insight.class);
            var to = insight.today();
            Runnable province = () -> insight.figures(null, 30, Locale.SIMPLIFIED_CHINESE);
            Runnable department = () -> insight.figures("BENCH-D3", 30, Locale.SIMPLIFIED_CHINESE);
            var drill = new org.tongban.insight.internal.Drill(
                    "late", to.minusDays(29), to, "BENCH-D3", null, null, null, null);
            Runnable drillDown = () -> insight.drill(drill, Locale.SIMPLIFIED_CHINESE, 200);
            Runnable read = () -> jdbc.sql("select status from cases.case_file where number = :n")
                    .param("n", "BENCH-" + (cases / 2))
                    .query(String.class)
                    .single();
            for (int i = 0; i < Math.max(10, calls / 5); i++) {
                province.run();
                department.run();
                drillDown.run();
                read.run();
            }
            var p = time(province, calls);
            var d = time(department, calls);
            var x = time(drillDown, calls);
            var b = time(read, calls);
            System.out.printf(
                    "%d cases: province p50 %.2f p99 %.2f ms; department p50 %.2f p99 %.2f ms; drill-down p50 %.2f"
                            + " p99 %.2f ms; primary-key read p50 %.3f p99 %.3f ms%n",
                    cases, p[0], p[1], d[0], d[1], x[0], x[1], b[0], b[1]);
        } finally {
            context.close();
        }
    }

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

    /** Cases from..to: submitted over 730 days, a third concluded (one in ten of those late), and their facts. */
    private static void seed(JdbcClient jdbc, int from, int to) {
        jdbc.sql("""
                insert into cases.case_file (number, item_code, item_version, department_code, applicant_id,
                       idempotency_key, status, form_data, submitted_at, due_date, concluded_at, outcome)
                select 'BENCH-' || g, 'BENCH-I' || (g % 60), 1, 'BENCH-D' || (g % 12),
                       md5('a' || (g % 500000))::uuid, 'bench-' || g,
                       case when g % 3 = 0 then 'APPROVED' else 'SUBMITTED' end, '{}'::jsonb,
                       now() - (g % 730) * interval '1 day', (now() - (g % 730) * interval '1 day')::date + 20,
                       case when g % 3 = 0 then now() - (g % 730) * interval '1 day'
                            + (case when g % 30 = 0 then 25 else 5 end) * interval '1 day' end,
                       case when g % 3 = 0 then 'APPROVED' end
                  from generate_series(:from, :to) g""").param("from", from).param("to", to).update();
        jdbc.sql("""
                insert into insight.case_fact (number, item_code, department_code, channel, applicant_id, zero_visit,
                       submitted_at, submitted_day, due_date, concluded_at, outcome, concluded, on_time, late,
                       handling_days)
                select 'BENCH-' || g, 'BENCH-I' || (g % 60), 'BENCH-D' || (g % 12),
                       case when g % 5 = 0 then 'ENTERPRISE' else 'PERSON' end, md5('a' || (g % 500000))::uuid,
                       g % 60 < 40, now() - (g % 730) * interval '1 day',
                       ((now() - (g % 730) * interval '1 day') at time zone 'Asia/Shanghai')::date,
                       (now() - (g % 730) * interval '1 day')::date + 20,
                       case when g % 3 = 0 then now() - (g % 730) * interval '1 day'
                            + (case when g % 30 = 0 then 25 else 5 end) * interval '1 day' end,
                       case when g % 3 = 0 then 'APPROVED' end,
                       g % 3 = 0, g % 3 = 0 and g % 30 <> 0, g % 30 = 0, case when g % 3 = 0 then 4 else 0 end
                  from generate_series(:from, :to) g""").param("from", from).param("to", to).update();
    }

    private static void rollUp(JdbcClient jdbc) {
        jdbc.sql("""
                insert into insight.case_day (day, department_code, item_code, channel, submitted, zero_visit,
                       concluded, on_time, late, handling_days)
                select submitted_day, department_code, item_code, channel, count(*), count(*) filter (where zero_visit),
                       count(*) filter (where concluded), count(*) filter (where on_time), count(*) filter (where late),
                       sum(handling_days)
                  from insight.case_fact where number like 'BENCH-%' group by 1, 2, 3, 4
                on conflict do nothing""").update();
        jdbc.sql("""
                insert into insight.open_due (due_date, department_code, open)
                select due_date, department_code, count(*) from insight.case_fact
                 where number like 'BENCH-%' and concluded_at is null and due_date is not null group by 1, 2
                on conflict do nothing""").update();
        jdbc.sql("""
                insert into insight.active_user (day, channel, department_code, applicant_id)
                select distinct submitted_day, channel, department_code, applicant_id
                  from insight.case_fact where number like 'BENCH-%' on conflict do nothing""").update();
    }
}
