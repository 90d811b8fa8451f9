package org.tongban.identity.internal;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.Role;
import org.tongban.platform.FieldProtection;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;

/**
 * Seeds a small demo province once: the region tree and departments, people in the population register, an
 * enterprise in the market-entity register, and one sign-in account for every role (README lists them).
 * Idempotent across restarts and across two nodes starting together (an advisory lock and a marker row).
 * In the production profile it seeds nothing and refuses to start if a demo account still has the demo password.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String DEMO_PASSWORD = "Tongban@2026";
    static final List<String> DEMO_LOGINS = List.of(
            "citizen",
            DemoFamily.PARENT_LOGIN,
            "citizen2",
            "enterprise",
            "official",
            "deptadmin",
            "manager",
            "operator",
            "auditor",
            "official2",
            "taxofficial",
            "hrofficial",
            "healthofficial",
            "police",
            "police2",
            "hrofficial2");

    private final JdbcClient jdbc;
    private final AccountStore accounts;
    private final PersonStore persons;
    private final PasswordEncoder passwords;
    private final FieldProtection protection;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final DemoHandlers handlers;
    private final DemoFamily family;

    DemoData(
            JdbcClient jdbc,
            AccountStore accounts,
            PersonStore persons,
            PasswordEncoder passwords,
            FieldProtection protection,
            TransactionTemplate tx,
            Environment environment,
            DemoHandlers handlers,
            DemoFamily family) {
        this.family = family;
        this.handlers = handlers;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.persons = persons;
        this.passwords = passwords;
        this.protection = protection;
        this.tx = tx;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.acceptsProfiles(Profiles.of("production"))) {
            refuseDemoPasswords();
            return;
        }
        if (!environment.getProperty("tongban.demo-data.enabled", Boolean.class, true)) return;
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.demo-data'))")
                    .query()
                    .singleValue();
            if (accounts.findByIdentifier("citizen").isPresent()) {
                // Seeded before: add the demo officials that came later (DemoHandlers), hashing only when needed.
                if (DemoHandlers.logins().stream()
                        .anyMatch(l -> accounts.findByIdentifier(l).isEmpty())) {
                    log.info(
                            "Demo officials added: {}",
                            handlers.addMissing(Objects.requireNonNull(passwords.encode(DEMO_PASSWORD))));
                }
                // 张三's family (ADR 0043), added to a demo seeded before it existed.
                if (accounts.findByIdentifier(DemoFamily.PARENT_LOGIN).isEmpty()) {
                    family.addMissing(Objects.requireNonNull(passwords.encode(DEMO_PASSWORD)));
                }
                return;
            }
            seed();
            log.info(
                    "Demo data seeded: sign in as citizen / enterprise / official / deptadmin / manager / operator / auditor with {}",
                    DEMO_PASSWORD);
        });
    }

    private void refuseDemoPasswords() {
        for (var login : java.util.stream.Stream.concat(DEMO_LOGINS.stream(), DemoHandlers.logins().stream())
                .toList()) {
            accounts.findByIdentifier(login).ifPresent(a -> {
                if (passwords.matches(DEMO_PASSWORD, a.passwordHash())) {
                    throw new IllegalStateException("Production refuses to start: demo account '" + login
                            + "' still has the demo password. Change or remove it.");
                }
            });
        }
    }

    private void seed() {
        var province = orgUnit("440000", "PROVINCE", "广东省", "Guangdong Province", null, "440000", null);
        var guangzhou = orgUnit("440100", "CITY", "广州市", "Guangzhou", province, "440100", null);
        var tianhe = orgUnit("440106", "DISTRICT", "天河区", "Tianhe District", guangzhou, "440106", null);
        var shenzhen = orgUnit("440300", "CITY", "深圳市", "Shenzhen", province, "440300", null);
        orgUnit("440304", "DISTRICT", "福田区", "Futian District", shenzhen, "440304", null);
        var dataBureau = orgUnit(
                "440000-ZSJ",
                "DEPARTMENT",
                "广东省政务服务和数据管理局",
                "Guangdong Government Service and Data Administration",
                province,
                "440000",
                credit("11440000MB2C00010"));
        var police = orgUnit(
                "440100-GA",
                "DEPARTMENT",
                "广州市公安局",
                "Guangzhou Public Security Bureau",
                guangzhou,
                "440100",
                credit("11440100MB2C01010"));
        var market = orgUnit(
                "440100-SCJG",
                "DEPARTMENT",
                "广州市市场监督管理局",
                "Guangzhou Administration for Market Regulation",
                guangzhou,
                "440100",
                credit("11440100MB2C01020"));
        var hr = orgUnit(
                "440100-RS",
                "DEPARTMENT",
                "广州市人力资源和社会保障局",
                "Guangzhou Human Resources and Social Security Bureau",
                guangzhou,
                "440100",
                credit("11440100MB2C01030"));
        var health = orgUnit(
                "440100-WJ",
                "DEPARTMENT",
                "广州市卫生健康委员会",
                "Guangzhou Health Commission",
                guangzhou,
                "440100",
                credit("11440100MB2C01040"));
        orgUnit(
                "440100-GJJ",
                "DEPARTMENT",
                "广州住房公积金管理中心",
                "Guangzhou Housing Provident Fund Management Centre",
                guangzhou,
                "440100",
                credit("12440100MB2C01050"));
        var tax = orgUnit(
                "440100-SW",
                "DEPARTMENT",
                "国家税务总局广州市税务局",
                "Guangzhou Municipal Tax Service, STA",
                guangzhou,
                "440100",
                credit("11440100MB2C01060"));
        orgUnit(
                "440100-JT",
                "DEPARTMENT",
                "广州市交通运输局",
                "Guangzhou Transport Bureau",
                guangzhou,
                "440100",
                credit("11440100MB2C01070"));
        orgUnit(
                "440100-JY",
                "DEPARTMENT",
                "广州市教育局",
                "Guangzhou Education Bureau",
                guangzhou,
                "440100",
                credit("11440100MB2C01080"));
        orgUnit(
                "440100-YB",
                "DEPARTMENT",
                "广州市医疗保障局",
                "Guangzhou Healthcare Security Administration",
                guangzhou,
                "440100",
                credit("11440100MB2C01090"));
        // Issuers of licenses (电子证照): construction qualifications, and real-estate titles (不动产登记).
        orgUnit(
                "440100-ZJ",
                "DEPARTMENT",
                "广州市住房和城乡建设局",
                "Guangzhou Housing and Urban-Rural Development Bureau",
                guangzhou,
                "440100",
                credit("11440100MB2C01100"));
        orgUnit(
                "440100-GH",
                "DEPARTMENT",
                "广州市规划和自然资源局",
                "Guangzhou Planning and Natural Resources Bureau",
                guangzhou,
                "440100",
                credit("11440100MB2C01110"));
        orgUnit(
                "440106-MZ",
                "DEPARTMENT",
                "天河区民政局",
                "Tianhe District Civil Affairs Bureau",
                tianhe,
                "440106",
                credit("11440106MB2C02010"));
        orgUnit(
                "440300-SCJG",
                "DEPARTMENT",
                "深圳市市场监督管理局",
                "Shenzhen Administration for Market Regulation",
                shenzhen,
                "440300",
                credit("11440300MB2C03010"));

        var hash = Objects.requireNonNull(passwords.encode(DEMO_PASSWORD));
        var citizen = person("张三", "44010619900307123", "13800138001", 3, "citizen", hash);
        accounts.grantRole(citizen, Role.CITIZEN, null, null);
        var citizen2 = person("李四", "44030419850512264", "13800138002", 3, "citizen2", hash);
        accounts.grantRole(citizen2, Role.CITIZEN, null, null);
        var legalRep = person("王五", "44010619780815135", "13800138003", 3, "enterprise", hash);
        accounts.grantRole(legalRep, Role.CITIZEN, null, null);
        accounts.grantRole(legalRep, Role.ENTERPRISE_USER, null, null);
        officer("陈明", "44010119820220351", "13800138004", "official", hash, market, "GZ-SCJG-0001", "科员");
        var deptAdmin = person("林芳", "44010419880606442", "13800138005", 4, "deptadmin", hash);
        accounts.grantRole(deptAdmin, Role.OFFICIAL, market, null);
        accounts.grantRole(deptAdmin, Role.DEPARTMENT_ADMIN, market, null);
        official(deptAdmin, "GZ-SCJG-0002", market, "办公室主任");
        // A second official of market regulation (transfer, co-signing), and officials of the departments that
        // review jointly with it (企业设立登记, 食品经营许可, 人才引进入户).
        officer("刘洋", "44010119860412331", "13800138009", "official2", hash, market, "GZ-SCJG-0003", "科员");
        officer("郑强", "44010219830317412", "13800138010", "taxofficial", hash, tax, "GZ-SW-0001", "税务专管员");
        officer("何静", "44010319870825523", "13800138011", "hrofficial", hash, hr, "GZ-RS-0001", "科员");
        officer("孙丽", "44010419890930624", "13800138012", "healthofficial", hash, health, "GZ-WJ-0001", "科员");
        officer("罗军", "44010519840106735", "13800138013", "police", hash, police, "GZ-GA-0001", "户政民警");
        // Second officials of the departments that lead items of their own: the official who accepted or reviewed
        // a case may not decide it (separation of duties), so each such department needs two.
        officer("钱峰", "44010619860520415", "13800138014", "police2", hash, police, "GZ-GA-0002", "户政民警");
        officer("冯雪", "44010519880912526", "13800138015", "hrofficial2", hash, hr, "GZ-RS-0002", "科员");
        // The officials of the other departments that lead or review demo items, two each (DemoHandlers).
        handlers.addMissing(hash);
        var manager = person("黄伟", "44010219790909253", "13800138006", 4, "manager", hash);
        accounts.grantRole(manager, Role.GOVERNMENT_MANAGER, dataBureau, null);
        official(manager, "GD-ZSJ-0001", dataBureau, "政务服务处处长");
        var operator = person("周婷", "44010319900118362", "13800138007", 4, "operator", hash);
        accounts.grantRole(operator, Role.PLATFORM_OPERATOR, null, null);
        var auditor = person("吴刚", "44010519870707171", "13800138008", 4, "auditor", hash);
        accounts.grantRole(auditor, Role.AUDITOR, null, null);

        // People in the population register who have no account yet: a newcomer registers as one of them.
        registerOnly("赵六", "44010619950101001");
        registerOnly("欧阳娜娜", "44030419960214002");
        // 梁晓燕 (agent) is 广州通办示范科技有限公司's agent (经办人) for filing cases, for a year (ADR 0031).
        var agent = person("梁晓燕", "44010619920315246", "13800138051", 3, "agent", hash);
        accounts.grantRole(agent, Role.CITIZEN, null, null);
        accounts.grantRole(agent, Role.ENTERPRISE_USER, null, null);
        // 张三's mother 王秀英 (parent) has authorised him; he is the guardian of his son 张小宇 (ADR 0043).
        family.addMissing(hash);

        // 王五 (enterprise) represents two companies on Tongban, so the current one can be switched; a third is in
        // the register only, for trying a claim (ADR 0030). 张三 (citizen) and 李四 (citizen2) are registered legal
        // representatives who have not claimed theirs; the others' representatives have no account at all.
        var wang = accounts.findById(legalRep).orElseThrow().personId();
        claimed(credit("91440106MA5D00010"), "广州通办示范科技有限公司", wang, legalRep, "广州市天河区天河路100号", "软件和信息技术服务业", "440106");
        market(
                credit("91440106MA5D00010"),
                "广州通办示范科技有限公司",
                "王五",
                "44010619780815135",
                "广州市天河区天河路100号",
                "软件和信息技术服务业",
                "440106");
        agentOf(credit("91440106MA5D00010"), agent, legalRep, "CASES");
        claimed(credit("91440104MA5D00030"), "广州粤味示范餐饮管理有限公司", wang, legalRep, "广州市越秀区北京路88号", "住宿和餐饮业", "440104");
        market(
                credit("91440104MA5D00030"),
                "广州粤味示范餐饮管理有限公司",
                "王五",
                "44010619780815135",
                "广州市越秀区北京路88号",
                "住宿和餐饮业",
                "440104");
        market(
                credit("91440111MA5D00040"),
                "广州白云示范物流有限公司",
                "王五",
                "44010619780815135",
                "广州市白云区机场路300号",
                "交通运输、仓储和邮政业",
                "440111");
        market(
                credit("91440300MA5D00020"),
                "深圳粤商示范贸易有限公司",
                "李四",
                "44030419850512264",
                "深圳市福田区深南大道2000号",
                "批发和零售业",
                "440304");
        market(
                credit("92440106MA5D00050"),
                "广州市天河区张三示范便利店",
                "张三",
                "44010619900307123",
                "广州市天河区体育西路18号",
                "批发和零售业",
                "440106");
        market(
                credit("91440605MA5D00060"),
                "佛山南海示范制造有限公司",
                "陈大文",
                "44060519750312457",
                "佛山市南海区桂城街道南海大道北50号",
                "制造业",
                "440605");
        market(
                credit("91441900MA5D00070"),
                "东莞松山湖示范电子有限公司",
                "梁美华",
                "44190019820615268",
                "东莞市松山湖高新技术产业开发区工业北路6号",
                "计算机、通信和其他电子设备制造业",
                "441900");
        market(
                credit("93440112MA5D00080"),
                "广州市黄埔区示范蔬果专业合作社",
                "黎志强",
                "44011219790921339",
                "广州市黄埔区九龙镇九龙大道1号",
                "农、林、牧、渔业",
                "440112");
    }

    /** An enterprise already on Tongban, its legal representative's account acting for it. */
    private void claimed(
            CreditCode code,
            String name,
            UUID repPerson,
            UUID repAccount,
            String address,
            String industry,
            String region) {
        var enterprise = UUID.randomUUID();
        jdbc.sql("""
                insert into identity.enterprise (id, credit_code, name, legal_rep_id, address, industry, region_code,
                       trust_level, created_at)
                values (:id, :code, :name, :rep, :address, :industry, :region, 3, now())""")
                .param("id", enterprise)
                .param("code", code.value())
                .param("name", name)
                .param("rep", repPerson)
                .param("address", address)
                .param("industry", industry)
                .param("region", region)
                .update();
        jdbc.sql("""
                insert into identity.enterprise_grant (id, enterprise_id, account_id, kind, scope, valid_from, status,
                       created_at)
                values (:id, :e, :a, 'LEGAL_REPRESENTATIVE', 'ALL', now(),
                        'ACTIVE', now() + (select count(*) from identity.enterprise_grant where account_id = :a)
                                          * interval '1 second')""")
                .param("id", UUID.randomUUID())
                .param("e", enterprise)
                .param("a", repAccount)
                .update();
    }

    private void agentOf(CreditCode code, UUID agent, UUID grantedBy, String scope) {
        jdbc.sql("""
                insert into identity.enterprise_grant (id, enterprise_id, account_id, kind, scope, valid_from, valid_to,
                       status, created_at, granted_by)
                select :id, e.id, :a, 'AGENT', :scope, now(), now() + interval '1 year', 'ACTIVE', now(), :by
                  from identity.enterprise e where e.credit_code = :code""")
                .param("id", UUID.randomUUID())
                .param("a", agent)
                .param("scope", scope)
                .param("by", grantedBy)
                .param("code", code.value())
                .update();
    }

    private UUID orgUnit(
            String code,
            String kind,
            String zh,
            String en,
            @Nullable UUID parent,
            String region,
            @Nullable CreditCode credit) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into identity.org_unit (id, code, kind, name_zh, name_en, parent_id, region_code, credit_code)
                values (:id, :code, :kind, :zh, :en, :parent, :region, :credit)""")
                .param("id", id)
                .param("code", code)
                .param("kind", kind)
                .param("zh", zh)
                .param("en", en)
                .param("parent", parent)
                .param("region", region)
                .param("credit", credit == null ? null : credit.value())
                .update();
        return id;
    }

    private UUID person(String name, String idFirst17, String phone, int level, String login, String hash) {
        var id = IdNumber.parse(idFirst17 + IdNumber.checkChar(idFirst17));
        var personId = persons.insertPerson(name, id, PhoneNumber.parse(phone), level);
        registerEntry(name, id);
        return accounts.insertAccount(personId, login, hash);
    }

    /** A person with an account who holds the official role in a department and is posted there. */
    private void officer(
            String name,
            String idFirst17,
            String phone,
            String login,
            String hash,
            UUID unit,
            String staffNo,
            String post) {
        var account = person(name, idFirst17, phone, 4, login, hash);
        accounts.grantRole(account, Role.OFFICIAL, unit, null);
        official(account, staffNo, unit, post);
    }

    private void registerOnly(String name, String idFirst17) {
        registerEntry(name, IdNumber.parse(idFirst17 + IdNumber.checkChar(idFirst17)));
    }

    private void registerEntry(String name, IdNumber id) {
        jdbc.sql(
                        "insert into identity.population_register (id_number_idx, name) values (:idx, :name) on conflict do nothing")
                .param("idx", persons.idNumberIndex(id))
                .param("name", name)
                .update();
    }

    private void official(UUID account, String staffNo, UUID unit, String post) {
        jdbc.sql("insert into identity.official (account_id, staff_no, org_unit_id, post) values (:a, :s, :u, :p)")
                .param("a", account)
                .param("s", staffNo)
                .param("u", unit)
                .param("p", post)
                .update();
    }

    private void market(
            CreditCode code,
            String name,
            String rep,
            String repIdFirst17,
            String address,
            String industry,
            String region) {
        var repId = IdNumber.parse(repIdFirst17 + IdNumber.checkChar(repIdFirst17));
        jdbc.sql("""
                insert into identity.market_register (credit_code, name, legal_rep_name, legal_rep_idx, address, industry,
                       region_code) values (:c, :n, :r, :idx, :a, :i, :reg)""")
                .param("c", code.value())
                .param("n", name)
                .param("r", rep)
                .param("idx", protection.blindIndex(repId.value(), PersonStore.ID_NUMBER))
                .param("a", address)
                .param("i", industry)
                .param("reg", region)
                .update();
    }

    private static CreditCode credit(String first17) {
        return CreditCode.parse(first17 + CreditCode.checkChar(first17));
    }
}
