package org.tongban.notices;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.identity.internal.AccountStore;
import org.tongban.notices.internal.Meetings;
import org.tongban.notices.internal.Notices;

/** What the notices tests share: demo accounts by login, unique titles, counts of audit rows and messages. */
abstract class NoticeTestSupport extends IntegrationTest {

    static final String MARKET = "440100-SCJG";
    static final String TAX = "440100-SW";
    static final String HR = "440100-RS";

    @Autowired
    Notices notices;

    @Autowired
    Meetings meetings;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcClient jdbc;

    UUID id(String login) {
        return accounts.findByIdentifier(login).orElseThrow().id();
    }

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    long audited(String code, UUID subject) {
        return jdbc.sql("select count(*) from audit.audit_event where code = :c and subject = :s")
                .param("c", code)
                .param("s", subject.toString())
                .query(Long.class)
                .single();
    }

    /** Messages in the account's centre of this template about this object (its id is the first argument). */
    long messages(UUID account, String key, UUID about) {
        return jdbc.sql("""
                        select count(*) from notifications.message
                         where recipient = :r and template_key = :k and args like :a""")
                .param("r", account)
                .param("k", key)
                .param("a", about + "%")
                .query(Long.class)
                .single();
    }

    UUID notice(String title, List<String> departments) {
        return notices.send(id("deptadmin"), Map.of("title", title, "body", "请各部门认真阅读并落实。"), departments, List.of());
    }

    static String inHours(double hours) {
        return LocalDateTime.now(Meetings.ZONE)
                .plusMinutes((long) (hours * 60))
                .withSecond(0)
                .withNano(0)
                .toString();
    }

    UUID meeting(String title, double startsInHours, List<String> invitees, List<String> departments) {
        return meetings.call(
                id("deptadmin"),
                Map.of(
                        "title",
                        title,
                        "startsAt",
                        inHours(startsInHours),
                        "endsAt",
                        inHours(startsInHours + 1),
                        "place",
                        "市政务服务中心 3 楼会议室",
                        "agenda",
                        "通报工作进展"),
                invitees,
                departments,
                List.of());
    }
}
