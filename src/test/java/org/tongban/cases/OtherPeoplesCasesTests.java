package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.WebClient;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * Issue 11, finding 11: every per-case address of the pages and the API answers another person's case, a case of
 * another department, an unknown number and a malformed one with 404 (not 500, and nothing of the case).
 */
class OtherPeoplesCasesTests extends IntegrationTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CatalogManagement catalog;

    private static String decided;

    @BeforeEach
    void aDecidedCaseOfTheCitizen() {
        if (decided != null) return;
        var applicant = account("citizen");
        var item = catalog.search(ItemSearch.of("个体工商户设立登记")).getFirst().code();
        var number = cases.submit(Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString()));
        handling.act(account("official"), number, CaseAction.ACCEPT, "");
        handling.act(account("official"), number, CaseAction.REVIEWED, "");
        handling.act(account("official2"), number, CaseAction.APPROVE, "准予登记");
        decided = number;
    }

    @Test
    void anotherPersonGetsNotFoundOnEveryPageAndCallOfTheCase() {
        // The owner reaches them (so the 404s below are about the caller, not the address).
        var owner = signedIn("citizen");
        assertThat(owner.get("/citizen/cases/" + decided + "/decision.pdf").status())
                .isEqualTo(200);
        assertThat(owner.get("/ratings/cases/" + decided).status()).isEqualTo(200);
        assertThat(owner.json("GET", "/api/v1/cases/" + decided, null).status()).isEqualTo(200);

        for (var number : new String[] {decided, "440100-SCJG-001-20260101-9999", "no-such-case"}) {
            var other = signedIn("citizen2");
            var answers = new LinkedHashMap<String, Integer>();
            answers.put("page", other.get("/citizen/cases/" + number).status());
            // citizen2 has no business channel at all: 403 before any case is looked up.
            assertThat(other.get("/business/cases/" + number).status()).isEqualTo(403);
            answers.put(
                    "pdf",
                    other.get("/citizen/cases/" + number + "/decision.pdf").status());
            assertThat(other.get("/business/cases/" + number + "/decision.pdf").status())
                    .isEqualTo(403);
            answers.put(
                    "correct page",
                    other.get("/citizen/cases/" + number + "/correct").status());
            answers.put("rating page", other.get("/ratings/cases/" + number).status());
            other.get("/citizen/cases");
            answers.put("rate", other.post("/ratings/cases/" + number, rating()).status());
            answers.put(
                    "correct",
                    other.post("/citizen/cases/" + number + "/correct", Map.of())
                            .status());
            answers.put(
                    "withdraw",
                    other.post("/citizen/cases/" + number + "/withdraw", Map.of("reason", "x", "confirm", "yes"))
                            .status());
            answers.put(
                    "api", other.json("GET", "/api/v1/cases/" + number, null).status());
            answers.put(
                    "api pdf",
                    other.json("GET", "/api/v1/cases/" + number + "/decision.pdf", null)
                            .status());
            answers.put(
                    "api withdraw",
                    other.json("POST", "/api/v1/cases/" + number + "/withdraw", "{}")
                            .status());
            answers.put(
                    "api correction",
                    other.json("POST", "/api/v1/cases/" + number + "/correction", "{\"form\":{}}")
                            .status());
            answers.put(
                    "api rating",
                    other.json("GET", "/api/v1/ratings/cases/" + number, null).status());
            answers.put(
                    "api rate",
                    other.json("POST", "/api/v1/ratings/cases/" + number, json(rating()))
                            .status());
            assertThat(answers)
                    .as(number)
                    .allSatisfy((what, status) -> assertThat(status).as(what).isEqualTo(404));
        }
    }

    @Test
    void anEnterpriseUserGetsNotFoundInTheBusinessChannel() {
        var other = signedIn("enterprise");
        var answers = new LinkedHashMap<String, Integer>();
        answers.put("page", other.get("/business/cases/" + decided).status());
        answers.put(
                "pdf", other.get("/business/cases/" + decided + "/decision.pdf").status());
        answers.put(
                "correct page",
                other.get("/business/cases/" + decided + "/correct").status());
        answers.put("rating page", other.get("/ratings/cases/" + decided).status());
        other.get("/business/cases");
        answers.put("rate", other.post("/ratings/cases/" + decided, rating()).status());
        answers.put(
                "withdraw",
                other.post("/business/cases/" + decided + "/withdraw", Map.of("confirm", "yes"))
                        .status());
        assertThat(answers)
                .allSatisfy((what, status) -> assertThat(status).as(what).isEqualTo(404));
    }

    @Test
    void anOfficialOfAnotherDepartmentGetsNotFound() {
        for (var number : new String[] {decided, "no-such-case"}) {
            var tax = signedIn("taxofficial");
            var answers = new LinkedHashMap<String, Integer>();
            answers.put("page", tax.get("/office/cases/" + number).status());
            answers.put(
                    "pdf", tax.get("/office/cases/" + number + "/decision.pdf").status());
            answers.put(
                    "material",
                    tax.get("/office/cases/" + number + "/materials/" + UUID.randomUUID())
                            .status());
            tax.get("/office/inbox");
            // A form post goes back to the inbox with "not found" (RedirectOnError), telling nothing of the case.
            var act = tax.post("/office/cases/" + number + "/act", Map.of("action", "CLAIM"));
            assertThat(act.status()).isEqualTo(302);
            assertThat(act.location()).isEqualTo("/office/inbox");
            // Urging is the department admin's: refused before the case is looked up.
            assertThat(tax.post("/office/cases/" + number + "/urge", Map.of()).status())
                    .isEqualTo(403);
            answers.put(
                    "api",
                    tax.json("GET", "/api/v1/office/cases/" + number, null).status());
            answers.put(
                    "api pdf",
                    tax.json("GET", "/api/v1/office/cases/" + number + "/decision.pdf", null)
                            .status());
            answers.put(
                    "api act",
                    tax.json("POST", "/api/v1/office/cases/" + number + "/actions", "{\"action\":\"CLAIM\"}")
                            .status());
            assertThat(answers)
                    .as(number)
                    .allSatisfy((what, status) -> assertThat(status).as(what).isEqualTo(404));
        }
    }

    @Test
    void unknownRectificationsAreNotFound() {
        var official = signedIn("official");
        for (var id : new String[] {UUID.randomUUID().toString(), "12345678", "not-an-id"}) {
            assertThat(official.get("/office/rectifications/" + id).status())
                    .as(id)
                    .isIn(400, 404);
            assertThat(official.json("GET", "/api/v1/ratings/rectifications/" + id, null)
                            .status())
                    .as(id)
                    .isIn(400, 404);
        }
    }

    private static Map<String, String> rating() {
        return Map.of(
                "level", "5",
                "overall", "5",
                "efficiency", "5",
                "guideAccuracy", "5",
                "convenience", "5",
                "usability", "5");
    }

    private static String json(Map<String, String> form) {
        var sb = new StringBuilder("{");
        form.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(v));
        return sb.append('}').toString();
    }

    private static UUID account(String login) {
        WebClient web = signedIn(login);
        return UUID.fromString(
                web.json("GET", "/api/v1/me", null).body().replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }
}
