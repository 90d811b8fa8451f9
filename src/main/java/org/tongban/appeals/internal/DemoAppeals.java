package org.tongban.appeals.internal;

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
import org.tongban.identity.Enterprises;
import org.tongban.identity.StaffView;
import org.tongban.shared.CreditCode;

/**
 * Seeds a few requests of 王五's company (the demo account {@code enterprise}) to Guangzhou's 市场监督管理局, in
 * different states, handled by 陈明 ({@code official}) through the real flow: one waiting, one accepted, one
 * answered, one rated. Once, after identity's demo data; not in the production profile.
 */
@Component
@Order(70)
class DemoAppeals implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAppeals.class);
    private static final String COMPANY = "91440106MA5D00010";
    private static final String MARKET = "440100-SCJG";

    private final Appeals appeals;
    private final OfficeAppeals office;
    private final Requesters requesters;
    private final Enterprises enterprises;
    private final Departments departments;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Environment environment;

    DemoAppeals(
            Appeals appeals,
            OfficeAppeals office,
            Requesters requesters,
            Enterprises enterprises,
            Departments departments,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Environment environment) {
        this.appeals = appeals;
        this.office = office;
        this.requesters = requesters;
        this.enterprises = enterprises;
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
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.demo-appeals'))")
                    .query()
                    .singleValue();
            if (jdbc.sql("select count(*) from appeals.request")
                            .query(Long.class)
                            .single()
                    > 0) return;
            var code = COMPANY + CreditCode.checkChar(COMPANY);
            var owners = enterprises.accountsActingFor(code);
            UUID official = null;
            for (var o : departments.officialsOf(MARKET))
                for (StaffView st : departments.colleagues(o))
                    if (st.staffNo().equals("GZ-SCJG-0001")) official = st.accountId();
            if (owners.isEmpty() || official == null) return;
            var rep = owners.getFirst();
            var company = enterprises.actingFor(rep, code);
            if (company.isEmpty()) return;
            var who = requesters.enterprise(rep, company.get());
            submit(who, "REQUEST", "食品经营许可证变更能否全程网办", "我司变更经营场所，想了解食品经营许可证的变更能否在网上办理，需要哪些材料。");
            var accepted = submit(who, "COMPLAINT", "相邻商户长期占道经营", "我司所在写字楼一层商户长期占用消防通道摆放货物，多次沟通无果，请依法处理。");
            office.accept(official, accepted);
            var answered = submit(who, "SUGGESTION", "建议公布个体户年报截止提醒", "建议在年报截止前通过短信提醒企业和个体户，避免因遗忘被列入经营异常名录。");
            office.reply(official, answered, "感谢建议。我局已在每年五月通过短信和粤商通消息提醒未年报的市场主体，后续将提前至四月开始提醒。");
            var rated = submit(who, "REQUEST", "营业执照地址变更后多久能领取", "我司已提交营业执照地址变更申请，想了解审核需要多长时间，能否领取电子营业执照。");
            office.reply(official, rated, "地址变更材料齐全的，一般在 3 个工作日内办结，办结后即可在电子营业执照小程序下载电子执照。");
            appeals.rate(rep, code, rated, "SATISFIED");
            log.info("Demo requests seeded: 4 of {}", company.get().name());
        });
    }

    private UUID submit(Appeals.Requester who, String kind, String title, String body) {
        return appeals.submit(who, Map.of("kind", kind, "category", "MARKET", "title", title, "body", body));
    }
}
