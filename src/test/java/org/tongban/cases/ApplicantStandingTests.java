package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.WebClient;
import org.tongban.audit.AuditManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemChange;
import org.tongban.catalog.ItemSearch;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.licenses.internal.LicenseIssuance;
import org.tongban.notifications.DevelopmentOutbox;
import org.tongban.shared.CreditCode;

/**
 * Findings #5 (c) and #7: an application is filed by someone entitled to it. The item's minimum trust level is
 * enforced, the channel must be the item's and the applicant's, the credit code must be an enterprise the applicant
 * represents, the applicant's own ID number must be the applicant's, and a license goes only to a represented
 * enterprise.
 */
class ApplicantStandingTests extends IntegrationTest {

    /** The demo enterprise 广州通办示范科技有限公司, represented by 王五 ("enterprise"). */
    static final String DEMO_ENTERPRISE = "91440106MA5D00010" + CreditCode.checkChar("91440106MA5D00010");
    /** 深圳粤商示范贸易有限公司: in the market-entity register, represented by nobody on the platform. */
    static final String OTHER_ENTERPRISE = "91440300MA5D00020" + CreditCode.checkChar("91440300MA5D00020");

    @Autowired
    CaseManagement cases;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    Registration registration;

    @Autowired
    DevelopmentOutbox outbox;

    @Autowired
    LicenseIssuance issuance;

    @Autowired
    AuditManagement audit;

    @Autowired
    CaseHandling handling;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String code(String name) {
        return catalog.search(ItemSearch.of(name)).getFirst().code();
    }

    private static UUID accountOf(String login) {
        var me = signedIn(login).json("GET", "/api/v1/me", null).body();
        return UUID.fromString(me.replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }

    private static UUID idOf(WebClient web) {
        return UUID.fromString(
                web.json("GET", "/api/v1/me", null).body().replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }

    private String body(String item, UUID applicant, Map<String, String> changes, String channel) {
        var guide = catalog.guide(item).orElseThrow();
        var form = new HashMap<>(Applications.answers(cases, guide, applicant));
        form.putAll(changes);
        var json = Applications.json(item, form, Applications.materials(cases, guide, applicant));
        return channel == null ? json : json.substring(0, json.length() - 1) + ",\"channel\":\"" + channel + "\"}";
    }

    private WebClient.Page post(WebClient web, String json, String enterprise) {
        web.get("/account");
        return web.jsonWithHeaders(
                "POST",
                "/api/v1/cases",
                json,
                "Idempotency-Key",
                UUID.randomUUID().toString(),
                "X-Enterprise",
                enterprise);
    }

    private WebClient.Page post(WebClient web, String json) {
        web.get("/account"); // a page first, for its CSRF token, as a browser would
        return web.jsonWithHeader(
                "POST",
                "/api/v1/cases",
                json,
                "Idempotency-Key",
                UUID.randomUUID().toString());
    }

    // Finding #5 (c): the item's minimum trust level

    @Test
    void anItemAboveTheApplicantsTrustLevelIsRefusedByTheApiWithTheLevelNeeded() {
        var item = code("独生子女父母奖励");
        var idNumber = TestPeople.idNumber();
        TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "二级人", TestPeople.phone(), TestPeople.PASSWORD));
        var levelTwo = new WebClient(BASE);
        levelTwo.signIn(idNumber, TestPeople.PASSWORD);
        var levelTwoId = idOf(levelTwo);
        withMinTrustLevel(item, 3, () -> {
            var refused = post(levelTwo, body(item, levelTwoId, Map.of(), null));
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.body())
                    .contains("\"requiredTrustLevel\":3")
                    .contains("\"trustLevel\":2")
                    .contains("实名 3 级")
                    .contains("/account");
            assertThat(cases.mine(levelTwoId)).isEmpty();
            // 张三 is at level 3.
            var citizen = signedIn("citizen");
            assertThat(post(citizen, body(item, idOf(citizen), Map.of(), null)).status())
                    .isEqualTo(201);
        });
    }

    @Test
    void theApplicationPageSaysWhichLevelTheItemNeedsAndWhereToRaiseIt() {
        var item = code("独生子女父母奖励");
        var idNumber = TestPeople.idNumber();
        var applicant = TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "二级人", TestPeople.phone(), TestPeople.PASSWORD));
        var web = new WebClient(BASE);
        web.signIn(idNumber, TestPeople.PASSWORD);
        withMinTrustLevel(item, 3, () -> {
            var start = web.get("/citizen/apply/" + item);
            assertThat(start.status()).isEqualTo(200);
            assertThat(start.body())
                    .contains("id=\"trust-needed\"")
                    .contains("该事项需要实名 3 级")
                    .contains("href=\"/account\"");
            var submit = Applications.valid(
                    cases, catalog, item, applicant, UUID.randomUUID().toString());
            var form = new HashMap<>(submit.formData());
            submit.materials().forEach((seq, value) -> form.put("material." + seq, value));
            form.put("_key", submit.idempotencyKey());
            var refused = web.post("/citizen/apply/" + item + "/submit", form);
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.body())
                    .contains("id=\"form-error\"")
                    .contains("实名等级不足")
                    .contains("id=\"trust-needed\"")
                    .contains(submit.formData().get("applicantName"));
            assertThat(cases.mine(applicant)).isEmpty();
        });
        assertThat(signedIn("citizen").get("/citizen/apply/" + item).body()).doesNotContain("id=\"trust-needed\"");
    }

    // Finding #7: the enterprise and the channel

    @Test
    void aCreditCodeTheApplicantDoesNotRepresentIsRefused() {
        var item = code("职工参保登记");
        var enterprise = signedIn("enterprise");
        // 王五 acts for two enterprises: the API names the one filed as (ADR 0030).
        var refused = post(
                enterprise,
                body(item, idOf(enterprise), Map.of("creditCode", OTHER_ENTERPRISE), null),
                DEMO_ENTERPRISE);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("\"creditCode\"").contains("不是该统一社会信用代码所属企业");
        assertThat(post(
                                enterprise,
                                body(item, idOf(enterprise), Map.of("creditCode", DEMO_ENTERPRISE), null),
                                DEMO_ENTERPRISE)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aCitizenCannotFileForAnEnterpriseByTypingItsCreditCode() {
        var item = code("职工参保登记");
        var citizen = signedIn("citizen2");
        var refused = post(
                citizen,
                body(
                        item,
                        idOf(citizen),
                        Map.of("creditCode", DEMO_ENTERPRISE, "enterpriseName", "广州通办示范科技有限公司"),
                        null));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("不能在此渠道办理");
        assertThat(cases.mine(idOf(citizen))).noneMatch(c -> c.itemCode().equals(item));
    }

    @Test
    void aPersonItemCannotBeFiledInTheBusinessChannelNorAnEnterpriseItemInTheCitizenChannel() {
        var enterprise = signedIn("enterprise");
        var id = idOf(enterprise);
        var personItem = code("无犯罪记录证明");
        var asBusiness = post(enterprise, body(personItem, id, Map.of(), "ENTERPRISE"));
        assertThat(asBusiness.status()).isEqualTo(422);
        assertThat(asBusiness.body()).contains("仅限个人办理");
        var enterpriseItem = code("职工参保登记");
        assertThat(post(enterprise, body(enterpriseItem, id, Map.of(), "PERSON"))
                        .status())
                .isEqualTo(422);
        // On the pages, the other channel's item is refused in words (and audited), not shown.
        var page = enterprise.get("/business/apply/" + personItem);
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("仅限个人办理");
        var citizenPage = signedIn("citizen").get("/citizen/apply/" + enterpriseItem);
        assertThat(citizenPage.status()).isEqualTo(422);
        assertThat(citizenPage.body()).contains("仅限企业办理");
    }

    @Test
    void theBusinessPagePrefillsTheRepresentedEnterpriseAndRefusesAnother() {
        var item = code("职工参保登记");
        var web = signedIn("enterprise");
        var applicant = idOf(web);
        var start = web.get("/business/apply/" + item);
        assertThat(start.body()).contains("value=\"" + DEMO_ENTERPRISE + "\"").contains("广州通办示范科技有限公司");
        var submit = Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString());
        var form = new HashMap<>(submit.formData());
        submit.materials().forEach((seq, value) -> form.put("material." + seq, value));
        form.put("creditCode", OTHER_ENTERPRISE);
        form.put("_action", "check");
        var refused = web.post("/business/apply/" + item, form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body())
                .contains("id=\"creditCode-error\"")
                .contains("value=\"" + OTHER_ENTERPRISE + "\"")
                .doesNotContain("id=\"submit-application\"");
    }

    @Test
    void theApplicantsOwnIdNumberCannotBeSomeoneElses() {
        var item = code("无犯罪记录证明");
        var citizen = signedIn("citizen2");
        var someoneElse = "44010619900307123" + org.tongban.shared.IdNumber.checkChar("44010619900307123"); // 张三
        var refused = post(citizen, body(item, idOf(citizen), Map.of("idNumber", someoneElse), null));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("\"idNumber\"").contains("本人的公民身份号码");
    }

    @Test
    void aCorrectionCannotSwapInAnotherEnterprise() {
        var applicant = accountOf("enterprise");
        var item = catalog.guide(code("职工参保登记")).orElseThrow();
        var number = cases.submit(Applications.valid(
                cases, catalog, item.code(), applicant, UUID.randomUUID().toString()));
        var official = accountOf("hrofficial");
        handling.requestCorrection(official, number, List.of(CorrectionPoint.field("creditCode", "请补充职工名册")), null);
        var form = new HashMap<>(Applications.answers(cases, item, applicant));
        form.put("creditCode", OTHER_ENTERPRISE);
        assertThatThrownBy(() -> cases.correct(number, applicant, form, Applications.materials(cases, item, applicant)))
                .isInstanceOfSatisfying(
                        CaseFormException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("creditCode", "cases.error.notRepresented"));
    }

    @Test
    void anApprovedCaseIssuesNoLicenseToAnEnterpriseTheApplicantDoesNotRepresent() {
        // A real case, marked concluded and, as a person's own case (or one filed before cases were filed as the
        // enterprise) is, naming no enterprise: the code in its form is no ground to issue a licence to that code.
        var item = catalog.guide(code("营业执照补领")).orElseThrow();
        var number = cases.submit(Applications.valid(
                cases,
                catalog,
                item.code(),
                accountOf("enterprise"),
                UUID.randomUUID().toString()));
        jdbc.sql("""
                update cases.case_file set concluded_at = now(), enterprise_code = null, enterprise_name = null
                 where number = :n""").param("n", number).update();
        var event = new CaseConcluded(
                number,
                item.code(),
                1,
                "营业执照补领",
                "Replacement",
                "440100-SCJG",
                "广州市市场监督管理局",
                "Guangzhou AMR",
                accountOf("citizen2"),
                "APPROVED",
                "CERTIFICATE",
                null,
                accountOf("official").toString(),
                Instant.now(),
                Instant.now());
        assertThat(issuance.issueForCase(event)).isEmpty();
        assertThat(audit.recent(50, "LICENCE_CASE_NOT_ISSUED", null))
                .anySatisfy(e ->
                        assertThat(e.subject() + e.details()).contains(number).contains("NOT_FILED_AS_ENTERPRISE"));
    }

    /** The item at this minimum trust level for the duration of the check (published by the manager), then as it was. */
    private void withMinTrustLevel(String code, int level, Runnable check) {
        int was = catalog.guide(code).orElseThrow().minTrustLevel();
        if (was == level) {
            check.run();
            return;
        }
        var manager = accountOf("manager");
        publish(code, level, manager);
        try {
            check.run();
        } finally {
            publish(code, was, manager);
        }
    }

    private void publish(String code, int level, UUID manager) {
        var v = catalog.guide(code).orElseThrow();
        catalog.saveDraft(
                code,
                new ItemChange(
                        v.nameZh(),
                        v.nameEn(),
                        v.itemType(),
                        v.itemLevel(),
                        v.legalBasis(),
                        v.conditions(),
                        v.statutoryLimit(),
                        v.promisedLimit(),
                        v.limitUnit(),
                        v.visits(),
                        v.onlineDepth(),
                        v.fee(),
                        v.resultType(),
                        v.faq(),
                        v.channels(),
                        v.themes(),
                        level),
                manager);
        catalog.publish(code, manager);
    }
}
