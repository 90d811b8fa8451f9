package org.tongban.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;

/**
 * The dashboards' pages, CSV and API: the manager sees the province, a department admin the own department only
 * (another is not found, audited), citizens, officials and the operator are refused; CSV is UTF-8 with a BOM and
 * Chinese headers; the drill-down names items and departments in words.
 */
class InsightPagesTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void theManagerSeesTheProvinceWithDrillDownCsvAndWallScreen() {
        var made = new org.tongban.workbench.TodoFixtures(context).make();
        var web = signedIn("manager");
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> web.get("/console/insight/cases?figure=all&days=365")
                        .body()
                        .contains(made.waitingCase()));
        var page = web.get("/console/insight?days=365");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("效能监管 · 全省", "零跑动率", "按时办结率", "按部门的办件量", "公文办结率");
        assertThat(page.body()).contains("/dist/echarts.min.js");
        assertThat(web.get("/webjars/echarts/dist/echarts.min.js").status()).isEqualTo(200);
        assertThat(web.get("/console/insight/cases?figure=all&days=365").body()).contains("办件量", "办件编号");
        var csv = web.get("/console/insight/cases.csv?figure=all&days=365");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("\uFEFF\"办件编号\",\"事项\",\"部门\"").contains(made.waitingCase(), "道路运输从业人员资格证");
        var items = web.get("/console/insight/figures.csv?table=departments&days=365");
        assertThat(items.body()).startsWith("\uFEFF\"名称\",\"办件量\"");
        assertThat(web.get("/console/insight/figures.csv?table=nothing").status())
                .isEqualTo(404);
        assertThat(web.get("/console/insight/cases?figure=nothing").status()).isEqualTo(404);
        var wall = web.get("/console/insight/wall");
        assertThat(wall.body()).contains("hx-trigger=\"every 60s\"", "数看大屏");
        assertThat(web.get("/api/v1/insight/province?days=30").body()).contains("\"byItem\"", "\"openOverdue\"");
        assertThat(web.get("/office/insight").status()).isEqualTo(403);
        assertThat(web.english().get("/console/insight").body()).contains("Performance · province");
    }

    @Test
    void aDepartmentAdminSeesTheOwnDepartmentOnlyAndAnotherIsNotFound() {
        var web = signedIn("deptadmin");
        var page = web.get("/office/insight");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("市场监督管理局").doesNotContain("按部门的办件量");
        var before = denials();
        assertThat(web.get("/office/insight?department=440100-JT").status()).isEqualTo(404);
        assertThat(web.get("/office/insight/cases?figure=all&department=440100-JT")
                        .status())
                .isEqualTo(404);
        assertThat(web.get("/api/v1/insight/department?department=440100-JT").status())
                .isEqualTo(404);
        assertThat(web.get("/api/v1/insight/department/cases?department=440100-JT")
                        .status())
                .isEqualTo(404);
        assertThat(denials()).isEqualTo(before + 4);
        assertThat(web.get("/office/insight/cases.csv?figure=late").body()).startsWith("\uFEFF");
        assertThat(web.get("/console/insight").status()).isEqualTo(403);
        assertThat(web.get("/api/v1/insight/province").status()).isEqualTo(403);
    }

    @Test
    void citizensOfficialsAndTheOperatorAreRefused() {
        for (var login : new String[] {"citizen", "official", "operator"}) {
            var web = signedIn(login);
            assertThat(web.get("/console/insight").status()).as(login).isEqualTo(403);
            assertThat(web.get("/office/insight").status()).as(login).isEqualTo(403);
            assertThat(web.get("/api/v1/insight/province").status()).as(login).isEqualTo(403);
            assertThat(web.get("/api/v1/insight/department").status()).as(login).isEqualTo(403);
        }
    }

    long denials() {
        return jdbc.sql("select count(*) from audit.audit_event where code = 'INSIGHT_ACCESS_DENIED'")
                .query(Long.class)
                .single();
    }
}
