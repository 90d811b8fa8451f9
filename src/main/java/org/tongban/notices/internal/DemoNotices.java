package org.tongban.notices.internal;

import java.time.LocalDate;
import java.time.LocalTime;
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

/**
 * Seeds notices and meetings of 林芳 ({@code deptadmin}, 广州市市场监督管理局's office) through the real flow: two
 * notices to market regulation, tax, human resources and every Guangzhou department, some read, some not; a
 * meeting tomorrow for three departments in which 陈明 ({@code official}) has not replied yet while others have, and
 * an online meeting. Once, after identity's demo data; not in the production profile.
 */
@Component
@Order(80)
class DemoNotices implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoNotices.class);

    private final Notices notices;
    private final Meetings meetings;
    private final Departments departments;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Environment environment;

    DemoNotices(
            Notices notices,
            Meetings meetings,
            Departments departments,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Environment environment) {
        this.notices = notices;
        this.meetings = meetings;
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
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.demo-notices'))")
                    .query()
                    .singleValue();
            if (jdbc.sql("select count(*) from notices.notice")
                            .query(Long.class)
                            .single()
                    > 0) return;
            var staff = staff();
            var admin = staff.get("GZ-SCJG-0002");
            var official = staff.get("GZ-SCJG-0001");
            var official2 = staff.get("GZ-SCJG-0003");
            var tax = staff.get("GZ-SW-0001");
            var hr = staff.get("GZ-RS-0001");
            var health = staff.get("GZ-WJ-0001");
            if (admin == null || official == null || official2 == null || tax == null || hr == null || health == null)
                return;
            var selfCheck = notices.send(
                    admin,
                    Map.of(
                            "title",
                            "关于开展政务服务“好差评”自查的通知",
                            "body",
                            "各有关部门：\n请对照《政务服务评价工作指南》，对本部门 2026 年以来的差评整改情况开展自查，"
                                    + "于期限前将自查报告报送市市场监督管理局办公室。\n联系人：林芳，电话 020-83000000。",
                            "replyBy",
                            LocalDate.now(Meetings.ZONE).plusDays(7).toString()),
                    List.of("440100-SCJG", "440100-SW", "440100-RS"),
                    List.of());
            notices.open(official2, selfCheck);
            notices.open(tax, selfCheck);
            var duty = notices.send(
                    admin,
                    Map.of(
                            "title", "关于做好元旦期间值班工作的通知",
                            "body", "全市各部门：\n元旦假期期间实行 24 小时值班和领导带班制度，请于放假前报送值班表，" + "值班人员保持通讯畅通，遇有突发情况及时报告。",
                            "region", "440100"),
                    List.of(),
                    List.of());
            notices.open(official, duty);
            notices.open(hr, duty);
            var tomorrow = LocalDate.now(Meetings.ZONE).plusDays(1);
            var meeting = meetings.call(
                    admin,
                    Map.of(
                            "title", "政务服务一体化推进会",
                            "startsAt", tomorrow.atTime(LocalTime.of(9, 30)).toString(),
                            "endsAt", tomorrow.atTime(LocalTime.of(11, 0)).toString(),
                            "place", "广州市政务服务中心 3 楼第一会议室",
                            "agenda", "一、通报一网通办运行情况\n二、部署好差评整改\n三、各部门发言"),
                    List.of(hr.toString()),
                    List.of("440100-SCJG", "440100-SW", "440100-WJ"),
                    List.of());
            meetings.reply(tax, meeting, "ATTEND", null, null);
            meetings.reply(health, meeting, "DECLINE", "当天在省卫健委参加培训", null);
            meetings.reply(official2, meeting, "ATTEND", null, null);
            var later = LocalDate.now(Meetings.ZONE).plusDays(3);
            meetings.call(
                    admin,
                    Map.of(
                            "title", "数据共享专题视频会",
                            "startsAt", later.atTime(LocalTime.of(15, 0)).toString(),
                            "endsAt", later.atTime(LocalTime.of(16, 0)).toString(),
                            "onlineLink", "https://meeting.gdzwfw.gov.cn/j/20261205",
                            "agenda", "讨论证照共享接口的接入计划"),
                    List.of(official2.toString(), hr.toString()),
                    List.of("440100-RS"),
                    List.of());
            log.info("Demo notices seeded: 2 notices and 2 meetings of 林芳 (deptadmin)");
        });
    }

    /** Staff numbers to accounts, of the departments the demo addresses. */
    private Map<String, UUID> staff() {
        var out = new HashMap<String, UUID>();
        for (var code : List.of("440100-SCJG", "440100-SW", "440100-RS", "440100-WJ"))
            for (var o : departments.officialsOf(code))
                for (var st : departments.colleagues(o)) out.put(st.staffNo(), st.accountId());
        return out;
    }
}
