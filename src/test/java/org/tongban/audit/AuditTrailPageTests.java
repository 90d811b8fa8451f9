package org.tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.WebClient;

/**
 * The auditor's trail page (issue 11, finding 6): it showed the last 200 rows with audit codes and actor UUIDs, and
 * no filter but a typed code. Now: events by their label, people by their name, filters by days, actor, event,
 * object and result with errors on the field, paging backwards, and a CSV export that is itself audited.
 */
class AuditTrailPageTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditManagement audit;

    @Test
    void entriesShowTheEventsLabelAndThePersonsNameNotCodesAndIds() {
        signedIn("manager"); // a sign-in of the manager (黄伟) reaches the trail
        var auditor = signedIn("auditor");
        var page = auditor.get("/console/audit?code=SIGN_IN_SUCCEEDED");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("登录成功")
                .contains("黄伟")
                .doesNotContain(">SIGN_IN_SUCCEEDED<")
                .doesNotContain(accountOf("manager"));
        // The filter offers events by name, the code only as the option's value.
        assertThat(page.body()).contains("<option value=\"SIGN_IN_SUCCEEDED\" selected=\"selected\">登录成功</option>");
    }

    @Test
    void aDepartmentThatIsAnEventsObjectIsShownByItsName() {
        audit.recordNow(new TestAudited("440100-GJJ"));
        var en = jdbc.sql("select name_en from identity.org_unit where code = '440100-GJJ'")
                .query(String.class)
                .single();
        var zh = signedIn("auditor").get("/console/audit?subject=440100-GJJ").body();
        assertThat(zh).contains(">广州住房公积金管理中心</dd>").doesNotContain(">440100-GJJ<");
        var english = signedIn("auditor")
                .english()
                .get("/console/audit?subject=440100-GJJ")
                .body();
        assertThat(english).contains(">" + en + "</dd>").doesNotContain(">440100-GJJ<");
    }

    @Test
    void aModulesCodeIsShownByItsNameAndAnIdentifierInsideAnObjectShortened() {
        // The exchange's data resource and a licence type are objects of their modules' events (found by the
        // every-page walk: 'POPULATION_BASIC' on the trail); a refused request's path holds the record's identifier.
        var id = java.util.UUID.randomUUID().toString();
        var path = "POST /api/v1/office/notices/" + id + "/remind";
        audit.recordNow(new TestAudited("POPULATION_BASIC"));
        audit.recordNow(new TestAudited("BUSINESS_LICENCE"));
        audit.recordNow(new TestAudited(path));
        var auditor = signedIn("auditor");
        assertThat(auditor.get("/console/audit?subject=POPULATION_BASIC").body())
                .contains(">人口基本信息</dd>")
                .doesNotContain(">POPULATION_BASIC<");
        assertThat(auditor.get("/console/audit?subject=BUSINESS_LICENCE").body())
                .contains(">营业执照</dd>")
                .doesNotContain(">BUSINESS_LICENCE<");
        assertThat(signedIn("auditor")
                        .english()
                        .get("/console/audit?subject=BUSINESS_LICENCE")
                        .body())
                .contains(">Business license</dd>");
        var refused = auditor.get("/console/audit?subject="
                        + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8))
                .body();
        assertThat(refused)
                .contains(">POST /api/v1/office/notices/" + id.substring(0, 8) + "…/remind</a>")
                .doesNotContain(">" + path + "<");
    }

    @Test
    void filtersNarrowByActorResultAndDaysAndABadFieldIsShownWithItsInputKept() {
        signedIn("operator");
        var auditor = signedIn("auditor");
        var byActor = auditor.get("/console/audit?actor=operator&code=SIGN_IN_SUCCEEDED");
        assertThat(byActor.body()).contains("周婷").doesNotContain("黄伟");

        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var tomorrow = auditor.get("/console/audit?from=" + today.plusDays(1));
        assertThat(tomorrow.status()).isEqualTo(200);
        assertThat(tomorrow.body()).contains("id=\"audit-none\"");

        var bad = auditor.get("/console/audit?from=2026-13-40&actor=nobody-such");
        assertThat(bad.status()).isEqualTo(200);
        assertThat(bad.body())
                .contains("请输入日期，格式为 年-月-日")
                .contains("没有这个登录名的账号")
                .contains("value=\"2026-13-40\"")
                .contains("value=\"nobody-such\"");

        var reversed = auditor.get("/console/audit?from=" + today + "&to=" + today.minusDays(1));
        assertThat(reversed.body()).contains("开始日期不能晚于结束日期");
    }

    @Test
    void theTrailPagesBackwardsFromTheNewest() {
        var auditor = signedIn("auditor");
        var first = auditor.get("/console/audit");
        assertThat(first.body()).contains("id=\"audit-older\"");
        var older = first.body()
                .replaceAll("(?s).*id=\"audit-older\" href=\"([^\"]+)\".*", "$1")
                .replace("&amp;", "&");
        var next = auditor.get(older);
        assertThat(next.status()).isEqualTo(200);
        var newestSeq = seqs(first.body())[0];
        var olderSeq = seqs(next.body())[0];
        assertThat(olderSeq)
                .isLessThan(seqs(first.body())[seqs(first.body()).length - 1])
                .isLessThan(newestSeq);
        assertThat(next.body()).contains("id=\"audit-newest\"");
    }

    @Test
    void theExportIsCsvWithNamesAndLabelsAndIsItselfAudited() {
        signedIn("manager");
        var auditor = signedIn("auditor");
        var csv = auditor.get("/console/audit/export.csv?code=SIGN_IN_SUCCEEDED&actor=manager");
        assertThat(csv.status()).isEqualTo(200);
        var lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFF\"序号\",\"时间\",\"事件类型\",\"code\",\"操作人\",\"actor\"");
        assertThat(lines[1]).contains("\"登录成功\",\"SIGN_IN_SUCCEEDED\",\"黄伟\",\"" + accountOf("manager") + "\"");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> jdbc.sql("""
                        select count(*) from audit.audit_event
                         where code = 'AUDIT_TRAIL_EXPORTED' and actor = :a and details like '%actor=manager%'""")
                                .param("a", accountOf("auditor"))
                                .query(Long.class)
                                .single()
                        >= 1);
    }

    @Test
    void onlyTheAuditorReadsOrExportsTheTrail() {
        for (var login : new String[] {"manager", "operator", "official", "citizen"}) {
            WebClient web = signedIn(login);
            assertThat(web.get("/console/audit").status()).as(login).isEqualTo(403);
            assertThat(web.get("/console/audit/export.csv").status()).as(login).isEqualTo(403);
        }
        assertThat(new WebClient(BASE).get("/console/audit/export.csv").status())
                .isIn(302, 401);
    }

    @Test
    void everyCodeThePlatformWritesHasALabelInBothLanguages() {
        var auditor = signedIn("auditor");
        var zh = auditor.get("/console/audit").body();
        var en = signedIn("auditor").english().get("/console/audit").body();
        // TEST_EVENT is the tests' own code (TestAudited), on the class path of the tests only.
        assertThat(zh.replace("??audit.code.TEST_EVENT_zh_CN??", "")).doesNotContain("??audit.code.");
        assertThat(en.replace("??audit.code.TEST_EVENT_en??", ""))
                .doesNotContain("??audit.code.")
                .contains("License issued");
    }

    String accountOf(String login) {
        return jdbc.sql("select id::text from identity.account where login_name = :l")
                .param("l", login)
                .query(String.class)
                .single();
    }

    static long[] seqs(String body) {
        var m = java.util.regex.Pattern.compile("id=\"entry-(\\d+)\"").matcher(body);
        var found = new java.util.ArrayList<Long>();
        while (m.find()) found.add(Long.parseLong(m.group(1)));
        return found.stream().mapToLong(Long::longValue).toArray();
    }
}
