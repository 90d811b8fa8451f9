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

    @Test
    void aManagerBindsAJointApprovalAndAFormAndTheNextApplicationUsesThem() {
        // An item no other test files or edits: its published version changes here (joint review by the tax office),
        // which would stop a test that expects the item's own department to end a case of it.
        var item = catalog.search(ItemSearch.of("住房公积金异地转移接续")).stream()
                .filter(i -> i.nameZh().equals("住房公积金异地转移接续"))
                .findFirst()
                .orElseThrow();
        var manager = signedIn("manager");
        var page = manager.get("/console/catalog/" + item.code() + "/handling");
        assertThat(page.status()).isEqualTo(200);
        // The built-in models by their Chinese names, not their keys; the form has its own builder.
        assertThat(page.body())
                .contains("value=\"standardApproval\"")
                .contains("标准审批（受理、审查、决定）")
                .doesNotContain("(standardApproval v")
                .doesNotContain("<textarea")
                .contains("/console/catalog/" + item.code() + "/form");

        // Refused: a process nobody deployed. Nothing is written.
        var unknown =
                manager.post("/console/catalog/" + item.code() + "/handling", Map.of("processKey", "noSuchProcess"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("没有这个流程模型");
        assertThat(catalog.newest(item.code()).orElseThrow().status()).isEqualTo("PUBLISHED");

        var saved = manager.post(
                "/console/catalog/" + item.code() + "/handling",
                Map.of("processKey", "standardApproval", "joint", "440100-SW"));
        assertThat(saved.location()).isEqualTo("/console/catalog/" + item.code() + "/handling");
        manager.get("/console/catalog/" + item.code() + "/form/new");
        var key = "shopArea" + (System.currentTimeMillis() % 1_000_000); // a key of its own on every run
        var question = manager.post(
                "/console/catalog/" + item.code() + "/form/new",
                Map.of(
                        "name", key,
                        "zh", "经营面积（平方米）",
                        "en", "Floor area (m²)",
                        "type", "NUMBER",
                        "required", "true",
                        "min", "1",
                        "max", "100000"));
        assertThat(question.location()).isEqualTo("/console/catalog/" + item.code() + "/form");
        var draft = catalog.newest(item.code()).orElseThrow();
        assertThat(draft.status()).isEqualTo("DRAFT");
        assertThat(draft.jointDepartments()).containsExactly(item.departmentCode(), "440100-SW");
        // Saving the process again keeps the form the builder made.
        manager.get("/console/catalog/" + item.code() + "/handling");
        manager.post(
                "/console/catalog/" + item.code() + "/handling",
                Map.of("processKey", "standardApproval", "joint", "440100-SW"));
        assertThat(catalog.newest(item.code()).orElseThrow().form().fields())
                .extracting(f -> f.name())
                .contains(key);
        // Until published, applicants still get the published version.
        assertThat(catalog.guide(item.code()).orElseThrow().form().fields())
                .extracting(f -> f.name())
                .doesNotContain(key);

        catalog.publish(item.code(), UUID.randomUUID());
        var applicant = Applications.citizen(context);
        var number = cases.submit(Applications.valid(
                cases, catalog, item.code(), applicant, UUID.randomUUID().toString()));
        var view = cases.mine(number, applicant);
        assertThat(view.jointDepartments()).containsExactly(item.departmentCode(), "440100-SW");
        assertThat(view.formData()).containsKey(key);
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
                                Map.of("processKey", "standardApproval"))
                        .status())
                .isEqualTo(403);
    }
}
