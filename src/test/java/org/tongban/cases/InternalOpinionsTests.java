package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.cases.internal.CaseDocuments;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * Issue 11, finding 3, on the API and the decision PDF: the applicant's case (citizen and enterprise) carries no
 * internal step or opinion of the officials (review, return, objection, transfer, co-signing, the acceptance
 * note); the decision and its reasons are there; the officials' API still has everything.
 */
class InternalOpinionsTests extends IntegrationTest {

    private static final String[] INTERNAL = {"内部核验", "经营场所经电话核实", "请重新核实", "请协助", "加签 请会签", "同意，建议准予"};

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CaseDocuments documents;

    @Autowired
    CatalogManagement catalog;

    @Test
    void theCitizensApiAndDecisionCarryNoInternalOpinion() throws IOException {
        var applicant = account("citizen");
        var number = handledWithInternalOpinions("个体工商户设立登记", applicant);
        var api = signedIn("citizen").json("GET", "/api/v1/cases/" + number, null);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body())
                .contains("\"APPROVE\"", "符合条件，准予登记", "\"ACCEPT\"")
                .doesNotContain(INTERNAL)
                .doesNotContain("\"CO_SIGN\"", "\"ADD_CO_SIGNER\"", "\"RETURN\"", "\"TRANSFER\"");
        var pdf = text(documents.forApplicant(number, applicant));
        assertThat(pdf).contains("符合条件，准予登记");
        for (var internal : INTERNAL) assertThat(pdf).doesNotContain(internal.replace(" ", ""));

        var office = signedIn("official").json("GET", "/api/v1/office/cases/" + number, null);
        assertThat(office.body()).contains(INTERNAL).contains("\"CO_SIGN\"", "\"RETURN\"");
    }

    @Test
    void theEnterprisesCaseCarriesNoInternalOpinionAndARefusalItsReasons() {
        var applicant = account("enterprise");
        var number = handledWithInternalOpinions("企业注销登记", applicant);
        var web = signedIn("enterprise");
        assertThat(web.json("GET", "/api/v1/cases/" + number, null).body()).doesNotContain(INTERNAL);
        assertThat(web.get("/business/cases/" + number).body())
                .contains("符合条件，准予登记")
                .doesNotContain(INTERNAL);

        // What concerns the applicant keeps its words: a correction request and a refusal.
        var refused = cases.submit(Applications.valid(
                cases, catalog, item("企业注销登记"), applicant, UUID.randomUUID().toString()));
        var official = account("official");
        handling.requestCorrection(
                official,
                refused,
                List.of(CorrectionPoint.field(
                        catalog.guide(item("企业注销登记"))
                                .orElseThrow()
                                .form()
                                .fields()
                                .getFirst()
                                .name(),
                        "请补充清算报告")),
                null);
        assertThat(web.json("GET", "/api/v1/cases/" + refused, null).body()).contains("请补充清算报告");
    }

    /** Accepted, reviewed, returned, reviewed again, handed over, co-signed and approved, each with words. */
    private String handledWithInternalOpinions(String itemName, UUID applicant) {
        var official = account("official");
        var decider = account("official2");
        var number = cases.submit(Applications.valid(
                cases, catalog, item(itemName), applicant, UUID.randomUUID().toString()));
        handling.act(official, number, CaseAction.ACCEPT, "材料齐全，内部核验通过");
        handling.act(official, number, CaseAction.REVIEWED, "经营场所经电话核实，属实");
        handling.claim(decider, number);
        handling.act(decider, number, CaseAction.RETURN, "请重新核实");
        handling.act(official, number, CaseAction.REVIEWED, "经营场所经电话核实，属实");
        handling.claim(decider, number);
        handling.transfer(decider, number, account("deptadmin"), "请协助");
        handling.transfer(account("deptadmin"), number, decider, "请协助");
        handling.addCoSigner(decider, number, official, "加签 请会签");
        handling.act(official, number, CaseAction.CO_SIGN, "同意，建议准予");
        assertThat(handling.act(decider, number, CaseAction.APPROVE, "符合条件，准予登记"))
                .isEqualTo(CaseStatus.APPROVED);
        return number;
    }

    private String item(String name) {
        return catalog.search(ItemSearch.of(name)).getFirst().code();
    }

    private static String text(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }

    private static UUID account(String login) {
        return UUID.fromString(signedIn(login)
                .json("GET", "/api/v1/me", null)
                .body()
                .replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }
}
