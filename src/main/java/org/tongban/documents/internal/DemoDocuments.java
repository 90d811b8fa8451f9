package org.tongban.documents.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.Departments;
import org.tongban.identity.StaffView;

/**
 * Seeds the demo departments' 机关代字 and leaders, and documents in every state across five departments, by going
 * through the real flow (draft, check, countersign, sign with its number, seal with the department's key,
 * dispatch, and the receivers' handling). Once, after identity's demo data; not in the production profile.
 */
@Component
@Order(50)
class DemoDocuments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDocuments.class);
    private static final String ACTOR = "system:demo-data";

    /** The demo departments' 机关代字. */
    static final Map<String, String> SHORT_NAMES = Map.ofEntries(
            Map.entry("440000-ZSJ", "粤政数"),
            Map.entry("440100-SCJG", "穗市监"),
            Map.entry("440100-GA", "穗公"),
            Map.entry("440100-RS", "穗人社"),
            Map.entry("440100-SW", "穗税"),
            Map.entry("440100-WJ", "穗卫健"),
            Map.entry("440100-GJJ", "穗公积金"),
            Map.entry("440100-JT", "穗交"),
            Map.entry("440100-JY", "穗教"),
            Map.entry("440100-YB", "穗医保"),
            Map.entry("440100-ZJ", "穗建"),
            Map.entry("440100-GH", "穗规划"),
            Map.entry("440106-MZ", "天民"),
            Map.entry("440300-SCJG", "深市监"));

    /** The leaders by staff number: deptadmin (林芳) and the second officials of four departments. */
    static final Map<String, String> LEADERS = Map.of(
            "440100-SCJG", "GZ-SCJG-0002",
            "440100-GA", "GZ-GA-0002",
            "440100-RS", "GZ-RS-0002",
            "440100-SW", "GZ-SW-0002",
            "440100-WJ", "GZ-WJ-0002");

    private final OfficialDocuments documents;
    private final ShortNames shortNames;
    private final Leaders leaders;
    private final Departments departments;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Environment environment;

    DemoDocuments(
            OfficialDocuments documents,
            ShortNames shortNames,
            Leaders leaders,
            Departments departments,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Environment environment) {
        this.documents = documents;
        this.shortNames = shortNames;
        this.leaders = leaders;
        this.departments = departments;
        this.jdbc = jdbc;
        this.tx = tx;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.acceptsProfiles(Profiles.of("production"))
                || !environment.getProperty("tongban.demo-data.enabled", Boolean.class, true)) {
            return;
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.demo-documents'))")
                    .query()
                    .singleValue();
            var known = shortNames.all();
            for (var e : SHORT_NAMES.entrySet())
                if (!known.containsKey(e.getKey())
                        && departments.department(e.getKey()).isPresent())
                    shortNames.set(ACTOR, e.getKey(), e.getValue());
            var staff = new HashMap<String, Map<String, UUID>>();
            for (var department : LEADERS.keySet()) {
                var byNumber = staffNumbers(department);
                staff.put(department, byNumber);
                var leader = byNumber.get(LEADERS.get(department));
                if (leader != null) leaders.appoint(department, leader);
            }
            var count = jdbc.sql("select count(*) from documents.document")
                    .query(Long.class)
                    .single();
            if (count > 0) return;
            seed(staff);
            log.info("Demo documents seeded");
        });
    }

    /** The department's staff, staff number to account. */
    private Map<String, UUID> staffNumbers(String department) {
        var out = new HashMap<String, UUID>();
        for (var official : departments.officialsOf(department))
            for (StaffView s : departments.colleagues(official)) out.put(s.staffNo(), s.accountId());
        return out;
    }

    private void seed(Map<String, Map<String, UUID>> staff) {
        var scjg = staff.get("440100-SCJG");
        var ga = staff.get("440100-GA");
        var rs = staff.get("440100-RS");
        var sw = staff.get("440100-SW");
        var wj = staff.get("440100-WJ");
        if (scjg == null || ga == null || rs == null || sw == null || wj == null) return;
        UUID official = scjg.get("GZ-SCJG-0001");
        UUID leader = scjg.get("GZ-SCJG-0002");
        UUID official2 = scjg.get("GZ-SCJG-0003");
        UUID police = ga.get("GZ-GA-0001");
        UUID police2 = ga.get("GZ-GA-0002");
        UUID hr = rs.get("GZ-RS-0001");
        UUID hr2 = rs.get("GZ-RS-0002");
        UUID tax = sw.get("GZ-SW-0001");
        UUID tax2 = sw.get("GZ-SW-0002");
        UUID health = wj.get("GZ-WJ-0001");
        UUID health2 = wj.get("GZ-WJ-0002");
        if (official == null
                || leader == null
                || official2 == null
                || police == null
                || police2 == null
                || hr == null
                || hr2 == null
                || tax == null
                || tax2 == null
                || health == null
                || health2 == null) return;

        // 广州市市场监督管理局: one document in each outgoing state, and one dispatched to four departments.
        documents.draft(
                official,
                withDefaults(
                        official,
                        form(
                                "NOTICE",
                                "关于开展2027年元旦春节期间食品安全专项检查的通知",
                                List.of("440100-WJ"),
                                List.of(),
                                List.of(),
                                BODY_INSPECTION)));
        var checking = documents.draft(
                official,
                withDefaults(
                        official,
                        form(
                                "OPINION",
                                "关于优化企业开办服务的实施意见",
                                List.of("440100-SW"),
                                List.of("440100-RS"),
                                List.of(),
                                BODY_OPENING)));
        documents.submit(official, checking);
        var countersigning = documents.draft(
                official,
                withDefaults(
                        official,
                        form(
                                "NOTICE",
                                "关于联合开展企业登记信息核查的通知",
                                List.of("440100-SW", "440100-RS"),
                                List.of(),
                                List.of("440100-SW"),
                                BODY_JOINT)));
        documents.submit(official, countersigning);
        documents.check(official2, countersigning, true, "格式规范，同意送会签。");
        var toSign = documents.draft(
                official,
                withDefaults(
                        official,
                        form("REQUEST", "关于申请增加食品抽检经费的请示", List.of("440000-ZSJ"), List.of(), List.of(), BODY_REQUEST)));
        documents.submit(official, toSign);
        documents.check(official2, toSign, true, null);
        var numbered = documents.draft(
                official,
                withDefaults(
                        official,
                        form("LETTER", "关于商请提供企业社保参保数据的函", List.of("440100-RS"), List.of(), List.of(), BODY_LETTER)));
        documents.submit(official, numbered);
        documents.check(official2, numbered, true, null);
        documents.sign(leader, numbered, "同意。");
        var sealed = documents.draft(
                official,
                withDefaults(
                        official,
                        form(
                                "CIRCULAR",
                                "关于2026年第三季度市场主体登记情况的通报",
                                List.of("440100-SW"),
                                List.of(),
                                List.of(),
                                BODY_CIRCULAR)));
        flowToSealed(sealed, official, official2, leader);
        var dispatched = documents.draft(
                official,
                withDefaults(
                        official,
                        form(
                                "NOTICE",
                                "关于做好2027年度企业年报公示工作的通知",
                                List.of("440100-GA", "440100-RS", "440100-SW"),
                                List.of("440100-WJ"),
                                List.of(),
                                BODY_ANNUAL)));
        flowToSealed(dispatched, official, official2, leader);
        documents.dispatch(official, dispatched);

        // The receivers, each at another step: 公安 concluded, 人社 instructed, 税务 signed for, 卫健 not yet.
        var gaReceipt = receipt(police, dispatched);
        documents.signFor(police, gaReceipt);
        documents.propose(police, gaReceipt, "建议由户政科阅知并配合做好相关工作。");
        documents.instruct(police2, gaReceipt, "同意拟办意见，请户政科办理。");
        documents.handle(police, gaReceipt, "已组织户政科学习并落实。");
        documents.conclude(police, gaReceipt);
        var rsReceipt = receipt(hr, dispatched);
        documents.signFor(hr, rsReceipt);
        documents.propose(hr, rsReceipt, "建议由就业促进科承办。");
        documents.instruct(hr2, rsReceipt, "请就业促进科按通知要求办理。");
        documents.signFor(tax, receipt(tax, dispatched));

        // 广州市公安局, 人力资源和社会保障局, 税务局 and 卫生健康委员会 issue documents of their own.
        var gaDoc = documents.draft(
                police,
                withDefaults(
                        police,
                        form("NOTICE", "关于进一步规范户籍业务办理的通知", List.of("440100-SCJG"), List.of(), List.of(), BODY_HUKOU)));
        flowToSealed(gaDoc, police, police2, police2);
        documents.dispatch(police, gaDoc);
        var rsDoc = documents.draft(
                hr,
                withDefaults(
                        hr,
                        form(
                                "REPORT",
                                "关于2026年人才引进工作情况的报告",
                                List.of("440000-ZSJ"),
                                List.of(),
                                List.of(),
                                BODY_TALENT)));
        flowToSealed(rsDoc, hr, hr2, hr2);
        documents.dispatch(hr, rsDoc);
        var swDoc = documents.draft(
                tax,
                withDefaults(
                        tax,
                        form("LETTER", "关于协助核实新办企业涉税信息的函", List.of("440100-SCJG"), List.of(), List.of(), BODY_TAX)));
        documents.submit(tax, swDoc);
        var wjDoc = documents.draft(
                health,
                withDefaults(
                        health,
                        form(
                                "NOTICE",
                                "关于做好冬春季传染病防控工作的通知",
                                List.of("440100-SCJG"),
                                List.of("440100-RS"),
                                List.of(),
                                BODY_HEALTH)));
        flowToSealed(wjDoc, health, health2, health2);
        documents.dispatch(health, wjDoc);
    }

    private void flowToSealed(UUID id, UUID drafter, UUID checker, UUID leader) {
        documents.submit(drafter, id);
        documents.check(checker, id, true, "同意。");
        documents.sign(leader, id, "同意印发。");
        documents.seal(drafter, id);
    }

    private UUID receipt(UUID official, UUID document) {
        return documents.incoming(official, null).stream()
                .filter(r -> r.documentId().equals(document))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private Map<String, List<String>> form(
            String type, String title, List<String> main, List<String> cc, List<String> countersigners, String body) {
        var out = new HashMap<String, List<String>>();
        out.put("type", List.of(type));
        out.put("title", List.of(title));
        out.put("mainRecipients", main);
        out.put("ccRecipients", cc);
        out.put("countersigners", countersigners);
        out.put("body", List.of(body));
        return out;
    }

    /** The form's defaults (issuer mark, signature, 印发机关) filled for the drafter. */
    private Map<String, List<String>> withDefaults(UUID official, Map<String, List<String>> form) {
        var out = new HashMap<>(form);
        documents.defaults(official).forEach((k, v) -> out.putIfAbsent(k, List.of(v)));
        return out;
    }

    private static final String BODY_INSPECTION = "为切实保障元旦春节期间全市食品安全，经研究，决定在全市范围内开展食品安全专项检查。现将有关事项通知如下。\n"
            + "一、检查时间。2026年12月15日至2027年2月28日。\n二、检查重点。节日食品生产经营单位、大型商超和农贸市场。";
    private static final String BODY_OPENING =
            "为进一步优化营商环境，压缩企业开办时间，现就优化企业开办服务提出如下意见。\n" + "一、推行企业开办一网通办，实现营业执照、公章刻制、涉税事项和社保登记一次办结。";
    private static final String BODY_JOINT = "为提高企业登记信息质量，市市场监督管理局、市税务局决定联合开展企业登记信息核查工作。请各单位按照分工做好核查。";
    private static final String BODY_REQUEST = "为做好2027年食品安全抽检工作，我局拟增加抽检批次一万批，所需经费约三百万元。妥否，请批示。";
    private static final String BODY_LETTER = "为做好企业信用监管工作，我局需核对部分企业的社保参保人数。请贵局协助提供相关数据为盼。";
    private static final String BODY_CIRCULAR = "2026年第三季度，全市新登记市场主体十二万户，同比增长百分之八。现将有关情况通报如下。";
    private static final String BODY_ANNUAL =
            "根据《企业信息公示暂行条例》，企业应当于每年1月1日至6月30日报送上一年度年度报告。" + "请各单位结合职责，做好宣传引导和数据共享工作。\n请于2027年1月31日前将联络员名单报我局。";
    private static final String BODY_HUKOU = "为进一步规范户籍业务办理，提升群众办事体验，现就有关事项通知如下。请各单位认真贯彻执行。";
    private static final String BODY_TALENT = "2026年，我局共引进各类人才三万余人，办理人才引进入户一万二千件。现将有关情况报告如下。";
    private static final String BODY_TAX = "为做好新办企业涉税信息核实工作，请贵局协助核实附件所列企业的登记信息。";
    private static final String BODY_HEALTH = "冬春季是传染病高发季节。为做好防控工作，现将有关事项通知如下。请各单位高度重视，落实责任。";
}
