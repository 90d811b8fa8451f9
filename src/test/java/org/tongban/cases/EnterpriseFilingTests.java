package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.WebClient;
import org.tongban.audit.AuditManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.licenses.internal.LicenseIssuance;
import org.tongban.shared.CreditCode;

/**
 * Issue 12, part 1: cases are filed as the enterprise (the applicant party), the acting person recorded; the item's
 * channel is enforced both ways; each channel lists its own cases; an enterprise not held is not found; an
 * enterprise licence goes to the filing enterprise only, and the business wallet shows the current enterprise's.
 */
class EnterpriseFilingTests extends IntegrationTest {

    static final String TECH = code("91440106MA5D00010");
    static final String FOOD = code("91440104MA5D00030");
    static final String OTHERS = code("91440300MA5D00020");
    static final String FOOD_NAME = "广州粤味示范餐饮管理有限公司";

    @Autowired
    CaseManagement cases;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LicenseIssuance issuance;

    @Autowired
    AuditManagement audit;

    @Autowired
    org.springframework.context.ApplicationContext context;

    static String code(String first17) {
        return first17 + CreditCode.checkChar(first17);
    }

    private String item(String name) {
        return catalog.search(ItemSearch.of(name)).getFirst().code();
    }

    static UUID idOf(WebClient web) {
        return UUID.fromString(web.get("/api/v1/me").body().replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }

    /** A complete application of the item as the enterprise (its code and name in the form), by the API. */
    private WebClient.Page file(WebClient web, String itemCode, String channel, String enterprise, String key) {
        var applicant = idOf(web);
        var guide = catalog.guide(itemCode).orElseThrow();
        var form = new HashMap<>(Applications.answers(cases, guide, applicant));
        if (form.containsKey("creditCode")) form.put("creditCode", enterprise);
        if (form.containsKey("enterpriseName")) form.put("enterpriseName", FOOD_NAME);
        var json = Applications.json(itemCode, form, Applications.materials(cases, guide, applicant));
        json = json.substring(0, json.length() - 1) + ",\"channel\":\"" + channel + "\"}";
        web.get("/account");
        return web.jsonWithHeaders("POST", "/api/v1/cases", json, "Idempotency-Key", key, "X-Enterprise", enterprise);
    }

    private static String number(WebClient.Page filed) {
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        return filed.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
    }

    private long filedWith(String key) {
        return jdbc.sql("select count(*) from cases.case_file where idempotency_key = :k")
                .param("k", key)
                .query(Long.class)
                .single();
    }

    @Test
    void aCaseFiledAsTheEnterpriseIsItsWithTheActingPersonRecordedAndListedInTheBusinessChannelOnly() {
        var wang = signedIn("enterprise");
        var number = number(
                file(wang, item("食品经营许可"), "ENTERPRISE", FOOD, UUID.randomUUID().toString()));
        var row = jdbc.sql(
                        "select enterprise_code, enterprise_name, applicant_id from cases.case_file where number = :n")
                .param("n", number)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        assertThat(row).containsExactly(FOOD, FOOD_NAME, idOf(wang).toString());

        // The business channel lists the current enterprise's cases: FOOD's, not TECH's, and not the person's.
        wang.get("/business");
        wang.post("/business/enterprises/current", Map.of("code", FOOD));
        assertThat(wang.get("/business/cases").body()).contains(number);
        var page = wang.get("/business/cases/" + number);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("申请单位").contains(FOOD_NAME);
        wang.get("/business");
        wang.post("/business/enterprises/current", Map.of("code", TECH));
        assertThat(wang.get("/business/cases").body()).doesNotContain(number);
        assertThat(wang.get("/business/cases/" + number).status()).isEqualTo(404);
        // The citizen channel keeps the person's own cases only.
        assertThat(wang.get("/citizen/cases").body()).doesNotContain(number);
        assertThat(wang.get("/citizen/cases/" + number).status()).isEqualTo(404);

        // The API: the enterprise's cases by X-Enterprise; the person's own list does not have it.
        var listed = wang.jsonWithHeaders("GET", "/api/v1/business/cases", null, "X-Enterprise", FOOD);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body()).contains(number);
        assertThat(wang.jsonWithHeaders("GET", "/api/v1/business/cases", null, "X-Enterprise", TECH)
                        .body())
                .doesNotContain(number);
        assertThat(wang.get("/api/v1/cases").body()).doesNotContain(number);

        // The office sees the enterprise as applicant and the person who acted for it.
        var office = signedIn("official").get("/office/cases/" + number);
        assertThat(office.status()).isEqualTo(200);
        assertThat(office.body())
                .contains("id=\"applicant-enterprise\"")
                .contains(FOOD_NAME)
                .contains("id=\"acting-person\"")
                .contains("王五");
    }

    @Test
    void anAccountThatDoesNotHoldTheEnterpriseIsRefusedAndFindsNothing() {
        var wang = signedIn("enterprise");
        var number = number(
                file(wang, item("食品经营许可"), "ENTERPRISE", FOOD, UUID.randomUUID().toString()));
        // A citizen who acts for no enterprise, and an enterprise user who does not act for FOOD, find nothing.
        var citizen = signedIn("citizen2");
        citizen.get("/account");
        assertThat(citizen.jsonWithHeaders("GET", "/api/v1/business/cases/" + number, null, "X-Enterprise", FOOD)
                        .status())
                .isEqualTo(404);
        var idNumber = org.tongban.TestPeople.idNumber();
        var account = org.tongban.TestRegistration.levelThree(context, idNumber, "别家经办人");
        context.getBean(org.tongban.identity.internal.AccountStore.class)
                .grantRole(account, org.tongban.identity.Role.ENTERPRISE_USER, null, null);
        var other = new WebClient(BASE);
        other.signIn(idNumber, org.tongban.TestPeople.PASSWORD);
        other.get("/account");
        assertThat(other.jsonWithHeaders("GET", "/api/v1/business/cases/" + number, null, "X-Enterprise", FOOD)
                        .status())
                .isEqualTo(404);
        assertThat(other.jsonWithHeaders("GET", "/api/v1/business/cases", null, "X-Enterprise", FOOD)
                        .status())
                .isEqualTo(404);
        assertThat(other.get("/business/cases/" + number).status()).isEqualTo(404);
        assertThat(other.get("/citizen/cases/" + number).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/cases/" + number).status()).isEqualTo(404);
        assertThat(other.get("/business/enterprises/" + FOOD).status()).isEqualTo(404);
        assertThat(other.get("/api/v1/business/enterprises/" + FOOD).status()).isEqualTo(404);

        // Filing as an enterprise the account does not hold: not found, audited, nothing written.
        var key = UUID.randomUUID().toString();
        var refused = file(wang, item("食品经营许可"), "ENTERPRISE", OTHERS, key);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(filedWith(key)).isZero();
        assertThat(audit.recent(50, "ACCESS_DENIED", idOf(wang).toString()))
                .anySatisfy(e ->
                        assertThat(e.details()).contains("ENTERPRISE_NOT_HELD").contains(OTHERS));
    }

    @Test
    void thePersonOnlyItemRefusesTheEnterpriseAndTheEnterpriseItemRefusesThePerson() {
        var wang = signedIn("enterprise");
        var personItem = item("无犯罪记录证明");
        var key = UUID.randomUUID().toString();
        var asEnterprise = file(wang, personItem, "ENTERPRISE", FOOD, key);
        assertThat(asEnterprise.status()).isEqualTo(422);
        assertThat(asEnterprise.body()).contains("此事项仅限个人办理");
        assertThat(filedWith(key)).isZero();

        var enterpriseItem = item("食品经营许可");
        var key2 = UUID.randomUUID().toString();
        var asPerson = file(wang, enterpriseItem, "PERSON", FOOD, key2);
        assertThat(asPerson.status()).isEqualTo(422);
        assertThat(asPerson.body()).contains("此事项仅限企业办理");
        assertThat(filedWith(key2)).isZero();

        // In the business channel without naming one of the two enterprises: refused, nothing written.
        var guide = catalog.guide(enterpriseItem).orElseThrow();
        var applicant = idOf(wang);
        var key3 = UUID.randomUUID().toString();
        wang.get("/account");
        var none = wang.jsonWithHeaders(
                "POST",
                "/api/v1/cases",
                Applications.json(
                        enterpriseItem,
                        Applications.answers(cases, guide, applicant),
                        Applications.materials(cases, guide, applicant)),
                "Idempotency-Key",
                key3);
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("请先选择要办事的企业");
        assertThat(filedWith(key3)).isZero();
        assertThat(audit.recent(100, "CASE_FILING_REFUSED", applicant.toString()))
                .anySatisfy(e -> assertThat(e.details()).contains("CHANNEL"))
                .anySatisfy(e -> assertThat(e.details()).contains("NO_ENTERPRISE"));

        // The pages say the same in words.
        assertThat(wang.get("/business/apply/" + personItem).body()).contains("此事项仅限个人办理");
        assertThat(signedIn("citizen").get("/citizen/apply/" + enterpriseItem).body())
                .contains("此事项仅限企业办理");
    }

    @Test
    void theEnterpriseLicenceGoesToTheFilingEnterpriseAndItsWalletOnly() {
        var wang = signedIn("enterprise");
        var itemCode = item("食品经营许可");
        var number = number(
                file(wang, itemCode, "ENTERPRISE", FOOD, UUID.randomUUID().toString()));
        jdbc.sql("update cases.case_file set concluded_at = now() where number = :n")
                .param("n", number)
                .update();
        var issued = issuance.issueForCase(new CaseConcluded(
                        number,
                        itemCode,
                        catalog.guide(itemCode).orElseThrow().version(),
                        "食品经营许可",
                        "Food business licence",
                        "440100-SCJG",
                        "广州市市场监督管理局",
                        "Guangzhou AMR",
                        idOf(wang),
                        "APPROVED",
                        "LICENCE",
                        null,
                        idOf(signedIn("official")).toString(),
                        Instant.now(),
                        Instant.now()))
                .orElseThrow();
        assertThat(issued.holderIdMasked()).isEqualTo(FOOD);
        assertThat(issued.holderNameMasked()).isEqualTo(FOOD_NAME);

        wang.get("/business");
        wang.post("/business/enterprises/current", Map.of("code", FOOD));
        assertThat(wang.get("/business/licenses").body()).contains(issued.identifier());
        wang.get("/business");
        wang.post("/business/enterprises/current", Map.of("code", TECH));
        assertThat(wang.get("/business/licenses").body()).doesNotContain(issued.identifier());
        assertThat(wang.get("/citizen/licenses").body()).doesNotContain(issued.identifier());

        // The 一企一档 of FOOD names the case and the licence; the API has the same sections.
        var profile = wang.get("/business/enterprises/" + FOOD);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body())
                .contains(FOOD_NAME)
                .contains("id=\"profile-cases\"")
                .contains(number)
                .contains("id=\"profile-licences\"")
                .contains(issued.identifier())
                .contains("id=\"profile-ratings\"");
        var api = wang.get("/api/v1/business/enterprises/" + FOOD);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"key\":\"cases\"").contains(number).contains(issued.identifier());
        assertThat(wang.get("/business/enterprises/" + OTHERS).status()).isEqualTo(404);
    }
}
