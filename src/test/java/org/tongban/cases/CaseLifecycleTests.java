package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.cases.internal.CaseDocuments;
import org.tongban.cases.internal.CaseStepView;
import org.tongban.cases.internal.DeadlineState;
import org.tongban.cases.internal.InboxRow;
import org.tongban.cases.internal.PauseKind;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.notifications.NotificationManagement;
import org.tongban.workflow.WorkflowManagement;

/** The whole life of a case through the real engine: correction, withdrawal, pauses, joint approval, co-signing. */
class CaseLifecycleTests extends IntegrationTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CaseDocuments documents;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    WorkflowManagement workflow;

    @Autowired
    NotificationManagement notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    private static final Map<String, UUID> ACCOUNTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static UUID accountOf(String login) {
        return ACCOUNTS.computeIfAbsent(
                login,
                l -> UUID.fromString(signedIn(l)
                        .json("GET", "/api/v1/me", null)
                        .body()
                        .replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1")));
    }

    private String item(String name) {
        return catalog.search(ItemSearch.of(name)).getFirst().code();
    }

    private String file(String itemName, UUID applicant) {
        return cases.submit(Applications.valid(
                cases, catalog, item(itemName), applicant, UUID.randomUUID().toString()));
    }

    @Test
    void aFileNamedPdfThatIsNotAPdfIsRefusedAndRealFilesAreSniffed() {
        var owner = UUID.randomUUID();
        assertThatThrownBy(() ->
                        cases.upload(owner, "license.pdf", "MZ\u0090 not a pdf".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOfSatisfying(
                        CaseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("cases.error.fileType"));
        assertThatThrownBy(() -> cases.upload(owner, "photo.png", Applications.PDF))
                .isInstanceOfSatisfying(
                        CaseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("cases.error.fileExtension"));
        assertThatThrownBy(() -> cases.upload(owner, "empty.pdf", new byte[0]))
                .isInstanceOf(CaseRefusedException.class);
        assertThatThrownBy(() -> cases.upload(owner, "big.pdf", new byte[CaseManagement.MAX_UPLOAD_BYTES + 1]))
                .isInstanceOf(CaseRefusedException.class);
        var png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0};
        assertThat(cases.upload(owner, "photo.png", png).contentType()).isEqualTo("image/png");
        assertThat(cases.upload(owner, "scan", Applications.PDF).contentType()).isEqualTo("application/pdf");
        assertThat(cases.upload(UUID.randomUUID(), "x.pdf", Applications.PDF).id())
                .satisfies(id -> assertThat(cases.uploadContent(id, owner)).isEmpty());
    }

    @Test
    void invalidAnswersAndMissingMaterialsAreRefusedFieldByFieldAndNothingIsWritten() {
        var applicant = Applications.citizen(context);
        var code = item("无犯罪记录证明");
        var valid = Applications.valid(
                cases, catalog, code, applicant, UUID.randomUUID().toString());
        var form = new HashMap<>(valid.formData());
        form.put("idNumber", "440106199003071230");
        form.put("purpose", "OTHER");
        form.remove("declaration");
        var before = jdbc.sql("select count(*) from cases.case_file")
                .query(Long.class)
                .single();
        assertThatThrownBy(
                        () -> cases.submit(new SubmitCase(code, applicant, "k-" + UUID.randomUUID(), form, Map.of())))
                .isInstanceOfSatisfying(
                        CaseFormException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("idNumber", "catalog.form.error.idNumber")
                                .containsEntry("purposeDetail", "catalog.form.error.required")
                                .containsEntry("declaration", "catalog.form.error.declaration")
                                .containsKey("material.1"));
        assertThat(jdbc.sql("select count(*) from cases.case_file")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void anUploadOfAnotherPersonCannotBeUsed() {
        var applicant = Applications.citizen(context);
        var code = item("无犯罪记录证明");
        var valid = Applications.valid(cases, catalog, code, applicant, "k");
        var theirs = Applications.valid(cases, catalog, code, Applications.citizen(context), "k");
        assertThatThrownBy(() -> cases.submit(new SubmitCase(
                        code, applicant, "k-" + UUID.randomUUID(), valid.formData(), theirs.materials())))
                .isInstanceOfSatisfying(
                        CaseFormException.class,
                        e -> assertThat(e.fieldErrors()).containsValue("cases.error.uploadUnknown"));
    }

    @Test
    void theApplicantWithdrawsBeforeAcceptanceButNotAfter() {
        var applicant = accountOf("enterprise");
        var number = file("营业执照补领", applicant);
        cases.withdraw(number, applicant, "填错了");
        assertThat(cases.mine(number, applicant).status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(workflow.openTasks(number)).isEmpty();
        assertThatThrownBy(() -> cases.withdraw(number, UUID.randomUUID(), ""))
                .isInstanceOf(CaseNotFoundException.class);

        var accepted = file("营业执照补领", applicant);
        handling.act(accountOf("official"), accepted, CaseAction.ACCEPT, "");
        assertThatThrownBy(() -> cases.withdraw(accepted, applicant, ""))
                .isInstanceOfSatisfying(
                        CaseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("cases.error.notWithdrawable"));
    }

    @Test
    void correctionLoopThenAcceptedReviewedApprovedWithAResultDocumentAndMessages() {
        var applicant = accountOf("enterprise");
        var number = file("食品经营许可变更", applicant);
        var official = accountOf("official");
        assertThatThrownBy(() -> handling.requestCorrection(official, number, List.of(), " "))
                .isInstanceOfSatisfying(
                        CaseFormException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("corrections", "cases.error.correctionNothingPicked"));
        assertThat(handling.requestCorrection(
                        official, number, List.of(CorrectionPoint.field("remarks", "请补充食品经营许可证正本扫描件")), null))
                .isEqualTo(CaseStatus.CORRECTION_REQUESTED);
        var view = cases.mine(number, applicant);
        assertThat(view.correctionNote()).contains("正本");
        assertThat(handling.inbox(official)).extracting(InboxRow::caseNumber).doesNotContain(number);

        var item = catalog.guide(item("食品经营许可变更")).orElseThrow();
        var form = new HashMap<>(Applications.answers(cases, item, applicant));
        form.put("remarks", "已补正");
        assertThatThrownBy(() -> cases.correct(number, accountOf("citizen2"), form, Map.of()))
                .isInstanceOf(CaseNotFoundException.class);
        cases.correct(number, applicant, form, Applications.materials(cases, item, applicant));
        assertThat(cases.mine(number, applicant).status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(cases.mine(number, applicant).formData()).containsEntry("remarks", "已补正");

        assertThat(handling.act(official, number, CaseAction.ACCEPT, "材料齐全")).isEqualTo(CaseStatus.ACCEPTED);
        var accepted = cases.mine(number, applicant);
        assertThat(accepted.dueDate()).isNotNull();
        assertThat(accepted.deadline()).isIn(DeadlineState.ON_TRACK, DeadlineState.AT_RISK);
        assertThat(handling.act(official, number, CaseAction.REVIEWED, "")).isEqualTo(CaseStatus.IN_PROCESS);
        assertThat(handling.act(official, number, CaseAction.RETURN, "请重新审查经营场所"))
                .isEqualTo(CaseStatus.IN_PROCESS);
        assertThat(workflow.openTasks(number))
                .singleElement()
                .satisfies(t -> assertThat(t.step()).isEqualTo("review"));
        handling.act(official, number, CaseAction.REVIEWED, "");
        assertThat(handling.act(accountOf("official2"), number, CaseAction.APPROVE, "准予变更"))
                .isEqualTo(CaseStatus.APPROVED);

        var done = cases.mine(number, applicant);
        assertThat(done.outcome()).isEqualTo("APPROVED");
        assertThat(done.deadline()).isEqualTo(DeadlineState.ON_TIME);
        assertThat(done.steps())
                .extracting(CaseStepView::step)
                .containsExactly(
                        "SUBMITTED", "REQUEST_CORRECTION", "CORRECTED", "ACCEPT", "REVIEWED", "REVIEWED", "APPROVE");
        // The return (退回) is between officials: their timeline has it, the applicant's does not.
        assertThat(handling.detail(official, number).kase().steps())
                .extracting(CaseStepView::step)
                .contains("RETURN");
        assertThat(documents.forApplicant(number, applicant)).startsWith("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> documents.forApplicant(number, accountOf("citizen2")))
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(notifications.messagesFor(applicant, 50))
                .extracting(m -> m.templateKey())
                .contains(
                        "cases.notice.status.SUBMITTED",
                        "cases.notice.status.CORRECTION_REQUESTED",
                        "cases.notice.status.ACCEPTED",
                        "cases.notice.status.APPROVED");
    }

    @Test
    void aSpecialProcedurePausesTheClockAndMovesTheDueDate() {
        var applicant = accountOf("enterprise");
        var number = file("特种设备使用登记", applicant);
        var official = accountOf("official");
        handling.act(official, number, CaseAction.ACCEPT, "");
        var due = cases.mine(number, applicant).dueDate();
        assertThatThrownBy(() -> handling.startSpecial(official, number, "PARTY", "x"))
                .isInstanceOf(CaseRefusedException.class);
        handling.startSpecial(official, number, "INSPECTION", "现场检验检测");
        var paused = cases.mine(number, applicant);
        assertThat(paused.status()).isEqualTo(CaseStatus.SPECIAL_PROCEDURE);
        assertThat(paused.deadline()).isEqualTo(DeadlineState.PAUSED);
        assertThatThrownBy(() -> handling.act(official, number, CaseAction.REVIEWED, ""))
                .isInstanceOfSatisfying(
                        CaseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("cases.error.paused"));
        // The inspection began three days ago.
        jdbc.sql("update cases.case_pause set started_at = started_at - interval '3 days' where number = :n")
                .param("n", number)
                .update();
        handling.endSpecial(official, number, "检验合格");
        var resumed = cases.mine(number, applicant);
        assertThat(resumed.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(resumed.pauses()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PauseKind.INSPECTION);
            assertThat(p.result()).isEqualTo("检验合格");
        });
        int days = resumed.pauses().getFirst().pausedDays();
        assertThat(resumed.dueDate()).isAfterOrEqualTo(due);
        assertThat(days > 0 ? resumed.dueDate().isAfter(due) : resumed.dueDate().equals(due))
                .isTrue();
        assertThat(handling.act(official, number, CaseAction.REVIEWED, "")).isEqualTo(CaseStatus.IN_PROCESS);
    }

    @Test
    void jointApprovalWaitsForEveryDepartmentBeforeTheLeadDecides() {
        var applicant = accountOf("enterprise");
        var number = file("食品经营许可", applicant);
        var lead = accountOf("official");
        var health = accountOf("healthofficial");
        var tax = accountOf("taxofficial");
        assertThatThrownBy(() -> handling.detail(tax, number)).isInstanceOf(CaseNotFoundException.class);
        assertThat(handling.detail(health, number).myStep()).isNull();
        handling.act(lead, number, CaseAction.ACCEPT, "");
        assertThat(workflow.openTasks(number))
                .extracting(t -> t.step() + "@" + t.department())
                .containsExactlyInAnyOrder("jointReview@440100-SCJG", "jointReview@440100-WJ");
        assertThat(handling.inbox(health)).extracting(InboxRow::caseNumber).contains(number);
        assertThatThrownBy(() -> handling.act(tax, number, CaseAction.REVIEWED, ""))
                .isInstanceOf(CaseNotFoundException.class);
        handling.act(health, number, CaseAction.OBJECT, "需补充从业人员健康证明");
        assertThat(workflow.openTasks(number)).extracting(t -> t.step()).containsExactly("jointReview");
        // The engine at times reports the parallel review's root as changed by another transaction; the action is
        // then tried again by CaseHandling itself, so the official does not see it.
        handling.act(lead, number, CaseAction.REVIEWED, "同意");
        assertThat(workflow.openTasks(number))
                .singleElement()
                .satisfies(t -> assertThat(t.step()).isEqualTo("decide"));
        assertThatThrownBy(() -> handling.act(health, number, CaseAction.APPROVE, ""))
                .isInstanceOf(CaseRefusedException.class);
        assertThat(handling.act(accountOf("official2"), number, CaseAction.DENY, "卫生健康部门审查不同意"))
                .isEqualTo(CaseStatus.DENIED);
        assertThat(handling.detail(lead, number).kase().steps())
                .extracting(CaseStepView::department)
                .contains("440100-WJ", "440100-SCJG");
        // The objection is the health department's internal opinion; the applicant reads the decision's reasons.
        assertThat(cases.mine(number, applicant).steps())
                .extracting(CaseStepView::step)
                .doesNotContain("OBJECT")
                .contains("DENY");
    }

    @Test
    void threeDepartmentsReviewingAtTheSameMomentAllSucceed() throws Exception {
        var applicant = accountOf("enterprise");
        var number = file("企业设立登记", applicant); // 市场监管 leads; 税务 and 人社 review beside it
        handling.act(accountOf("official"), number, CaseAction.ACCEPT, "");
        var reviewers = java.util.List.of(accountOf("official"), accountOf("taxofficial"), accountOf("hrofficial"));
        var start = new java.util.concurrent.CountDownLatch(1);
        var results = new java.util.ArrayList<java.util.concurrent.Future<CaseStatus>>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(reviewers.size())) {
            for (var reviewer : reviewers) {
                results.add(pool.submit(() -> {
                    start.await();
                    return handling.act(reviewer, number, CaseAction.REVIEWED, "同意");
                }));
            }
            start.countDown();
            for (var result : results) assertThat(result.get()).isEqualTo(CaseStatus.IN_PROCESS);
        }
        assertThat(workflow.openTasks(number))
                .singleElement()
                .satisfies(t -> assertThat(t.step()).isEqualTo("decide"));
        assertThat(cases.mine(number, applicant).steps())
                .filteredOn(st -> st.step().equals("REVIEWED"))
                .extracting(CaseStepView::department)
                .containsExactlyInAnyOrder("440100-SCJG", "440100-SW", "440100-RS");
    }

    @Test
    void transferAndCoSigningAndTwoOfficialsClaimingOneTask() {
        var applicant = accountOf("enterprise");
        var number = file("企业注销登记", applicant);
        var first = accountOf("official");
        var second = accountOf("official2");
        handling.claim(first, number);
        assertThatThrownBy(() -> handling.claim(second, number))
                .isInstanceOfSatisfying(
                        CaseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("cases.error.claimedByOther"));
        assertThatThrownBy(() -> handling.act(second, number, CaseAction.ACCEPT, ""))
                .isInstanceOf(org.tongban.workflow.TaskAlreadyClaimedException.class);
        assertThatThrownBy(() -> handling.transfer(first, number, accountOf("taxofficial"), ""))
                .isInstanceOfSatisfying(
                        CaseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("cases.error.notColleague"));
        handling.transfer(first, number, second, "请协助受理");
        handling.act(second, number, CaseAction.ACCEPT, "");
        handling.act(second, number, CaseAction.REVIEWED, "");
        // The second accepted and reviewed, so the first decides, asking the second's opinion (加签) first.
        handling.addCoSigner(first, number, second, "请会签");
        assertThatThrownBy(() -> handling.act(first, number, CaseAction.APPROVE, "准予"))
                .isInstanceOfSatisfying(
                        CaseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("cases.error.coSignPending"));
        assertThat(handling.detail(second, number).myStep()).isEqualTo("cosign");
        handling.act(second, number, CaseAction.CO_SIGN, "同意注销");
        assertThat(handling.act(first, number, CaseAction.APPROVE, "准予注销")).isEqualTo(CaseStatus.APPROVED);
        assertThat(handling.detail(first, number).kase().steps())
                .extracting(CaseStepView::step)
                .contains("TRANSFER", "ADD_CO_SIGNER", "CO_SIGN");
        // The applicant sees the decision, not the hand-overs or the co-signer's opinion.
        assertThat(cases.mine(number, applicant).steps())
                .extracting(CaseStepView::step)
                .doesNotContain("TRANSFER", "ADD_CO_SIGNER", "CO_SIGN")
                .contains("APPROVE");
        assertThat(notifications.messagesFor(second, 20))
                .extracting(m -> m.templateKey())
                .contains("cases.notice.transferred");
    }

    @Test
    void engineTimersWarnTheDepartmentAtEightyPercentAndTheAdminSeesTheCaseAtRisk() {
        var applicant = accountOf("enterprise");
        var number = file("企业名称自主申报", applicant);
        var official = accountOf("official");
        handling.act(official, number, CaseAction.ACCEPT, "");
        handling.claim(official, number);
        // The limit's warning date has come.
        jdbc.sql(
                        "update cases.case_file set warn_date = current_date - 1, due_date = current_date + 1 where number = :n")
                .param("n", number)
                .update();
        assertThat(workflow.runTimersNow(number)).isGreaterThan(0);
        assertThat(handling.detail(official, number).kase().steps())
                .extracting(CaseStepView::step)
                .contains("WARNING");
        assertThat(cases.mine(number, applicant).steps())
                .extracting(CaseStepView::step)
                .doesNotContain("WARNING");
        assertThat(notifications.messagesFor(official, 20))
                .extracting(m -> m.templateKey())
                .contains("cases.notice.warning");
        assertThat(handling.atRisk(accountOf("deptadmin")))
                .extracting(InboxRow::caseNumber)
                .contains(number);
        handling.urge(accountOf("deptadmin"), number, "请尽快办理");
        assertThatThrownBy(() -> handling.urge(accountOf("deptadmin"), "NO-SUCH", ""))
                .isInstanceOf(CaseNotFoundException.class);
        assertThat(notifications.messagesFor(official, 20))
                .extracting(m -> m.templateKey())
                .contains("cases.notice.urged");
    }

    @Test
    void theApplicantFollowsTheCaseOnTheChannelPageAndAnotherCitizenCannot() {
        var applicant = accountOf("citizen");
        var number = file("无犯罪记录证明", applicant);
        var page = signedIn("citizen");
        assertThat(page.get("/citizen/cases").body()).contains(number);
        var detail = page.get("/citizen/cases/" + number);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains("已提交").contains("提交申请").contains("撤回申请");
        assertThat(signedIn("citizen2").get("/citizen/cases/" + number).status())
                .isEqualTo(404);
        assertThat(page.post("/citizen/cases/" + number + "/withdraw", Map.of("reason", "不需要了", "confirm", "yes"))
                        .status())
                .isEqualTo(302);
        assertThat(page.get("/citizen/cases/" + number).body()).contains("已撤回").doesNotContain("撤回申请</button>");
    }
}
