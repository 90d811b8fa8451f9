package org.tongban.exchange.internal;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.exchange.internal.SourceSystem.SourceField;

/**
 * The department systems the exchange knows: the demo's seven tables and the remote systems configured under
 * {@code tongban.exchange.rest-sources} (a remote one with the code of a demo one replaces it).
 */
@Component("exchangeSources")
@EnableConfigurationProperties(ExchangeProperties.class)
public class Sources {

    private final Map<String, SourceSystem> byCode = new LinkedHashMap<>();

    Sources(JdbcClient jdbc, SubjectKeys keys, ExchangeProperties properties) {
        for (var s : demo(jdbc, keys)) byCode.put(s.code(), s);
        for (var r : properties.remotes()) {
            var fields = new ArrayList<SourceField>();
            for (var f : r.fields()) {
                var parts = f.split(":", 2);
                fields.add(new SourceField(parts[0].strip(), parts.length > 1 ? parts[1].strip() : parts[0].strip()));
            }
            byCode.put(
                    r.code(),
                    new RestSource(
                            r.code(),
                            r.department(),
                            r.subjectKind(),
                            URI.create(r.baseUrl()),
                            fields,
                            r.timeout() == null ? Duration.ofSeconds(5) : r.timeout()));
        }
    }

    public List<SourceSystem> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<SourceSystem> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    private static List<SourceSystem> demo(JdbcClient jdbc, SubjectKeys keys) {
        return List.of(
                new TableSource(
                        "population",
                        "440100-GA",
                        SubjectKind.PERSON,
                        "src_population.resident",
                        fields(
                                "name:姓名",
                                "sex:性别",
                                "birth_date:出生日期",
                                "ethnicity:民族",
                                "household_address:户籍地址",
                                "household_type:户口类型"),
                        jdbc,
                        keys),
                new TableSource(
                        "marriage",
                        "440106-MZ",
                        SubjectKind.PERSON,
                        "src_marriage.registration",
                        fields("marital_status:婚姻状况", "spouse_name:配偶姓名", "registered_on:登记日期", "registry:登记机关"),
                        jdbc,
                        keys),
                new TableSource(
                        "social_insurance",
                        "440100-RS",
                        SubjectKind.PERSON,
                        "src_social_insurance.insured",
                        fields(
                                "employer:参保单位",
                                "insured_status:参保状态",
                                "pension_months:养老保险累计缴费月数",
                                "monthly_base:缴费基数"),
                        jdbc,
                        keys),
                new TableSource(
                        "housing_fund",
                        "440100-GJJ",
                        SubjectKind.PERSON,
                        "src_housing_fund.account",
                        fields("employer:缴存单位", "account_status:账户状态", "balance:账户余额", "monthly_deposit:月缴存额"),
                        jdbc,
                        keys),
                new TableSource(
                        "health",
                        "440100-WJ",
                        SubjectKind.PERSON,
                        "src_health.person_record",
                        fields("tests:核酸与抗原检测记录", "vaccinations:疫苗接种记录", "exposures:密接与风险暴露记录"),
                        jdbc,
                        keys),
                new TableSource(
                        "tax_credit",
                        "440100-SW",
                        SubjectKind.ENTERPRISE,
                        "src_tax_credit.rating",
                        fields("name:纳税人名称", "rating:纳税信用等级", "rating_year:评价年度"),
                        jdbc,
                        keys),
                new TableSource(
                        "market_entity",
                        "440100-SCJG",
                        SubjectKind.ENTERPRISE,
                        "src_market_entity.entity",
                        fields(
                                "name:企业名称",
                                "legal_rep_name:法定代表人",
                                "address:住所",
                                "industry:行业",
                                "status:登记状态",
                                "registered_capital:注册资本"),
                        jdbc,
                        keys));
    }

    private static List<SourceField> fields(String... specs) {
        var list = new ArrayList<SourceField>();
        for (var s : specs) {
            var parts = s.split(":", 2);
            list.add(new SourceField(parts[0], parts[1]));
        }
        return list;
    }
}
