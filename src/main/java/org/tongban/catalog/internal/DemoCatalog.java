package org.tongban.catalog.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.catalog.ItemChange;
import org.tongban.catalog.MaterialView;

/**
 * Seeds the demo catalogue once: 60 real service items of twelve departments of the demo province, from
 * {@code catalog/demo-items.psv}, all published. Not in the production profile, where the catalogue authority
 * enters its own items.
 */
@Component
@Order(20)
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    static final Map<String, String[]> DEPARTMENTS = Map.ofEntries(
            Map.entry(
                    "440000-ZSJ",
                    new String[] {"广东省政务服务和数据管理局", "Guangdong Government Service and Data Administration"}),
            Map.entry("440100-GA", new String[] {"广州市公安局", "Guangzhou Public Security Bureau"}),
            Map.entry("440100-SCJG", new String[] {"广州市市场监督管理局", "Guangzhou Administration for Market Regulation"}),
            Map.entry("440100-RS", new String[] {"广州市人力资源和社会保障局", "Guangzhou Human Resources and Social Security Bureau"
            }),
            Map.entry("440100-WJ", new String[] {"广州市卫生健康委员会", "Guangzhou Health Commission"}),
            Map.entry("440100-GJJ", new String[] {"广州住房公积金管理中心", "Guangzhou Housing Provident Fund Management Centre"}),
            Map.entry("440100-SW", new String[] {"国家税务总局广州市税务局", "Guangzhou Municipal Tax Service, STA"}),
            Map.entry("440100-JT", new String[] {"广州市交通运输局", "Guangzhou Transport Bureau"}),
            Map.entry("440100-JY", new String[] {"广州市教育局", "Guangzhou Education Bureau"}),
            Map.entry("440100-YB", new String[] {"广州市医疗保障局", "Guangzhou Healthcare Security Administration"}),
            Map.entry("440106-MZ", new String[] {"天河区民政局", "Tianhe District Civil Affairs Bureau"}),
            Map.entry("440300-SCJG", new String[] {"深圳市市场监督管理局", "Shenzhen Administration for Market Regulation"}));

    private static final Map<String, String> LEGAL_BASIS = Map.of(
            "LICENSING", "《中华人民共和国行政许可法》及该事项的设定依据",
            "CONFIRMATION", "该事项所属领域的法律、行政法规和地方性法规",
            "PAYMENT", "《社会救助暂行办法》《广东省社会救助条例》等相关规定",
            "FILING", "该事项所属领域的备案管理规定",
            "OTHER_POWER", "该事项所属领域的法律、法规和规章",
            "PUBLIC_SERVICE", "《国务院关于在线政务服务的若干规定》（国务院令第716号）及相关规定");

    private final ItemStore items;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Environment environment;

    DemoCatalog(ItemStore items, JdbcClient jdbc, TransactionTemplate tx, Environment environment) {
        this.items = items;
        this.jdbc = jdbc;
        this.tx = tx;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (environment.acceptsProfiles(Profiles.of("production"))
                || !environment.getProperty("tongban.demo-data.enabled", Boolean.class, true)) {
            return;
        }
        var lines = read();
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.demo-catalog'))")
                    .query()
                    .singleValue();
            if (items.count() == 0) {
                var sequence = new HashMap<String, Integer>();
                var handling = handling();
                for (var line : lines) seed(line, sequence, handling);
                log.info("Demo catalogue seeded: {} service items", lines.size());
            }
            int termed = searchTerms();
            if (termed > 0) log.info("Demo search terms written to {} service items", termed);
        });
        items.forgetPublished();
    }

    private void seed(String line, Map<String, Integer> sequence, java.util.Properties handling) {
        var f = line.split("\\|", -1);
        var dept = f[0];
        var names = DEPARTMENTS.get(dept);
        if (names == null) throw new IllegalStateException("Unknown department in demo catalogue: " + dept);
        int seq = sequence.merge(dept, 1, Integer::sum);
        var code = dept + "-" + "%03d".formatted(seq);
        var type = f[3];
        int visits = Integer.parseInt(f[8]);
        var change = new ItemChange(
                f[1],
                f[2],
                type,
                f[4],
                Objects.requireNonNull(LEGAL_BASIS.getOrDefault(type, LEGAL_BASIS.get("OTHER_POWER"))),
                "申请人符合该事项的法定条件，申请材料齐全、符合法定形式。" + (visits == 0 ? "全程网上办理，无需到现场。" : "需到现场 " + visits + " 次。"),
                Integer.parseInt(f[5]),
                Integer.parseInt(f[6]),
                f[7],
                visits,
                Integer.parseInt(f[9]),
                f[10],
                f[11],
                "问：可以委托他人办理吗？答：可以，代办人须持本人有效身份证件及委托书，或在线完成亲友代办授权。",
                Arrays.asList(f[12].split(",")),
                Arrays.asList(f[13].split(",")),
                3);
        items.insert(code, 1, "PUBLISHED", dept, names[0], names[1], change, null);
        int m = 0;
        for (var material : f[14].split(";")) {
            if (material.isBlank()) continue;
            var p = material.split("~", -1);
            items.insertMaterial(
                    code, 1, new MaterialView(++m, p[0], p[1], p[2], p.length > 3 && !p[3].isBlank() ? p[3] : null));
        }
        var how = handling.getProperty(f[1]);
        if (how != null) {
            var parts = how.split("\\|");
            var joint = parts.length > 1 ? Arrays.asList(parts[1].split(",")) : List.<String>of();
            items.setHandling(
                    code,
                    1,
                    joint.isEmpty() ? "standardApproval" : "jointApproval",
                    joint,
                    org.tongban.catalog.DefaultForms.template(parts[0]).toJson());
        }
    }

    /**
     * Writes {@code catalog/demo-search.properties} (results | keywords) to the published demo items that have neither
     * yet, so that a database seeded before search terms existed gets them too; a manager's terms are kept.
     */
    private int searchTerms() {
        var terms = properties("catalog/demo-search.properties");
        int written = 0;
        for (var name : terms.stringPropertyNames()) {
            var parts = terms.getProperty(name).split("\\|", -1);
            written += jdbc.sql("""
                    update catalog.service_item set result_names = :results, keywords = :keywords
                     where name_zh = :name and status = 'PUBLISHED'
                       and cardinality(result_names) = 0 and cardinality(keywords) = 0""")
                    .param("results", list(parts[0]).toArray(String[]::new))
                    .param("keywords", list(parts.length > 1 ? parts[1] : "").toArray(String[]::new))
                    .param("name", name)
                    .update();
        }
        return written;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static java.util.Properties handling() {
        return properties("catalog/demo-handling.properties");
    }

    private static java.util.Properties properties(String resource) {
        var properties = new java.util.Properties();
        try (var in = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return properties;
    }

    private static List<String> read() throws IOException {
        var lines = new ArrayList<String>();
        try (var in = new BufferedReader(new InputStreamReader(
                new ClassPathResource("catalog/demo-items.psv").getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) lines.add(line);
            }
        }
        return lines;
    }
}
