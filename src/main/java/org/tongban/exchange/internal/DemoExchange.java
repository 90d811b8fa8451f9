package org.tongban.exchange.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;

/**
 * The demo's department systems and catalogue: records for the demo people and enterprises (the same as identity's
 * demo population and market-entity registers: 张三 and 李四 are married to each other's nobody, 王五 is the legal
 * representative of 广州通办示范科技有限公司...), and the six resources their departments registered. Once, in the demo
 * only (not in the production profile, not with {@code tongban.demo-data.enabled=false}).
 */
@Component
@Order(20)
class DemoExchange implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final SubjectKeys keys;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final Clock clock;

    DemoExchange(JdbcClient jdbc, SubjectKeys keys, TransactionTemplate tx, Environment environment, Clock clock) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.tx = tx;
        this.environment = environment;
        this.clock = clock;
    }

    record Person(
            String name,
            String idFirst17,
            String sex,
            String birth,
            String address,
            String marital,
            String spouse,
            String married,
            String employer,
            String months,
            String base,
            String balance,
            String deposit) {}

    static final List<Person> PEOPLE = List.of(
            new Person(
                    "张三",
                    "44010619900307123",
                    "男",
                    "1990-03-07",
                    "广州市天河区体育西路1号",
                    "已婚",
                    "赵六",
                    "2019-05-20",
                    "广州通办示范科技有限公司",
                    "128",
                    "12000",
                    "86500.00",
                    "2880.00"),
            new Person(
                    "李四",
                    "44030419850512264",
                    "女",
                    "1985-05-12",
                    "深圳市福田区深南大道2000号",
                    "未婚",
                    "",
                    "",
                    "深圳粤商示范贸易有限公司",
                    "196",
                    "15000",
                    "132400.00",
                    "3600.00"),
            new Person(
                    "王五",
                    "44010619780815135",
                    "男",
                    "1978-08-15",
                    "广州市天河区天河路100号",
                    "已婚",
                    "欧阳娜娜",
                    "2005-10-01",
                    "广州通办示范科技有限公司",
                    "280",
                    "20000",
                    "245800.00",
                    "4800.00"),
            new Person(
                    "赵六",
                    "44010619950101001",
                    "女",
                    "1995-01-01",
                    "广州市天河区体育西路1号",
                    "已婚",
                    "张三",
                    "2019-05-20",
                    "广州市天河区某街道办事处",
                    "60",
                    "8000",
                    "21300.00",
                    "1920.00"),
            new Person(
                    "欧阳娜娜",
                    "44030419960214002",
                    "女",
                    "1996-02-14",
                    "深圳市福田区福华路8号",
                    "已婚",
                    "王五",
                    "2005-10-01",
                    "深圳粤商示范贸易有限公司",
                    "72",
                    "9000",
                    "30100.00",
                    "2160.00"));

    @Override
    public void run(ApplicationArguments args) {
        if (environment.acceptsProfiles(Profiles.of("production"))) return;
        if (!environment.getProperty("tongban.demo-data.enabled", Boolean.class, true)) return;
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.demo-exchange'))")
                    .query()
                    .singleValue();
            if (jdbc.sql("select count(*) from exchange.resource")
                            .query(Long.class)
                            .single()
                    > 0) return;
            seedSources();
            seedCatalogue();
        });
    }

    private void seedSources() {
        for (var p : PEOPLE) {
            var id = IdNumber.parse(p.idFirst17() + IdNumber.checkChar(p.idFirst17()))
                    .value();
            var idx = keys.index(id);
            jdbc.sql("""
                    insert into src_population.resident (subject_idx, name, sex, birth_date, ethnicity, household_address,
                           household_type) values (:i, :n, :s, :b, '汉族', :a, '城镇')""")
                    .param("i", idx)
                    .param("n", p.name())
                    .param("s", p.sex())
                    .param("b", p.birth())
                    .param("a", p.address())
                    .update();
            jdbc.sql("""
                    insert into src_marriage.registration (subject_idx, marital_status, spouse_name, registered_on, registry)
                    values (:i, :m, :sp, :d, :r)""")
                    .param("i", idx)
                    .param("m", p.marital())
                    .param("sp", p.spouse().isEmpty() ? null : p.spouse())
                    .param("d", p.married().isEmpty() ? null : p.married())
                    .param("r", p.married().isEmpty() ? null : "天河区民政局婚姻登记处")
                    .update();
            jdbc.sql("""
                    insert into src_social_insurance.insured (subject_idx, employer, insured_status, pension_months,
                           monthly_base) values (:i, :e, '正常参保', :m, :b)""")
                    .param("i", idx)
                    .param("e", p.employer())
                    .param("m", p.months())
                    .param("b", p.base())
                    .update();
            jdbc.sql("""
                    insert into src_housing_fund.account (subject_idx, employer, account_status, balance, monthly_deposit)
                    values (:i, :e, '正常', :b, :d)""")
                    .param("i", idx)
                    .param("e", p.employer())
                    .param("b", p.balance())
                    .param("d", p.deposit())
                    .update();
        }
        enterprise("91440106MA5D00010", "广州通办示范科技有限公司", "王五", "广州市天河区天河路100号", "软件和信息技术服务业", "A", "1000万元人民币");
        enterprise("91440300MA5D00020", "深圳粤商示范贸易有限公司", "李四", "深圳市福田区深南大道2000号", "批发和零售业", "B", "500万元人民币");
    }

    private void enterprise(
            String first17, String name, String rep, String address, String industry, String rating, String capital) {
        var code = CreditCode.parse(first17 + CreditCode.checkChar(first17)).value();
        jdbc.sql("""
                insert into src_market_entity.entity (credit_code, name, legal_rep_name, address, industry, status,
                       registered_capital) values (:c, :n, :r, :a, :i, '存续', :cap)""")
                .param("c", code)
                .param("n", name)
                .param("r", rep)
                .param("a", address)
                .param("i", industry)
                .param("cap", capital)
                .update();
        jdbc.sql(
                        "insert into src_tax_credit.rating (credit_code, name, rating, rating_year) values (:c, :n, :r, '2025')")
                .param("c", code)
                .param("n", name)
                .param("r", rating)
                .update();
    }

    private void seedCatalogue() {
        resource(
                "POPULATION_BASIC",
                "人口基本信息",
                "户籍人口的姓名、性别、出生日期、民族与户籍地址。",
                "440100-GA",
                "population",
                "DAILY",
                true,
                "PERSON",
                "name:姓名:UNCONDITIONAL",
                "sex:性别:UNCONDITIONAL",
                "birth_date:出生日期:CONDITIONAL",
                "ethnicity:民族:NONE",
                "household_address:户籍地址:CONDITIONAL",
                "household_type:户口类型:CONDITIONAL");
        resource(
                "MARRIAGE_REGISTRATION",
                "婚姻登记信息",
                "婚姻状况、配偶姓名与登记日期。",
                "440106-MZ",
                "marriage",
                "DAILY",
                true,
                "PERSON",
                "marital_status:婚姻状况:CONDITIONAL",
                "spouse_name:配偶姓名:CONDITIONAL",
                "registered_on:登记日期:CONDITIONAL",
                "registry:登记机关:UNCONDITIONAL");
        resource(
                "SOCIAL_INSURANCE",
                "社会保险参保信息",
                "参保单位、参保状态与养老保险累计缴费月数。",
                "440100-RS",
                "social_insurance",
                "MONTHLY",
                true,
                "PERSON",
                "employer:参保单位:CONDITIONAL",
                "insured_status:参保状态:CONDITIONAL",
                "pension_months:养老保险累计缴费月数:CONDITIONAL",
                "monthly_base:缴费基数:NONE");
        resource(
                "HOUSING_FUND",
                "住房公积金缴存信息",
                "缴存单位、账户状态、余额与月缴存额。",
                "440100-GJJ",
                "housing_fund",
                "MONTHLY",
                true,
                "PERSON",
                "employer:缴存单位:CONDITIONAL",
                "account_status:账户状态:CONDITIONAL",
                "balance:账户余额:CONDITIONAL",
                "monthly_deposit:月缴存额:CONDITIONAL");
        resource(
                "TAX_CREDIT_RATING",
                "纳税信用等级",
                "企业的纳税信用评价结果(A/B/M/C/D级)。",
                "440100-SW",
                "tax_credit",
                "YEARLY",
                false,
                "ENTERPRISE",
                "name:纳税人名称:UNCONDITIONAL",
                "rating:纳税信用等级:UNCONDITIONAL",
                "rating_year:评价年度:UNCONDITIONAL");
        resource(
                "MARKET_ENTITY",
                "市场主体登记信息",
                "企业名称、法定代表人、住所、行业、登记状态与注册资本。",
                "440100-SCJG",
                "market_entity",
                "REALTIME",
                false,
                "ENTERPRISE",
                "name:企业名称:UNCONDITIONAL",
                "legal_rep_name:法定代表人:UNCONDITIONAL",
                "address:住所:UNCONDITIONAL",
                "industry:行业:UNCONDITIONAL",
                "status:登记状态:UNCONDITIONAL",
                "registered_capital:注册资本:CONDITIONAL");
    }

    private void resource(
            String code,
            String name,
            String description,
            String owner,
            String source,
            String frequency,
            boolean personal,
            String kind,
            String... fields) {
        jdbc.sql("""
                insert into exchange.resource (code, name, description, owner_department, source, update_frequency,
                       personal, subject_kind, registered_at) values (:c, :n, :d, :o, :s, :f, :p, :k, :at)""")
                .param("c", code)
                .param("n", name)
                .param("d", description)
                .param("o", owner)
                .param("s", source)
                .param("f", frequency)
                .param("p", personal)
                .param("k", kind)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        int i = 0;
        for (var f : fields) {
            var parts = f.split(":");
            jdbc.sql("""
                    insert into exchange.resource_field (resource_code, code, label, share_class, position)
                    values (:r, :c, :l, :s, :p)""")
                    .param("r", code)
                    .param("c", parts[0])
                    .param("l", parts[1])
                    .param("s", parts[2])
                    .param("p", i++)
                    .update();
        }
    }
}
