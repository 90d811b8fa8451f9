package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.WebClient;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * The application, correction and officials' case pages over HTTP: errors keep the answers, a repeated submission
 * files one case, and nobody reaches another person's case or another department's.
 */
class ApplicationPagesTests extends IntegrationTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CatalogManagement catalog;

    private String code(String name) {
        return catalog.search(ItemSearch.of(name)).getFirst().code();
    }

    private static UUID accountOf(String login) {
        var me = signedIn(login).json("GET", "/api/v1/me", null).body();
        return UUID.fromString(me.replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }

    /** The page's answers: valid ones from the test helper, and each required material as an upload of the applicant. */
    private Map<String, String> page(String item, UUID applicant, String key) {
        var submit = Applications.valid(cases, catalog, item, applicant, key);
        var form = new HashMap<>(submit.formData());
        submit.materials().forEach((seq, value) -> form.put("material." + seq, value));
        form.put("_key", key);
        return form;
    }

    @Test
    void errorsKeepTheAnswersAndTheSameSubmissionTwiceFilesOneCase() {
        var item = code("个体工商户设立登记");
        var citizen = signedIn("citizen");
        var applicant = accountOf("citizen");
        var start = citizen.get("/citizen/apply/" + item);
        assertThat(start.status()).isEqualTo(200);
        assertThat(start.body()).contains("张三"); // prefilled from the identity

        var key = UUID.randomUUID().toString();
        var form = page(item, applicant, key);
        var bad = new HashMap<>(form);
        bad.put("phone", "12345");
        bad.put("address", "广州市越秀区府前路 1 号");
        bad.put("_action", "check");
        var refused = citizen.post("/citizen/apply/" + item, bad);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"phone-error\"")
                .contains("广州市越秀区府前路 1 号")
                .contains("value=\"12345\"");

        var good = new HashMap<>(form);
        good.put("_action", "check");
        var check = citizen.post("/citizen/apply/" + item, good);
        assertThat(check.body()).contains("id=\"submit-application\"");

        var first = citizen.post("/citizen/apply/" + item + "/submit", form);
        var second = citizen.post("/citizen/apply/" + item + "/submit", form);
        assertThat(first.location()).startsWith("/citizen/cases/" + item + "-");
        assertThat(second.location()).isEqualTo(first.location());
        assertThat(cases.mine(applicant).stream()
                        .filter(c -> first.location().endsWith(c.number()))
                        .count())
                .isEqualTo(1);
        assertThat(citizen.get(first.location()).body()).contains("已提交");
    }

    @Test
    void aDraftIsSavedAndResumed() {
        var item = code("无犯罪记录证明");
        var citizen = signedIn("citizen2");
        citizen.get("/citizen/apply/" + item);
        var saved = citizen.post("/citizen/apply/" + item, Map.of("_action", "save", "receivingUnit", "墨尔本大学"));
        assertThat(saved.location()).isEqualTo("/citizen/apply/" + item);
        assertThat(citizen.get("/citizen/apply/" + item).body()).contains("草稿已保存");
        var resumed = citizen.get("/citizen/apply/" + item);
        assertThat(resumed.body()).contains("已恢复您上次保存的草稿").contains("墨尔本大学");
    }

    @Test
    void anItemIsAppliedForOnlyInItsChannels() {
        var enterpriseOnly = code("食品经营许可变更");
        // Refused in words that say where it is applied for (issue 12), not as a page that does not exist.
        var refused = signedIn("citizen").get("/citizen/apply/" + enterpriseOnly);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("仅限企业办理");
        assertThat(signedIn("citizen").get("/citizen/apply/NO-SUCH-ITEM").status())
                .isEqualTo(404);
    }

    @Test
    void theApplicantCorrectsOnTheFormAndNobodyElseCan() {
        var item = code("个体工商户设立登记");
        var applicant = accountOf("citizen");
        var number = cases.submit(Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString()));
        handling.requestCorrection(
                accountOf("official"), number, List.of(CorrectionPoint.field("address", "请补充经营场所租赁合同")), null);

        var citizen = signedIn("citizen");
        var correction = citizen.get("/citizen/cases/" + number + "/correct");
        assertThat(correction.status()).isEqualTo(200);
        assertThat(correction.body()).contains("请补充经营场所租赁合同");
        assertThat(signedIn("citizen2")
                        .get("/citizen/cases/" + number + "/correct")
                        .status())
                .isEqualTo(404);

        var form = page(item, applicant, "");
        form.put("address", "广州市天河区天河路 100 号");
        var sent = citizen.post("/citizen/cases/" + number + "/correct", form);
        assertThat(sent.location()).isEqualTo("/citizen/cases/" + number);
        var view = cases.mine(number, applicant);
        assertThat(view.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(view.formData()).containsEntry("address", "广州市天河区天河路 100 号");
        // Answered once: the correction page now leads back to the case.
        assertThat(citizen.get("/citizen/cases/" + number + "/correct").location())
                .isEqualTo("/citizen/cases/" + number);
    }

    @Test
    void theCasePageIsForTheDepartmentOnly() {
        var item = code("个体工商户设立登记");
        var applicant = accountOf("citizen");
        var number = cases.submit(Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString()));
        var upload = cases.mine(number, applicant).materials().getFirst().uploadId();

        WebClient official = signedIn("official");
        var page = official.get("/office/cases/" + number);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"act-CLAIM\"").contains("id=\"act-ACCEPT\"");
        var file = official.get("/office/cases/" + number + "/materials/" + upload);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body()).startsWith("%PDF");

        var police = signedIn("police");
        assertThat(police.get("/office/cases/" + number).status()).isEqualTo(404);
        assertThat(police.get("/office/cases/" + number + "/materials/" + upload)
                        .status())
                .isEqualTo(404);
        assertThat(signedIn("citizen").get("/office/cases/" + number).status()).isEqualTo(403);

        // A refused action returns to the case page with the reason, nothing changed.
        var refused = official.post("/office/cases/" + number + "/act", Map.of("action", "APPROVE", "opinion", "越级"));
        assertThat(refused.location()).isEqualTo("/office/cases/" + number);
        assertThat(official.get("/office/cases/" + number).body()).contains("当前环节不能执行该操作");
        assertThat(cases.mine(number, applicant).status()).isEqualTo(CaseStatus.SUBMITTED);
    }

    @Test
    void deadlineAlertsAreForDepartmentAdmins() {
        assertThat(signedIn("official").get("/office/at-risk").status()).isEqualTo(403);
        var page = signedIn("deptadmin").get("/office/at-risk");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("超期预警");
    }
}
