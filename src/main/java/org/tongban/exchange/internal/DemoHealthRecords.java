package org.tongban.exchange.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.IdNumber;

/**
 * The health department's system in the demo (issue 14, part 5): its resource 健康监测记录 in the catalogue, owned by
 * 广州市卫生健康委员会 (registered once), and the demo people's tests, vaccinations and exposures, written again at
 * every start relative to today so that the demo's health codes stay what the README says: 张三 and 王五 green (recent
 * negative tests, vaccinated), 李四 yellow (a close contact three days ago), 赵六 red (a positive antigen test
 * yesterday), 欧阳娜娜 no records (green). Demo only.
 */
@Component
@Order(21)
class DemoHealthRecords implements ApplicationRunner {

    static final String RESOURCE = "HEALTH_RECORDS";
    static final String DEPARTMENT = "440100-WJ";

    private final JdbcClient jdbc;
    private final SubjectKeys keys;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final Clock clock;

    DemoHealthRecords(JdbcClient jdbc, SubjectKeys keys, TransactionTemplate tx, Environment environment, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.tx = tx;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.acceptsProfiles(Profiles.of("production"))) return;
        if (!environment.getProperty("tongban.demo-data.enabled", Boolean.class, true)) return;
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.demo-health'))")
                    .query()
                    .singleValue();
            register();
            for (var p : DemoExchange.PEOPLE) records(p.name(), p.idFirst17());
        });
    }

    private void register() {
        if (jdbc.sql("select count(*) from exchange.resource where code = :c")
                        .param("c", RESOURCE)
                        .query(Long.class)
                        .single()
                > 0) return;
        jdbc.sql("""
                insert into exchange.resource (code, name, description, owner_department, source, update_frequency,
                       personal, subject_kind, registered_at)
                values (:c, '健康监测记录', '核酸与抗原检测、疫苗接种、密接与风险暴露记录，供健康码等按规则判定。', :o, 'health',
                        'REALTIME', true, 'PERSON', :at)""")
                .param("c", RESOURCE)
                .param("o", DEPARTMENT)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        int i = 0;
        for (var f : new String[] {"tests:核酸与抗原检测记录", "vaccinations:疫苗接种记录", "exposures:密接与风险暴露记录"}) {
            var parts = f.split(":");
            jdbc.sql("""
                    insert into exchange.resource_field (resource_code, code, label, share_class, position)
                    values (:r, :c, :l, 'CONDITIONAL', :p)""")
                    .param("r", RESOURCE)
                    .param("c", parts[0])
                    .param("l", parts[1])
                    .param("p", i++)
                    .update();
        }
    }

    private void records(String name, String first17) {
        var idx =
                keys.index(IdNumber.parse(first17 + IdNumber.checkChar(first17)).value());
        for (var table : new String[] {"test_result", "vaccination", "exposure"}) {
            jdbc.sql("delete from src_health." + table + " where subject_idx = :i")
                    .param("i", idx)
                    .update();
        }
        var now = clock.instant();
        var today = LocalDate.ofInstant(now, ZoneId.of("Asia/Shanghai"));
        switch (name) {
            case "张三", "王五" -> {
                test(idx, "PCR", "NEGATIVE", now.minus(Duration.ofHours(30)));
                test(idx, "PCR", "NEGATIVE", now.minus(Duration.ofDays(4)));
                for (int d = 1; d <= 3; d++) vaccine(idx, d, today.minusDays(400 - 60L * d));
            }
            case "李四" -> {
                test(idx, "PCR", "NEGATIVE", now.minus(Duration.ofHours(20)));
                for (int d = 1; d <= 2; d++) vaccine(idx, d, today.minusDays(500 - 60L * d));
                exposure(idx, "CLOSE_CONTACT", today.minusDays(3), "深圳市福田区某商场");
            }
            case "赵六" -> {
                test(idx, "ANTIGEN", "POSITIVE", now.minus(Duration.ofHours(26)));
                test(idx, "PCR", "NEGATIVE", now.minus(Duration.ofDays(6)));
                vaccine(idx, 1, today.minusDays(300));
            }
            default -> {
                // No records: the health department knows nothing against them.
            }
        }
    }

    private void test(byte[] idx, String kind, String result, java.time.Instant at) {
        jdbc.sql("""
                insert into src_health.test_result (subject_idx, kind, result, sampled_at, institution)
                values (:i, :k, :r, :at, '广州市第一人民医院')""")
                .param("i", idx)
                .param("k", kind)
                .param("r", result)
                .param("at", Timestamp.from(at))
                .update();
    }

    private void vaccine(byte[] idx, int dose, LocalDate on) {
        jdbc.sql("""
                insert into src_health.vaccination (subject_idx, dose, vaccine, vaccinated_on)
                values (:i, :d, '新冠病毒灭活疫苗（Vero细胞）', :on)""").param("i", idx).param("d", dose).param("on", on).update();
    }

    private void exposure(byte[] idx, String kind, LocalDate on, String place) {
        jdbc.sql("""
                insert into src_health.exposure (subject_idx, kind, exposed_on, place) values (:i, :k, :on, :p)""")
                .param("i", idx)
                .param("k", kind)
                .param("on", on)
                .param("p", place)
                .update();
    }
}
