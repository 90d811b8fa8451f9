package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.WebClient;
import org.tongban.cases.internal.CaseStepView;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.workflow.WorkflowManagement;

class CaseSubmissionTests extends IntegrationTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    WorkflowManagement workflow;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    String itemCode(String name) {
        return catalog.search(ItemSearch.of(name)).getFirst().code();
    }

    @Test
    void aSubmissionIsNumberedAndItsApprovalStartsAtTheDepartment() {
        var applicant = Applications.citizen(context);
        var item = itemCode("无犯罪记录证明");
        var number = cases.submit(Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString()));
        assertThat(number).matches(item + "-\\d{8}-\\d{4}");
        var view = cases.mine(number, applicant);
        assertThat(view.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(view.departmentCode()).isEqualTo("440100-GA");
        assertThat(view.itemVersion())
                .isEqualTo(catalog.guide(item).orElseThrow().version());
        assertThat(view.steps()).extracting(CaseStepView::step).containsExactly("SUBMITTED");
        assertThat(workflow.openTasks(number))
                .singleElement()
                .satisfies(t -> assertThat(t.step()).isEqualTo("accept"))
                .satisfies(t -> assertThat(t.department()).isEqualTo("440100-GA"));
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameCaseNotTwo() {
        var applicant = Applications.citizen(context);
        var key = UUID.randomUUID().toString();
        var item = itemCode("居住证申领");
        var first = cases.submit(Applications.valid(cases, catalog, item, applicant, key));
        var second = cases.submit(Applications.valid(cases, catalog, item, applicant, key));
        assertThat(second).isEqualTo(first);
        assertThat(cases.mine(applicant)).hasSize(1);
        assertThat(workflow.openTasks(first)).hasSize(1);
    }

    @Test
    void concurrentSubmissionsGetDistinctNumbers() throws Exception {
        var item = itemCode("生育登记");
        var numbers = Collections.synchronizedSet(new HashSet<String>());
        var applicants = new java.util.ArrayList<UUID>();
        for (int i = 0; i < 8; i++) applicants.add(Applications.citizen(context));
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = new java.util.ArrayList<Future<?>>();
            for (int i = 0; i < 40; i++) {
                var application = Applications.valid(
                        cases,
                        catalog,
                        item,
                        applicants.get(i % 8),
                        UUID.randomUUID().toString());
                futures.add(pool.submit(() -> numbers.add(cases.submit(application))));
            }
            for (var f : futures) f.get();
        }
        assertThat(numbers).hasSize(40);
    }

    @Test
    void aWithdrawnOrUnknownItemIsRefusedAndNothingIsWritten() {
        var applicant = UUID.randomUUID();
        assertThatThrownBy(() -> cases.submit(new SubmitCase("NO-SUCH-ITEM", applicant, "k1", Map.of(), Map.of())))
                .isInstanceOfSatisfying(
                        CaseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("cases.error.itemNotOffered"));
        assertThatThrownBy(() -> cases.submit(new SubmitCase(itemCode("异地就医备案"), applicant, " ", Map.of(), Map.of())))
                .isInstanceOf(CaseRefusedException.class);
        assertThat(cases.mine(applicant)).isEmpty();
    }

    @Test
    void throughTheApiACitizenAppliesAndAnotherCitizenCannotSeeTheCase() {
        var alice = signedIn("citizen");
        alice.get("/account");
        var item = itemCode("社会保障卡申领");
        var key = UUID.randomUUID().toString();
        var aliceId = UUID.fromString(
                alice.json("GET", "/api/v1/me", null).body().replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
        var guide = catalog.guide(item).orElseThrow();
        var form = new java.util.TreeMap<>(Applications.answers(cases, guide, aliceId));
        form.put("remarks", "补办");
        var body = Applications.json(item, form, Applications.materials(cases, guide, aliceId));
        var created = alice.jsonWithHeader("POST", "/api/v1/cases", body, "Idempotency-Key", key);
        assertThat(created.status()).isEqualTo(201);
        var number = created.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
        assertThat(alice.jsonWithHeader(
                                "POST", "/api/v1/cases", "{\"itemCode\":\"" + item + "\"}", "Idempotency-Key", key)
                        .body())
                .contains(number);
        assertThat(alice.json("GET", "/api/v1/cases/" + number, null).body())
                .contains("SUBMITTED")
                .contains("补办");

        var bob = signedIn("citizen2");
        assertThat(bob.json("GET", "/api/v1/cases/" + number, null).status()).isEqualTo(404);
        assertThat(bob.json("GET", "/api/v1/cases", null).body()).doesNotContain(number);

        var withoutKey = alice.json("POST", "/api/v1/cases", "{\"itemCode\":\"" + item + "\"}");
        assertThat(withoutKey.status()).isEqualTo(422);
        assertThat(new WebClient(BASE).json("GET", "/api/v1/cases", null).status())
                .isEqualTo(401);
    }

    @Test
    void anOfficialCannotFileAnApplication() {
        var official = signedIn("official");
        official.get("/account");
        var response = official.jsonWithHeader(
                "POST",
                "/api/v1/cases",
                "{\"itemCode\":\"" + itemCode("生育登记") + "\"}",
                "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(response.status()).isEqualTo(403);
    }
}
