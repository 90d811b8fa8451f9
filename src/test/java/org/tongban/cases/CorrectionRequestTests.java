package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.catalog.ItemView;

/**
 * A correction request (补正) names what to correct (issue 11, finding 7): the official picks materials and answers,
 * each with a reason; the applicant's page 补正材料 shows the reasons and asks only for those, keeping the rest as
 * filed; nobody else reaches it. Before, the request was a free text and the page repeated the whole form.
 */
class CorrectionRequestTests extends IntegrationTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CatalogManagement catalog;

    private ItemView item(String name) {
        return catalog.guide(catalog.search(ItemSearch.of(name)).getFirst().code())
                .orElseThrow();
    }

    private static UUID accountOf(String login) {
        var me = signedIn(login).json("GET", "/api/v1/me", null).body();
        return UUID.fromString(me.replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }

    private static int firstMaterial(ItemView item) {
        return item.materials().stream()
                .filter(m -> m.source().equals("APPLICANT") && m.necessity().equals("REQUIRED"))
                .findFirst()
                .orElseThrow()
                .seq();
    }

    private String filed(ItemView item, UUID applicant) {
        return cases.submit(Applications.valid(
                cases, catalog, item.code(), applicant, UUID.randomUUID().toString()));
    }

    @Test
    void theOfficialMustPickWhatToCorrectAndSayWhy() {
        var item = item("个体工商户设立登记");
        var number = filed(item, accountOf("citizen"));
        var office = signedIn("official");
        var page = office.get("/office/cases/" + number);
        assertThat(page.body()).contains("id=\"correction-form\"").contains("name=\"pick\"");

        var nothing = office.post("/office/cases/" + number + "/correction", Map.of("opinion", "请补正"));
        assertThat(nothing.location()).isEqualTo("/office/cases/" + number);
        assertThat(office.get(nothing.location()).body()).contains("请至少选择一项需要补正的材料或填报内容");
        assertThat(cases.mine(number, accountOf("citizen")).status()).isEqualTo(CaseStatus.SUBMITTED);

        var seq = firstMaterial(item);
        var noReason = office.post(
                "/office/cases/" + number + "/correction", Map.of("pick", "MATERIAL:" + seq, "opinion", "说明"));
        var again = office.get(noReason.location()).body();
        assertThat(again).contains("请写明需要补正的原因").contains("说明");
        assertThat(cases.mine(number, accountOf("citizen")).status()).isEqualTo(CaseStatus.SUBMITTED);

        assertThatThrownBy(() -> handling.act(accountOf("official"), number, CaseAction.REQUEST_CORRECTION, "请补正"))
                .isInstanceOfSatisfying(
                        CaseFormException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("corrections", "cases.error.correctionNothingPicked"));
        assertThatThrownBy(() -> handling.requestCorrection(
                        accountOf("official"), number, List.of(CorrectionPoint.material(999, "不存在")), null))
                .isInstanceOf(CaseFormException.class);

        var sent = office.post(
                "/office/cases/" + number + "/correction",
                Map.of("pick", "MATERIAL:" + seq, "reason.MATERIAL:" + seq, "照片模糊，请重新扫描"));
        assertThat(sent.location()).isEqualTo("/office/inbox");
        assertThat(cases.mine(number, accountOf("citizen")).status()).isEqualTo(CaseStatus.CORRECTION_REQUESTED);
        // Another department cannot ask for a correction of this case.
        assertThatThrownBy(() -> handling.requestCorrection(
                        accountOf("hrofficial"), number, List.of(CorrectionPoint.material(seq, "x")), null))
                .isInstanceOf(CaseNotFoundException.class);
    }

    @Test
    void theApplicantCorrectsOnlyWhatWasAskedAndTheRestStaysAsFiled() {
        var item = item("个体工商户设立登记");
        var applicant = accountOf("citizen");
        var number = filed(item, applicant);
        var before = cases.mine(number, applicant);
        var seq = firstMaterial(item);
        var other = item.materials().stream()
                .filter(m -> m.source().equals("APPLICANT") && m.seq() != seq)
                .findFirst();
        handling.requestCorrection(
                accountOf("official"),
                number,
                List.of(CorrectionPoint.material(seq, "照片模糊，请重新扫描"), CorrectionPoint.field("address", "请填写经营场所的详细门牌号")),
                "其余材料无误");

        var citizen = signedIn("citizen");
        var page = citizen.get("/citizen/cases/" + number + "/correct");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<title>补正材料")
                .doesNotContain("网上申请")
                .contains("照片模糊，请重新扫描")
                .contains("请填写经营场所的详细门牌号")
                .contains("id=\"file-" + seq + "\"")
                .contains("name=\"address\"")
                .doesNotContain("name=\"phone\"");
        other.ifPresent(m -> assertThat(page.body()).doesNotContain("id=\"file-" + m.seq() + "\""));
        // The reasons reach the applicant on the case and in the API.
        assertThat(citizen.get("/citizen/cases/" + number).body()).contains("照片模糊，请重新扫描");
        assertThat(citizen.json("GET", "/api/v1/cases/" + number, null).body())
                .contains("\"corrections\"")
                .contains("请填写经营场所的详细门牌号");
        // Nobody else reaches the page, or corrects the case.
        assertThat(signedIn("citizen2")
                        .get("/citizen/cases/" + number + "/correct")
                        .status())
                .isEqualTo(404);
        var stranger = signedIn("citizen2");
        stranger.get("/citizen/cases");
        assertThat(stranger.post("/citizen/cases/" + number + "/correct", Map.of("address", "别人的地址"))
                        .status())
                .isEqualTo(404);

        // The material filed again is not a correction.
        var same = citizen.post(
                "/citizen/cases/" + number + "/correct",
                Map.of("address", "广州市天河区天河路 100 号 3 楼", "material." + seq, filedMaterial(before, seq)));
        assertThat(same.status()).isEqualTo(200);
        assertThat(same.body()).contains("请上传或选择更正后的材料").contains("广州市天河区天河路 100 号 3 楼");
        assertThat(cases.mine(number, applicant).status()).isEqualTo(CaseStatus.CORRECTION_REQUESTED);

        var upload = cases.upload(applicant, "rescanned.pdf", Applications.PDF);
        var sent = citizen.post(
                "/citizen/cases/" + number + "/correct",
                Map.of("address", "广州市天河区天河路 100 号 3 楼", "material." + seq, "upload:" + upload.id()));
        assertThat(sent.location()).isEqualTo("/citizen/cases/" + number);
        var after = cases.mine(number, applicant);
        assertThat(after.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(after.formData()).containsEntry("address", "广州市天河区天河路 100 号 3 楼");
        var kept = new HashMap<>(before.formData());
        kept.remove("address");
        assertThat(after.formData()).containsAllEntriesOf(kept);
        assertThat(after.materials())
                .filteredOn(m -> m.seq() == seq)
                .singleElement()
                .satisfies(m -> assertThat(m.uploadId()).isEqualTo(upload.id()));
        other.ifPresent(m -> assertThat(after.materials())
                .filteredOn(x -> x.seq() == m.seq())
                .extracting(x -> x.uploadId())
                .isEqualTo(before.materials().stream()
                        .filter(x -> x.seq() == m.seq())
                        .map(x -> x.uploadId())
                        .toList()));
        assertThat(after.corrections()).isEmpty();
    }

    @Test
    void theApiMirrorsIt() {
        var item = item("个体工商户设立登记");
        var applicant = accountOf("citizen");
        var number = filed(item, applicant);
        var filedMaterials = cases.mine(number, applicant).materials();
        var office = signedIn("official");
        var none = office.json(
                "POST", "/api/v1/office/cases/" + number + "/actions", "{\"action\":\"REQUEST_CORRECTION\"}");
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("corrections");
        var asked = office.json(
                "POST",
                "/api/v1/office/cases/" + number + "/actions",
                "{\"action\":\"REQUEST_CORRECTION\",\"corrections\":[{\"kind\":\"FIELD\",\"target\":\"address\","
                        + "\"reason\":\"请填写详细地址\"}]}");
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("CORRECTION_REQUESTED");

        var citizen = signedIn("citizen");
        assertThat(signedIn("citizen2")
                        .json("GET", "/api/v1/cases/" + number, null)
                        .status())
                .isEqualTo(404);
        citizen.get("/citizen/cases/" + number);
        var corrected = citizen.json(
                "POST",
                "/api/v1/cases/" + number + "/correction",
                "{\"form\":{\"address\":\"广州市越秀区府前路 2 号\"},\"materials\":{}}");
        assertThat(corrected.status()).isEqualTo(200);
        var after = cases.mine(number, applicant);
        assertThat(after.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(after.formData()).containsEntry("address", "广州市越秀区府前路 2 号");
        assertThat(after.materials())
                .extracting(m -> m.uploadId())
                .containsExactlyElementsOf(
                        filedMaterials.stream().map(m -> m.uploadId()).toList());
    }

    private static String filedMaterial(org.tongban.cases.internal.CaseView kase, int seq) {
        return kase.materials().stream()
                .filter(m -> m.seq() == seq)
                .findFirst()
                .map(m -> "upload:" + m.uploadId())
                .orElseThrow();
    }
}
