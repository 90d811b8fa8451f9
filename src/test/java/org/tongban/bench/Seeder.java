package org.tongban.bench;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.identity.Departments;

/**
 * Generates data at scale in a running platform's database: open tasks of officials with their cases, and
 * catalogue items. Used by {@link Seed} (1,000,000 tasks, 3,000 items) and by {@code SeedTests} (a few hundred).
 *
 * <p><b>Tasks.</b> First, template cases go through the real API ({@link CaseManagement#submit},
 * {@link CaseHandling#act}, {@link CaseHandling#claim}): for every demo item a case waiting for acceptance, and for
 * every item whose department has an official also one waiting at review (joint review for 并联审批) and one at the
 * decision; for market regulation one more, claimed by the official. The engine writes their rows itself. Then each
 * template is copied, in bulk SQL, row for row in every {@code ACT_RU_*}, {@code ACT_HI_*} and
 * {@code ACT_GE_BYTEARRAY} table that holds its process, and in {@code cases.case_file} and {@code cases.case_step}:
 * the engine's ids become new ids (a UUID derived from the old id and the copy's number), the case number and the
 * applicant are the copy's own, and timestamps move back to the copy's submission time (spread over 180 days).
 * Due dates of timers and cases are kept as the engine set them, so that no timer of a copy falls due at once.
 * Uploads, materials, audit entries and messages of the templates are not copied.
 */
public final class Seeder {

    /** Days over which copies' submissions are spread, before today. */
    static final int DAYS = 180;

    private final ApplicationContext context;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CaseManagement cases;
    private final CaseHandling handling;
    private final CatalogManagement catalog;
    private final Departments identity;
    private final org.tongban.catalog.internal.ItemStore items;

    public Seeder(ApplicationContext context) {
        this.context = context;
        this.items = context.getBean(org.tongban.catalog.internal.ItemStore.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.tx = context.getBean(TransactionTemplate.class);
        this.cases = context.getBean(CaseManagement.class);
        this.handling = context.getBean(CaseHandling.class);
        this.catalog = context.getBean(CatalogManagement.class);
        this.identity = context.getBean(Departments.class);
    }

    /** A case that the engine and the cases module wrote, to be copied. */
    public record Template(
            int t,
            String number,
            UUID applicant,
            String processInstance,
            Instant submittedAt,
            String itemCode,
            String department,
            String step,
            boolean claimed,
            int tasks) {}

    // Templates

    /** Files and moves the template cases through the real API. */
    public List<Template> templates() {
        var items = catalog.search(new ItemSearch("", null, null, null, false, 200)).stream()
                .filter(i -> i.code().matches("44(0000|0100|0106|0300)-[A-Z]+-\\d{3}"))
                .toList();
        var numbers = new ArrayList<String[]>(); // number, step, claimed
        for (var item : items) {
            var officials = identity.officialsOf(item.departmentCode());
            numbers.add(new String[] {submit(item.code()), "accept", "false"});
            if (officials.isEmpty() || item.departmentCode().equals("440000-ZSJ")) continue;
            var official = officials.getFirst();
            var atReview = submit(item.code());
            act(official, atReview, CaseAction.ACCEPT, "受理");
            numbers.add(new String[] {atReview, "review", "false"});
            var atDecision = submit(item.code());
            act(official, atDecision, CaseAction.ACCEPT, "受理");
            boolean joint =
                    !catalog.guide(item.code()).orElseThrow().jointDepartments().isEmpty();
            if (joint) {
                for (var department : catalog.guide(item.code()).orElseThrow().jointDepartments()) {
                    act(identity.officialsOf(department).getFirst(), atDecision, CaseAction.REVIEWED, "同意");
                }
            } else {
                act(official, atDecision, CaseAction.REVIEWED, "审查通过");
            }
            numbers.add(new String[] {atDecision, "decide", "false"});
            if (item.departmentCode().equals("440100-SCJG") && !joint) {
                var claimed = submit(item.code());
                act(official, claimed, CaseAction.ACCEPT, "受理");
                handling.claim(official, claimed);
                numbers.add(new String[] {claimed, "review", "true"});
            }
        }
        var templates = new ArrayList<Template>();
        for (var n : numbers) {
            var row = jdbc.sql("""
                    select c.number, c.applicant_id, e.proc_inst_id_, c.submitted_at, c.item_code, c.department_code,
                           (select count(*) from act_ru_task k where k.proc_inst_id_ = e.proc_inst_id_) as tasks
                      from cases.case_file c join act_ru_execution e on e.business_key_ = c.number and e.parent_id_ is null
                     where c.number = :n""")
                    .param("n", n[0])
                    .query((rs, i) -> new Template(
                            templates.size(),
                            rs.getString(1),
                            rs.getObject(2, UUID.class),
                            rs.getString(3),
                            rs.getTimestamp(4).toInstant(),
                            rs.getString(5),
                            rs.getString(6),
                            n[1],
                            Boolean.parseBoolean(n[2]),
                            rs.getInt(7)))
                    .single();
            templates.add(row);
        }
        return templates;
    }

    /** Engine conflicts in the review of joint approval seen by the seeder (the official is asked to try again). */
    public int conflicts;

    /** Acts as an official would: when the engine reports a conflict (cases.error.concurrent), tries again. */
    private void act(UUID official, String number, CaseAction action, String opinion) {
        for (int attempt = 1; ; attempt++) {
            try {
                handling.act(official, number, action, opinion);
                return;
            } catch (org.tongban.cases.CaseRefusedException e) {
                if (!e.getMessage().contains("concurrent") || attempt == 5) throw e;
                conflicts++;
            }
        }
    }

    private String submit(String itemCode) {
        // Applications take no one else's identifiers: a demo citizen files person items, the demo enterprise's
        // legal representative enterprise items.
        var login = catalog.guide(itemCode).orElseThrow().channels().contains("PERSON") ? "citizen" : "enterprise";
        var applicant = jdbc.sql("select id from identity.account where login_name = :l")
                .param("l", login)
                .query(UUID.class)
                .single();
        return cases.submit(Applications.valid(cases, catalog, itemCode, applicant, "seed-" + UUID.randomUUID()));
    }

    // Copies

    /** The tables of the engine that hold a process's rows, and the column naming the process instance. */
    private Map<String, String> engineTables() {
        var tables = new LinkedHashMap<String, String>();
        jdbc.sql("""
                select c.table_name, c.column_name from information_schema.columns c
                 where c.table_schema = 'workflow' and (c.table_name like 'act\\_ru\\_%' or c.table_name like 'act\\_hi\\_%')
                   and c.column_name in ('proc_inst_id_', 'process_inst_id_')
                   and c.table_name not in ('act_ru_identitylink', 'act_hi_identitylink')
                 order by c.table_name""")
                .query((rs, i) -> tables.put(rs.getString(1), rs.getString(2)))
                .list();
        return tables;
    }

    /**
     * Copies the templates until at least {@code targetTasks} open tasks exist beyond the templates' own. Returns the
     * number of open tasks added. Runs in chunks of {@code chunkRounds} copies of every template, one transaction each.
     */
    public long copy(List<Template> templates, long targetTasks, int chunkRounds, Consumer<String> progress) {
        int count = templates.size();
        int perRound = templates.stream().mapToInt(Template::tasks).sum();
        long rounds = targetTasks / perRound;
        long rest = targetTasks - rounds * perRound;
        int cut = 0; // templates 0..cut-1 get one more copy in the last, partial round
        for (long sum = 0; sum < rest; cut++) sum += templates.get(cut).tasks();
        long lastRound = cut == 0 ? rounds : rounds + 1;
        long maxSeq = (lastRound / DAYS + 1) * count + count;
        if (maxSeq > 9999) throw new IllegalArgumentException("too many copies for four-digit case numbers");

        stage(templates);
        var tables = engineTables();
        // Parents before children: the engine's tables have foreign keys (variables to byte arrays, tasks and
        // variables to executions, identity links to tasks).
        var order = new ArrayList<String>(List.of("act_ge_bytearray", "act_ru_execution", "act_ru_task"));
        for (var table : tables.keySet()) if (!order.contains(table)) order.add(table);
        order.add("act_ru_identitylink");
        order.add("act_hi_identitylink");
        var statements = new ArrayList<String>();
        for (var table : order) statements.add(copyStatement("workflow", table, count));
        statements.add(copyStatement("cases", "case_file", count));
        statements.add(copyStatement("cases", "case_step", count));

        long t0 = System.nanoTime();
        for (long j0 = 0; j0 < lastRound; j0 += chunkRounds) {
            long from = j0, to = Math.min(lastRound, j0 + chunkRounds);
            int cutNow = cut;
            long roundsNow = rounds;
            tx.executeWithoutResult(s -> {
                jdbc.sql("set local synchronous_commit = off").update();
                for (var sql : statements) {
                    jdbc.sql(sql)
                            .param("j0", from)
                            .param("j1", to)
                            .param("rounds", roundsNow)
                            .param("cut", cutNow)
                            .update();
                }
            });
            progress.accept("copied rounds %d-%d of %d (%.0f s)"
                    .formatted(from, to - 1, lastRound, (System.nanoTime() - t0) / 1e9));
        }
        // Case numbers drawn later continue after the copies' numbers of the same item and day.
        jdbc.sql("""
                insert into cases.case_sequence (item_code, day, last)
                select item_code, to_date(substr(number, length(number) - 12, 8), 'YYYYMMDD'), max(right(number, 4)::int)
                  from cases.case_file where idempotency_key like 'seed-copy-%'
                 group by 1, 2
                on conflict (item_code, day) do update set last = greatest(cases.case_sequence.last, excluded.last)""").update();
        unstage(tables.keySet());
        // After a bulk load, as autovacuum would do a little later: statistics, and the visibility map that lets
        // counts read the indexes alone.
        for (var table : List.of(
                "workflow.act_ru_task",
                "workflow.act_ru_identitylink",
                "workflow.act_ru_execution",
                "workflow.act_ru_variable",
                "workflow.task_inbox",
                "cases.case_file",
                "cases.case_step")) {
            jdbc.sql("vacuum (analyze) " + table).update();
        }
        return rounds * perRound
                + templates.subList(0, cut).stream().mapToInt(Template::tasks).sum();
    }

    /** Copies of the templates' rows in staging tables {@code public.seed_<table>}, each row with its template. */
    private void stage(List<Template> templates) {
        jdbc.sql("drop table if exists public.seed_tmpl").update();
        jdbc.sql("""
                create unlogged table public.seed_tmpl (t int primary key, number text, applicant text, applicant_uuid uuid,
                       proc_inst_id text, submitted_at timestamptz, item_code text, ids text[])""").update();
        for (var t : templates) {
            jdbc.sql("""
                    insert into public.seed_tmpl (t, number, applicant, applicant_uuid, proc_inst_id, submitted_at, item_code)
                    values (:t, :n, :a, :au, :p, :at, :item)""")
                    .param("t", t.t())
                    .param("n", t.number())
                    .param("a", t.applicant().toString())
                    .param("au", t.applicant())
                    .param("p", t.processInstance())
                    .param("at", Timestamp.from(t.submittedAt()))
                    .param("item", t.itemCode())
                    .update();
        }
        var tables = engineTables();
        tables.forEach((table, column) -> createStage(
                table,
                "select p.t, s.* from workflow." + table + " s join public.seed_tmpl p on s." + column
                        + " = p.proc_inst_id"));
        createStage("act_ru_identitylink", """
                select p.t, s.* from workflow.act_ru_identitylink s join public.seed_tmpl p
                    on s.proc_inst_id_ = p.proc_inst_id
                    or s.task_id_ in (select k.id_ from workflow.act_ru_task k where k.proc_inst_id_ = p.proc_inst_id)""");
        createStage("act_hi_identitylink", """
                select p.t, s.* from workflow.act_hi_identitylink s join public.seed_tmpl p
                    on s.proc_inst_id_ = p.proc_inst_id
                    or s.task_id_ in (select k.id_ from workflow.act_hi_taskinst k where k.proc_inst_id_ = p.proc_inst_id)""");
        // Byte arrays that a template's rows point at (serialised variables, job configurations).
        var refs = new ArrayList<String>();
        jdbc.sql("""
                select table_name, column_name from information_schema.columns
                 where table_schema = 'public' and table_name like 'seed\\_act\\_%'
                   and (column_name like '%bytearray_id_' or column_name in ('exception_stack_id_', 'custom_values_id_',
                        'error_details_id_', 'handler_cfg_id_'))""")
                .query((rs, i) -> refs.add("select t, " + rs.getString(2) + " as id from public." + rs.getString(1)
                        + " where " + rs.getString(2) + " is not null"))
                .list();
        createStage(
                "act_ge_bytearray",
                "select r.t, s.* from workflow.act_ge_bytearray s join ("
                        + (refs.isEmpty()
                                ? "select 0 as t, null::text as id where false"
                                : String.join(" union ", refs))
                        + ") r on s.id_ = r.id");
        createStage(
                "case_file", "select p.t, s.* from cases.case_file s join public.seed_tmpl p on s.number = p.number");
        // Sealed answers are bound to their case number (ADR 0016): the copies carry them in clear, and the platform's
        // start-up step seals them under their own numbers.
        var protection = context.getBean(org.tongban.platform.FieldProtection.class);
        jdbc.sql("select number, form_sealed from public.seed_case_file where form_sealed is not null")
                .query((rs, i) -> java.util.Map.entry(rs.getString(1), rs.getBytes(2)))
                .list()
                .forEach(row -> jdbc.sql(
                                "update public.seed_case_file set form_data = cast(:form as jsonb), form_sealed = null"
                                        + " where number = :n")
                        .param(
                                "form",
                                protection.decrypt(
                                        row.getValue(),
                                        org.tongban.platform.FieldProtection.place(
                                                "cases.case_file", row.getKey(), "form_data")))
                        .param("n", row.getKey())
                        .update());
        createStage(
                "case_step", "select p.t, s.* from cases.case_step s join public.seed_tmpl p on s.number = p.number");
        // Every id the engine gave a template's rows: these become new ids in a copy.
        var idSources = new ArrayList<String>();
        idSources.add("select t, proc_inst_id as id from public.seed_tmpl");
        for (var table : stagedEngineTables()) idSources.add("select t, id_ from public.seed_" + table);
        jdbc.sql("update public.seed_tmpl p set ids = (select array_agg(distinct x.id) from ("
                        + String.join(" union all ", idSources) + ") x where x.t = p.t and x.id is not null)")
                .update();
    }

    private List<String> stagedEngineTables() {
        return jdbc.sql("""
                select table_name from information_schema.columns
                 where table_schema = 'public' and table_name like 'seed\\_act\\_%' and column_name = 'id_'
                   and data_type = 'character varying'""")
                .query((rs, i) -> rs.getString(1).substring("seed_".length()))
                .list();
    }

    private void createStage(String table, String select) {
        jdbc.sql("drop table if exists public.seed_" + table).update();
        jdbc.sql("create unlogged table public.seed_" + table + " as " + select).update();
    }

    private void unstage(java.util.Collection<String> engineTables) {
        var all = new ArrayList<>(engineTables);
        all.addAll(List.of(
                "act_ru_identitylink", "act_hi_identitylink", "act_ge_bytearray", "case_file", "case_step", "tmpl"));
        for (var table : all)
            jdbc.sql("drop table if exists public.seed_" + table).update();
    }

    /**
     * The INSERT … SELECT that copies one table's template rows for rounds {@code :j0} to {@code :j1 - 1}; copy
     * {@code k = j * templates + t}. Only columns that hold a template's id, number or applicant are rewritten.
     */
    private String copyStatement(String schema, String table, int count) {
        record Column(String name, String type, boolean serial) {}
        var columns = jdbc.sql("""
                select column_name, data_type, coalesce(column_default like 'nextval%', false) from information_schema.columns
                 where table_schema = :schema and table_name = :table order by ordinal_position""")
                .param("schema", schema)
                .param("table", table)
                .query((rs, i) -> new Column(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .list();
        var names = new ArrayList<String>();
        var values = new ArrayList<String>();
        for (var c : columns) {
            if (c.serial()) continue;
            var col = "s." + c.name();
            String value = col;
            if (c.type().equals("character varying") || c.type().equals("text")) {
                boolean hit = jdbc.sql("select exists (select 1 from public.seed_" + table
                                + " s join public.seed_tmpl p on p.t = s.t" + " where " + col + " = any(p.ids) or "
                                + col + " = p.number or " + col + " = p.applicant)")
                        .query(Boolean.class)
                        .single();
                if (hit) {
                    value = "case when " + col + " is null then null"
                            + " when " + col + " = any(p.ids) then md5(" + col + " || ':' || c.k)::uuid::text"
                            + " when " + col + " = p.number then c.number"
                            + " when " + col + " = p.applicant then c.applicant::text else " + col + " end";
                }
            } else if (c.type().equals("uuid")) {
                value = "case when " + col + " = p.applicant_uuid then c.applicant else " + col + " end";
            } else if (c.type().startsWith("timestamp") && !c.name().contains("due")) {
                value = col + " + (c.at - p.submitted_at)";
            }
            names.add(c.name());
            values.add(value);
        }
        return """
                with c as (
                  select p.t, j * %d + p.t as k,
                         p.item_code || '-' || to_char(d.day, 'YYYYMMDD') || '-' || lpad(((j / %d) * %d + p.t + 1)::text, 4, '0') as number,
                         md5('seed-applicant:' || (j * %d + p.t))::uuid as applicant,
                         (d.day + time '08:30' + make_interval(secs => ((j * 7919 + p.t * 104729) %% 34200)::int))
                             at time zone 'Asia/Shanghai' as at
                    from public.seed_tmpl p cross join generate_series(cast(:j0 as bigint), cast(:j1 as bigint) - 1) j
                    cross join lateral (select (current_date - 1 - (j %% %d)::int) as day) d
                   where j < :rounds or p.t < :cut)
                insert into %s.%s (%s)
                select %s
                  from c join public.seed_tmpl p on p.t = c.t join public.seed_%s s on s.t = c.t""".formatted(
                        count,
                        DAYS,
                        count,
                        count,
                        DAYS,
                        schema,
                        table,
                        String.join(", ", names),
                        String.join(", ", values),
                        table)
                .replace("s.idempotency_key", "'seed-copy-' || c.k");
    }

    /**
     * Takes copies through the real engine to their end: a standard approval waiting for acceptance at market
     * regulation (accept, review, approve) and a joint approval waiting at joint review (each department reviews,
     * the lead approves). Returns the case numbers, now APPROVED.
     */
    public List<String> completeCopies() {
        var done = new ArrayList<String>();
        var standard = jdbc.sql("""
                select number from cases.case_file
                 where department_code = '440100-SCJG' and status = 'SUBMITTED' and process_key = 'standardApproval'
                   and idempotency_key like 'seed-copy-%' order by submitted_at limit 1""").query(String.class).single();
        var official = identity.officialsOf("440100-SCJG").getFirst();
        act(official, standard, CaseAction.ACCEPT, "受理");
        act(official, standard, CaseAction.REVIEWED, "审查通过");
        // Another official decides: who accepted and reviewed may not (separation of duties).
        act(identity.officialsOf("440100-SCJG").getLast(), standard, CaseAction.APPROVE, "准予许可");
        done.add(standard);
        var joint = jdbc.sql("""
                select number from cases.case_file
                 where status = 'ACCEPTED' and process_key = 'jointApproval' and cardinality(joint_departments) > 1
                   and idempotency_key like 'seed-copy-%' order by submitted_at limit 1""").query(String.class).optional();
        joint.ifPresent(number -> {
            var c = jdbc.sql("select department_code, joint_departments from cases.case_file where number = :n")
                    .param("n", number)
                    .query((rs, i) -> new Object[] {
                        rs.getString(1), List.of((String[]) rs.getArray(2).getArray())
                    })
                    .single();
            @SuppressWarnings("unchecked")
            var departments = (List<String>) c[1];
            for (var department : departments) {
                act(identity.officialsOf(department).getFirst(), number, CaseAction.REVIEWED, "同意");
            }
            act(identity.officialsOf((String) c[0]).getLast(), number, CaseAction.APPROVE, "准予许可");
            done.add(number);
        });
        return done;
    }

    // Catalogue

    /** Searches read the published catalogue again (this node keeps a copy for ten seconds). */
    private int forget() {
        items.forgetPublished();
        return 0;
    }

    /** Regions whose departments implement the demo items too: code, Chinese name, English name, district or not. */
    static final String[][] REGIONS = {
        {"440200", "韶关市", "Shaoguan", "CITY"},
        {"440400", "珠海市", "Zhuhai", "CITY"},
        {"440500", "汕头市", "Shantou", "CITY"},
        {"440600", "佛山市", "Foshan", "CITY"},
        {"440700", "江门市", "Jiangmen", "CITY"},
        {"440800", "湛江市", "Zhanjiang", "CITY"},
        {"440900", "茂名市", "Maoming", "CITY"},
        {"441200", "肇庆市", "Zhaoqing", "CITY"},
        {"441300", "惠州市", "Huizhou", "CITY"},
        {"441400", "梅州市", "Meizhou", "CITY"},
        {"441500", "汕尾市", "Shanwei", "CITY"},
        {"441600", "河源市", "Heyuan", "CITY"},
        {"441700", "阳江市", "Yangjiang", "CITY"},
        {"441800", "清远市", "Qingyuan", "CITY"},
        {"441900", "东莞市", "Dongguan", "CITY"},
        {"442000", "中山市", "Zhongshan", "CITY"},
        {"445100", "潮州市", "Chaozhou", "CITY"},
        {"445200", "揭阳市", "Jieyang", "CITY"},
        {"445300", "云浮市", "Yunfu", "CITY"},
        {"440103", "荔湾区", "Liwan District", "DISTRICT"},
        {"440104", "越秀区", "Yuexiu District", "DISTRICT"},
        {"440105", "海珠区", "Haizhu District", "DISTRICT"},
        {"440111", "白云区", "Baiyun District", "DISTRICT"},
        {"440112", "黄埔区", "Huangpu District", "DISTRICT"},
        {"440113", "番禺区", "Panyu District", "DISTRICT"},
        {"440114", "花都区", "Huadu District", "DISTRICT"},
        {"440115", "南沙区", "Nansha District", "DISTRICT"},
        {"440117", "从化区", "Conghua District", "DISTRICT"},
        {"440118", "增城区", "Zengcheng District", "DISTRICT"},
        {"440303", "罗湖区", "Luohu District", "DISTRICT"},
        {"440304", "福田区", "Futian District", "DISTRICT"},
        {"440305", "南山区", "Nanshan District", "DISTRICT"},
        {"440306", "宝安区", "Bao'an District", "DISTRICT"},
        {"440307", "龙岗区", "Longgang District", "DISTRICT"},
        {"440308", "盐田区", "Yantian District", "DISTRICT"},
        {"440309", "龙华区", "Longhua District", "DISTRICT"},
        {"440310", "坪山区", "Pingshan District", "DISTRICT"},
        {"440311", "光明区", "Guangming District", "DISTRICT"},
        {"440604", "禅城区", "Chancheng District", "DISTRICT"},
        {"440605", "南海区", "Nanhai District", "DISTRICT"},
        {"440606", "顺德区", "Shunde District", "DISTRICT"},
        {"440607", "三水区", "Sanshui District", "DISTRICT"},
        {"440608", "高明区", "Gaoming District", "DISTRICT"},
        {"440402", "香洲区", "Xiangzhou District", "DISTRICT"},
        {"440403", "斗门区", "Doumen District", "DISTRICT"},
        {"440404", "金湾区", "Jinwan District", "DISTRICT"},
        {"441302", "惠城区", "Huicheng District", "DISTRICT"},
        {"441303", "惠阳区", "Huiyang District", "DISTRICT"},
        {"440703", "蓬江区", "Pengjiang District", "DISTRICT"}
    };

    /**
     * Grows the published catalogue to {@code total} items: the demo items as the departments of other cities and
     * districts of the province implement them (same names, guides, materials, forms and themes; the department,
     * its region and the level are the region's). Returns how many were added.
     */
    public int catalogue(int total) {
        int base = jdbc.sql("select count(*) from catalog.service_item where status = 'PUBLISHED'")
                .query(Integer.class)
                .single();
        int regions = Math.ceilDiv(Math.max(0, total - base), Math.max(1, base));
        if (regions > REGIONS.length)
            throw new IllegalArgumentException("at most " + (REGIONS.length + 1) * base + " items");
        return tx.execute(s -> {
                    jdbc.sql(
                                    "create temporary table seed_region (n int, code text, zh text, en text, level text) on commit drop")
                            .update();
                    for (int r = 0; r < regions; r++) {
                        jdbc.sql("insert into seed_region values (:n, :c, :zh, :en, :level)")
                                .param("n", r)
                                .param("c", REGIONS[r][0])
                                .param("zh", REGIONS[r][1])
                                .param("en", REGIONS[r][2])
                                .param("level", REGIONS[r][3])
                                .update();
                    }
                    // base items in a fixed order, so that the last region takes only as many as the total leaves
                    jdbc.sql("""
                    create temporary table seed_item on commit drop as
                    select i.*, r.n as region_n, r.code as region, r.zh as region_zh, r.en as region_en, r.level as region_level,
                           r.code || '-' || split_part(i.department_code, '-', 2) as new_department,
                           row_number() over (order by r.n, i.code) as ordinal
                      from catalog.service_item i cross join seed_region r
                     where i.status = 'PUBLISHED' and i.code ~ '^44(0000|0100|0106|0300)-[A-Z]+-[0-9]{3}$'""").update();
                    jdbc.sql("delete from seed_item where ordinal > :n")
                            .param("n", total - base)
                            .update();
                    jdbc.sql("alter table seed_item add column new_code text").update();
                    jdbc.sql("""
                    update seed_item s set new_code = x.new_department || '-' || lpad(x.seq::text, 3, '0')
                      from (select code, region_n, new_department,
                                   row_number() over (partition by new_department order by code) as seq from seed_item) x
                     where x.code = s.code and x.region_n = s.region_n""").update();
                    int added = jdbc.sql("""
                    insert into catalog.service_item (code, version, status, name_zh, name_en, item_type, item_level,
                           department_code, department_zh, department_en, legal_basis, conditions, statutory_limit,
                           promised_limit, limit_unit, visits, online_depth, fee, result_type, faq, channels, themes,
                           min_trust_level, search_text, created_at, published_at, changed_by, form_definition, process_key,
                           joint_departments)
                    select new_code, 1, 'PUBLISHED', name_zh, name_en, item_type, region_level, new_department,
                           replace(replace(replace(replace(replace(department_zh, '广州住房', regexp_replace(region_zh, '市$', '') || '住房'),
                                   '广州市', region_zh), '天河区', region_zh), '深圳市', region_zh), '广东省', region_zh),
                           replace(replace(replace(replace(department_en, 'Guangzhou', region_en), 'Tianhe District', region_en),
                                   'Shenzhen', region_en), 'Guangdong', region_en),
                           legal_basis, conditions, statutory_limit, promised_limit, limit_unit, visits, online_depth, fee,
                           result_type, faq, channels, themes, min_trust_level, search_text, now(), now(), null,
                           form_definition, process_key,
                           array(select region || '-' || split_part(d, '-', 2) from unnest(joint_departments) d)
                      from seed_item""").update();
                    jdbc.sql("""
                    insert into catalog.material (code, version, seq, name, necessity, source, licence_type)
                    select s.new_code, 1, m.seq, m.name, m.necessity, m.source, m.licence_type
                      from seed_item s join catalog.material m on m.code = s.code and m.version = s.version""").update();
                    jdbc.sql("analyze catalog.service_item").update();
                    return added;
                })
                + forget();
    }
}
