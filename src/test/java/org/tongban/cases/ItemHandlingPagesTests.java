package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/** A manager sets how an item is handled in the console; the next application after publishing follows it. */
class ItemHandlingPagesTests extends IntegrationTest {

    @Autowired
    CatalogManagement catalog;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    CaseManagement cases;

    private static final String FORM = """
            {"fields":[
             {"name":"applicantName","type":"TEXT","zh":"申请人","en":"Applicant","required":true,"max":50,"prefill":"name"},
             {"name":"shopArea","type":"NUMBER","zh":"经营面积（平方米）","en":"Floor area (m²)","required":true,"min":1,"max":100000}
            ]}""";

    @Test
    void aManagerBindsAJointApprovalAndAFormAndTheNextApplicationUsesThem() {
        var item = catalog.search(ItemSearch.of("网络预约出租汽车驾驶员证")).getFirst(); // used by no other test
        var manager = signedIn("manager");
        var page = manager.get("/console/catalog/" + item.code() + "/handling");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("standardApproval");

        // Refused: a form that is not JSON, a process nobody deployed. Nothing is written.
        var bad = manager.post(
                "/console/catalog/" + item.code() + "/handling",
                Map.of("processKey", "standardApproval", "form", "{not json"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"form-error\"").contains("{not json");
        var unknown = manager.post(
                "/console/catalog/" + item.code() + "/handling", Map.of("processKey", "noSuchProcess", "form", FORM));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("没有这个流程模型");
        assertThat(catalog.newest(item.code()).orElseThrow().form().fields())
                .extracting(f -> f.name())
                .doesNotContain("shopArea");

        var saved = manager.post(
                "/console/catalog/" + item.code() + "/handling",
                Map.of("processKey", "standardApproval", "form", FORM, "joint", "440100-SW"));
        assertThat(saved.location()).isEqualTo("/console/catalog/" + item.code() + "/handling");
        var draft = catalog.newest(item.code()).orElseThrow();
        assertThat(draft.status()).isEqualTo("DRAFT");
        assertThat(draft.jointDepartments()).containsExactly(item.departmentCode(), "440100-SW");
        // Until published, applicants still get the published version.
        assertThat(catalog.guide(item.code()).orElseThrow().form().fields())
                .extracting(f -> f.name())
                .doesNotContain("shopArea");

        catalog.publish(item.code(), UUID.randomUUID());
        var applicant = Applications.citizen(context);
        var number = cases.submit(Applications.valid(
                cases, catalog, item.code(), applicant, UUID.randomUUID().toString()));
        var view = cases.mine(number, applicant);
        assertThat(view.jointDepartments()).containsExactly(item.departmentCode(), "440100-SW");
        assertThat(view.formData()).containsKey("shopArea");
    }

    @Test
    void onlyManagersSetHandling() {
        var item = catalog.search(ItemSearch.of("营业执照补领")).getFirst();
        assertThat(signedIn("official")
                        .get("/console/catalog/" + item.code() + "/handling")
                        .status())
                .isEqualTo(403);
        var citizen = signedIn("citizen");
        citizen.get("/citizen");
        assertThat(citizen.post(
                                "/console/catalog/" + item.code() + "/handling",
                                Map.of("processKey", "standardApproval", "form", FORM))
                        .status())
                .isEqualTo(403);
    }
}
