package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.cases.internal.CaseStepView;
import org.tongban.cases.internal.InboxRow;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/** Officials of the responsible department accept, review and decide; others cannot. */
class CaseHandlingTests extends IntegrationTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    org.springframework.context.ApplicationContext context;

    private String file(String itemName, UUID applicant) {
        var item = catalog.search(ItemSearch.of(itemName)).getFirst().code();
        return cases.submit(Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString()));
    }

    private static UUID accountOf(String login) {
        var me = signedIn(login).json("GET", "/api/v1/me", null).body();
        return UUID.fromString(me.replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }

    @Test
    void theDepartmentAcceptsReviewsAndApprovesAndTheApplicantSeesEveryStep() {
        var applicant = accountOf("enterprise");
        var number = file("食品经营许可变更", applicant); // 广州市市场监督管理局, where the demo official works
        var official = accountOf("official");
        assertThat(handling.inbox(official)).extracting(InboxRow::caseNumber).contains(number);
        assertThat(handling.act(official, number, CaseAction.ACCEPT, "材料齐全")).isEqualTo(CaseStatus.ACCEPTED);
        assertThatThrownBy(() -> handling.act(official, number, CaseAction.APPROVE, ""))
                .isInstanceOfSatisfying(
                        CaseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("cases.error.actionNotAllowed"));
        assertThat(handling.act(official, number, CaseAction.REVIEWED, "")).isEqualTo(CaseStatus.IN_PROCESS);
        assertThat(handling.act(accountOf("official2"), number, CaseAction.APPROVE, "准予变更"))
                .isEqualTo(CaseStatus.APPROVED);
        var view = cases.mine(number, applicant);
        assertThat(view.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(view.steps())
                .extracting(CaseStepView::step)
                .containsExactly("SUBMITTED", "ACCEPT", "REVIEWED", "APPROVE");
        // The acceptance note is the department's; the applicant sees that it was accepted, officials the note.
        assertThat(view.steps().get(1).opinion()).isNull();
        assertThat(handling.detail(official, number).kase().steps().get(1).opinion())
                .isEqualTo("材料齐全");
        assertThat(handling.inbox(official)).extracting(InboxRow::caseNumber).doesNotContain(number);
    }

    @Test
    void theOfficialWhoAcceptedAndReviewedACaseCannotDecideIt() {
        var applicant = accountOf("enterprise");
        var number = file("食品经营许可变更", applicant);
        var official = accountOf("official");
        handling.act(official, number, CaseAction.ACCEPT, "材料齐全");
        handling.act(official, number, CaseAction.REVIEWED, "符合条件");
        assertThat(handling.detail(official, number).actions())
                .doesNotContain(CaseAction.APPROVE, CaseAction.DENY, CaseAction.CLAIM, CaseAction.ADD_CO_SIGNER)
                .contains(CaseAction.RETURN, CaseAction.TRANSFER);
        for (var decision : java.util.List.of(CaseAction.APPROVE, CaseAction.DENY)) {
            assertThatThrownBy(() -> handling.act(official, number, decision, "自审自批"))
                    .isInstanceOfSatisfying(
                            DutiesSeparatedException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("cases.error.sameOfficial"));
        }
        assertThatThrownBy(() -> handling.claim(official, number)).isInstanceOf(DutiesSeparatedException.class);
        assertThat(cases.mine(number, applicant).status()).isEqualTo(CaseStatus.IN_PROCESS);

        // On the page the refusal is said in words; on the API it is a 409 problem.
        var page = signedIn("official");
        page.get("/office/cases/" + number);
        page.post("/office/cases/" + number + "/act", Map.of("action", "APPROVE", "opinion", "自审自批"));
        assertThat(page.get("/office/cases/" + number).body()).contains("须由另一名工作人员作出决定");
        var api = page.json(
                "POST", "/api/v1/office/cases/" + number + "/actions", "{\"action\":\"APPROVE\",\"opinion\":\"x\"}");
        assertThat(api.status()).isEqualTo(409);
        assertThat(cases.mine(number, applicant).status()).isEqualTo(CaseStatus.IN_PROCESS);

        // Another official of the department decides.
        assertThat(handling.act(accountOf("official2"), number, CaseAction.APPROVE, "准予变更"))
                .isEqualTo(CaseStatus.APPROVED);
    }

    @Test
    void aRefusalAtAcceptanceEndsTheCase() {
        var applicant = accountOf("enterprise");
        var number = file("特种设备使用登记", applicant);
        assertThat(handling.act(accountOf("deptadmin"), number, CaseAction.REFUSE, "不属于本部门职责"))
                .isEqualTo(CaseStatus.NOT_ACCEPTED);
        assertThatThrownBy(() -> handling.act(accountOf("official"), number, CaseAction.ACCEPT, ""))
                .isInstanceOf(CaseRefusedException.class);
    }

    @Test
    void anOfficialOfAnotherDepartmentNeitherSeesNorActs() {
        var number = file("无犯罪记录证明", Applications.citizen(context)); // 广州市公安局
        var official = accountOf("official");
        assertThat(handling.inbox(official)).extracting(InboxRow::caseNumber).doesNotContain(number);
        assertThatThrownBy(() -> handling.act(official, number, CaseAction.ACCEPT, ""))
                .isInstanceOf(CaseNotFoundException.class);
    }

    @Test
    void theInboxPageActsAndACitizenIsRefused() {
        var number = file("营业执照补领", accountOf("enterprise"));
        var official = signedIn("official");
        // Found by its number: the inbox shows the soonest deadlines first, a page at a time (finding 9).
        var page = official.get("/office/inbox?q=" + number);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(number).contains("待受理");
        assertThat(official.post("/office/cases/" + number + "/act", Map.of("action", "ACCEPT", "opinion", ""))
                        .location())
                .isEqualTo("/office/inbox");
        assertThat(official.get("/office/inbox?q=" + number).body()).contains("待审查");

        var citizen = signedIn("citizen");
        assertThat(citizen.get("/office/inbox").status()).isEqualTo(403);
        citizen.get("/citizen");
        assertThat(citizen.post("/office/cases/" + number + "/act", Map.of("action", "REVIEWED"))
                        .status())
                .isEqualTo(403);
    }
}
