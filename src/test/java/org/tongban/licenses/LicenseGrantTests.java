package org.tongban.licenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.audit.AuditManagement;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseRefusedException;
import org.tongban.cases.SubmitCase;
import org.tongban.catalog.CatalogManagement;
import org.tongban.licenses.internal.GrantLicense;
import org.tongban.licenses.internal.GrantStatus;
import org.tongban.licenses.internal.GrantUse;
import org.tongban.licenses.internal.GrantUseView;
import org.tongban.licenses.internal.GrantView;
import org.tongban.licenses.internal.GranteeKind;
import org.tongban.licenses.internal.LicenseGrants;
import org.tongban.licenses.internal.LicenseIssuance;
import org.tongban.licenses.internal.LicenseManagement;
import org.tongban.licenses.internal.LicenseWallet;
import tools.jackson.databind.json.JsonMapper;

/**
 * Use authorisations (用证授权, 免证办) on the real platform: a license chosen in an application through the cases
 * module's port, read by the handling official within the authorisation, logged for the holder, withdrawn and refused
 * at once; grants on the license page; who may not grant, withdraw or read; expired grants and revoked licenses.
 */
class LicenseGrantTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.tongban.notifications.DevelopmentOutbox outbox;

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Map<String, UUID> ACCOUNTS = new ConcurrentHashMap<>();
    /** 个体工商户设立登记 of 广州市市场监督管理局: its first material, the operator's ID card, may be a CN_ID license. */
    static final String ITEM = "440100-SCJG-002";

    @Autowired
    LicenseGrants grants;

    @Autowired
    LicenseWallet wallet;

    @Autowired
    java.time.Clock clock;

    @Autowired
    LicenseIssuance issuance;

    @Autowired
    LicenseManagement management;

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    AuditManagement audit;

    @Autowired
    JdbcClient jdbc;

    static UUID accountOf(String login) {
        return ACCOUNTS.computeIfAbsent(
                login,
                l -> UUID.fromString(JSON.readTree(
                                signedIn(l).json("GET", "/api/v1/me", null).body())
                        .get("accountId")
                        .asString()));
    }

    String licenseOf(String login, String type) {
        return wallet.mine(accountOf(login), null, 100).licenses().stream()
                .filter(l -> l.type().equals(type) && l.status() == LicenseStatus.VALID)
                .findFirst()
                .orElseThrow()
                .identifier();
    }

    SubmitCase application(UUID applicant, String material) {
        var item = catalog.guide(ITEM).orElseThrow();
        var materials = new java.util.HashMap<>(Applications.materials(cases, item, applicant));
        var seq = item.materials().stream()
                .filter(m -> "CN_ID".equals(m.licenseType()))
                .findFirst()
                .orElseThrow()
                .seq();
        materials.put(seq, material);
        return new SubmitCase(
                ITEM, applicant, UUID.randomUUID().toString(), Applications.answers(cases, item, applicant), materials);
    }

    @Test
    void aLicenseChosenInAnApplicationIsReadByTheHandlingOfficialUntilTheHolderWithdrawsIt() {
        var citizen = accountOf("citizen");
        var official = accountOf("official");
        var cnId = licenseOf("citizen", "CN_ID");
        assertThat(cases.licensesAvailable()).isTrue();
        assertThat(cases.licenseOptions(citizen, "CN_ID"))
                .extracting(o -> o.licenseId())
                .contains(cnId);
        assertThat(cases.licenseOptions(citizen, "DEGREE")).isEmpty();

        var number = cases.submit(application(citizen, "licence:" + cnId));
        var material = cases.mine(number, citizen).materials().stream()
                .filter(m -> cnId.equals(m.licenseId()))
                .findFirst()
                .orElseThrow();
        assertThat(material.kind()).isEqualTo("LICENCE");
        assertThat(material.licenseData()).contains("居民身份证").contains(cnId).doesNotContain("440106199003071231");

        var granted = grants.forCase(official, number);
        assertThat(granted).singleElement().satisfies(g -> {
            assertThat(g.granteeKind()).isEqualTo(GranteeKind.ITEM);
            assertThat(g.grantee()).isEqualTo(ITEM);
            assertThat(g.caseNumber()).isEqualTo(number);
            assertThat(g.purpose()).startsWith("办理 个体工商户设立登记 办件 " + number);
            assertThat(g.validUntil()).isEqualTo(LocalDate.now(clock).plusDays(LicenseGrants.CASE_DAYS));
            assertThat(g.status()).isEqualTo(GrantStatus.ACTIVE);
        });
        var grant = granted.getFirst().id();
        var read = grants.read(official, grant, null);
        assertThat(read.license().holderId()).isEqualTo("440106199003071231");
        assertThat(read.license().data()).containsKey("address");

        // An official of a department that takes no part in the case is refused, and cannot list the case's grants.
        // (Not found, as another holder's license is: issue 11, finding 8.)
        assertThatThrownBy(() -> grants.read(accountOf("taxofficial"), grant, number))
                .isInstanceOf(LicenseNotFoundException.class);
        assertThatThrownBy(() -> grants.forCase(accountOf("taxofficial"), number))
                .isInstanceOf(LicenseNotFoundException.class);
        assertThat(audit.recent(
                        20,
                        "LICENCE_GRANT_READ_REFUSED",
                        accountOf("taxofficial").toString()))
                .isNotEmpty();

        // The holder sees the use in the application and the official's read.
        var log = grants.log(citizen, cnId);
        assertThat(log)
                .filteredOn(u -> number.equals(u.caseNumber()))
                .extracting(GrantUseView::actorKind, GrantUseView::what)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(GrantUse.By.CASE, GrantUse.Disclosed.SUMMARY),
                        org.assertj.core.groups.Tuple.tuple(GrantUse.By.OFFICIAL, GrantUse.Disclosed.FULL));
        assertThat(log.getFirst().departmentNameZh()).isEqualTo("广州市市场监督管理局");

        // Someone else cannot withdraw it; nor see the license's grants.
        assertThatThrownBy(() -> grants.withdraw(accountOf("citizen2"), grant))
                .isInstanceOf(LicenseNotFoundException.class);
        assertThatThrownBy(() -> grants.grants(accountOf("citizen2"), cnId))
                .isInstanceOf(LicenseNotFoundException.class);

        assertThat(grants.withdraw(citizen, grant).status()).isEqualTo(GrantStatus.WITHDRAWN);
        assertThatThrownBy(() -> grants.read(official, grant, null))
                .isInstanceOfSatisfying(
                        LicenseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("licenses.grants.error.withdrawn"));
        assertThat(grants.withdraw(citizen, grant).status()).isEqualTo(GrantStatus.WITHDRAWN);
        org.awaitility.Awaitility.await()
                .untilAsserted(() -> assertThat(audit.recent(20, "LICENCE_GRANT_WITHDRAWN", citizen.toString()))
                        .isNotEmpty());
    }

    @Test
    void anApplicationMayUseOnlyTheApplicantsOwnValidLicenseOfTheType() {
        var citizen = accountOf("citizen");
        var theirs = licenseOf("citizen2", "CN_ID");
        assertThatThrownBy(() -> cases.submit(application(citizen, "licence:" + theirs)))
                .isInstanceOfSatisfying(
                        CaseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("cases.error.licenseNotYours"));
        var driving = licenseOf("citizen", "DRIVING_LICENCE");
        assertThatThrownBy(() -> cases.submit(application(citizen, "licence:" + driving)))
                .isInstanceOfSatisfying(
                        CaseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("cases.error.licenseWrongType"));
        assertThatThrownBy(() -> cases.submit(application(citizen, "licence:no-such-license")))
                .isInstanceOf(CaseRefusedException.class);
        assertThat(audit.recent(20, "LICENCE_GRANT_REFUSED", citizen.toString()))
                .isNotEmpty();
        // Nothing was filed or granted by the refused applications.
        assertThat(grants.grants(accountOf("citizen2"), theirs)).isEmpty();
    }

    @Test
    void aDepartmentGrantIsReadByThatDepartmentOnlyUntilItsDate() {
        var citizen = accountOf("citizen");
        var cnId = licenseOf("citizen", "CN_ID");
        var today = LocalDate.now(clock);
        var g = grants.grant(
                citizen, cnId, new GrantLicense("DEPARTMENT", "440100-SCJG", "核验经营者身份", today.plusDays(30)), null);
        assertThat(g.granteeNameZh()).isEqualTo("广州市市场监督管理局");
        assertThat(grants.grants(citizen, cnId)).extracting(GrantView::id).contains(g.id());
        assertThat(grants.read(accountOf("official2"), g.id(), null).license().identifier())
                .isEqualTo(cnId);
        // Another department's grant is not found (issue 11, finding 8).
        assertThatThrownBy(() -> grants.read(accountOf("police"), g.id(), null))
                .isInstanceOf(LicenseNotFoundException.class);
        assertThatThrownBy(() -> grants.read(citizen, g.id(), null)).isInstanceOf(LicenseRefusedException.class);

        // Past its date, it reads no more.
        jdbc.sql("update licenses.use_grant set valid_until = :d where id = :id")
                .param("d", java.sql.Date.valueOf(today.minusDays(1)))
                .param("id", g.id())
                .update();
        assertThatThrownBy(() -> grants.read(accountOf("official"), g.id(), null))
                .isInstanceOfSatisfying(
                        LicenseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("licenses.grants.error.expired"));
        assertThat(grants.grants(citizen, cnId))
                .filteredOn(v -> v.id().equals(g.id()))
                .extracting(GrantView::status)
                .containsExactly(GrantStatus.EXPIRED);
    }

    @Test
    void theHolderAloneGrantsWithAPurposeAndADateWithinAYear() {
        var citizen = accountOf("citizen");
        var cnId = licenseOf("citizen", "CN_ID");
        var today = LocalDate.now(clock);
        assertThatThrownBy(() -> grants.grant(
                        accountOf("citizen2"),
                        cnId,
                        new GrantLicense("DEPARTMENT", "440100-SCJG", "x", today.plusDays(3)),
                        null))
                .isInstanceOf(LicenseNotFoundException.class);
        assertThatThrownBy(() -> grants.grant(
                        accountOf("official"),
                        cnId,
                        new GrantLicense("DEPARTMENT", "440100-SCJG", "x", today.plusDays(3)),
                        null))
                .isInstanceOf(LicenseNotFoundException.class);
        assertThatThrownBy(() ->
                        grants.grant(citizen, cnId, new GrantLicense("DEPARTMENT", "440100-NOPE", " ", today), null))
                .isInstanceOfSatisfying(
                        InvalidLicenseException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("grantee", "licenses.grants.error.unknownDepartment")
                                .containsEntry("purpose", "licenses.error.required")
                                .containsEntry("validUntil", "licenses.grants.error.untilPast"));
        assertThatThrownBy(() -> grants.grant(
                        citizen,
                        cnId,
                        new GrantLicense(
                                "ITEM",
                                "440100-SCJG-999",
                                "办".repeat(101),
                                today.plusYears(1).plusDays(1)),
                        null))
                .isInstanceOfSatisfying(
                        InvalidLicenseException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("grantee", "licenses.grants.error.unknownItem")
                                .containsEntry("purpose", "licenses.grants.error.purposeTooLong")
                                .containsEntry("validUntil", "licenses.grants.error.untilTooFar"));
        assertThat(grants.grant(
                                citizen,
                                cnId,
                                new GrantLicense("ITEM", "440100-SCJG-001", "企业设立", today.plusYears(1)),
                                null)
                        .status())
                .isEqualTo(GrantStatus.ACTIVE);
    }

    @Test
    void anItemGrantServesOnlyTheHoldersOwnCasesOfThatItem() {
        var citizen = accountOf("citizen");
        var official = accountOf("official");
        var cnId = licenseOf("citizen", "CN_ID");
        var today = LocalDate.now(clock);
        var g = grants.grant(citizen, cnId, new GrantLicense("ITEM", ITEM, "个体工商户设立", today.plusDays(30)), null);

        // Someone else files a case of the same item and names the holder's grant: refused and audited.
        var other = accountOf("citizen2");
        var theirs = cases.submit(org.tongban.cases.Applications.valid(
                cases, catalog, ITEM, other, UUID.randomUUID().toString()));
        assertThatThrownBy(() -> grants.read(official, g.id(), theirs)).isInstanceOf(LicenseNotFoundException.class);
        org.awaitility.Awaitility.await()
                .untilAsserted(() -> assertThat(audit.recent(50, "LICENCE_GRANT_READ_REFUSED", null))
                        .anySatisfy(e -> assertThat(e.subject()).isEqualTo(g.id().toString())));

        // The holder's own case of the item reads it.
        var own = cases.submit(org.tongban.cases.Applications.valid(
                cases, catalog, ITEM, citizen, UUID.randomUUID().toString()));
        assertThat(grants.read(official, g.id(), own).license().identifier()).isEqualTo(cnId);
        // One grant in force per license and grantee: the other tests grant the item again.
        grants.withdraw(citizen, g.id());
    }

    @Test
    void anAgentAuthorisedForSomeItemsOnlyHoldsNoneOfTheEnterprisesLicenses() {
        var agent = identityOf(org.tongban.TestPeople.idNumber());
        var enterprise = jdbc.sql("select id from identity.enterprise where name = '广州通办示范科技有限公司'")
                .query(UUID.class)
                .single();
        var grantId = UUID.randomUUID();
        jdbc.sql("""
                insert into identity.enterprise_grant (id, enterprise_id, account_id, kind, scope, valid_from, status, created_at)
                values (:id, :e, :a, 'AGENT', :scope, now(), 'ACTIVE', now())""")
                .param("id", grantId)
                .param("e", enterprise)
                .param("a", agent)
                .param("scope", ITEM)
                .update();
        var business = licenseOf("enterprise", "BUSINESS_LICENCE");
        assertThat(wallet.mine(agent, null, 100).licenses())
                .extracting(l -> l.identifier())
                .doesNotContain(business);
        assertThatThrownBy(() -> wallet.license(agent, business)).isInstanceOf(LicenseNotFoundException.class);
        var today = LocalDate.now(clock);
        assertThatThrownBy(() -> grants.grant(
                        agent, business, new GrantLicense("DEPARTMENT", "440100-SCJG", "代办", today.plusDays(5)), null))
                .isInstanceOf(LicenseNotFoundException.class);

        // With a full-scope grant the agent acts for the enterprise in everything, licenses included.
        jdbc.sql("update identity.enterprise_grant set scope = 'ALL' where id = :id")
                .param("id", grantId)
                .update();
        assertThat(wallet.mine(agent, null, 100).licenses())
                .extracting(l -> l.identifier())
                .contains(business);
    }

    @Autowired
    org.tongban.identity.internal.Registration registration;

    private UUID identityOf(String idNumber) {
        return org.tongban.TestRegistration.register(
                registration,
                outbox,
                new org.tongban.identity.internal.RegisterCitizen(
                        idNumber, "代办人", org.tongban.TestPeople.phone(), org.tongban.TestPeople.PASSWORD));
    }

    @Test
    void aRevokedLicenseIsNeitherReadNorGranted() {
        var enterprise = accountOf("enterprise");
        var official = accountOf("official");
        var issued = issuance.issue(
                official, UUID.randomUUID().toString(), LicenseTests.equipment(LicenseTests.DEMO_COMPANY));
        var today = LocalDate.now(clock);
        var g = grants.grant(
                enterprise,
                issued.identifier(),
                new GrantLicense("DEPARTMENT", "440100-SCJG", "设备年检", today.plusDays(10)),
                null);
        assertThat(grants.read(official, g.id(), null).license().identifier()).isEqualTo(issued.identifier());
        management.revoke(official, issued.identifier(), "设备报废");
        assertThatThrownBy(() -> grants.read(official, g.id(), null))
                .isInstanceOfSatisfying(
                        LicenseRefusedException.class,
                        e -> assertThat(e.conflict()).isTrue());
        assertThatThrownBy(() -> grants.grant(
                        enterprise,
                        issued.identifier(),
                        new GrantLicense("DEPARTMENT", "440100-SCJG", "设备年检", today.plusDays(10)),
                        null))
                .isInstanceOfSatisfying(
                        LicenseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("licenses.grants.error.licenseNotValid"));
    }

    static org.tongban.WebClient session(String login) {
        var web = signedIn(login);
        web.get("/account");
        return web;
    }

    @Test
    void theApiGrantsListsWithdrawsAndReadsAndDeniesByDefault() {
        var cnId = licenseOf("citizen", "CN_ID");
        var citizen = session("citizen");
        var until = LocalDate.now(clock).plusDays(20).toString();
        var body = "{\"granteeKind\":\"DEPARTMENT\",\"grantee\":\"440100-SCJG\",\"purpose\":\"核验身份\",\"validUntil\":\""
                + until + "\"}";
        var key = UUID.randomUUID().toString();
        var created =
                citizen.jsonWithHeader("POST", "/api/v1/licenses/" + cnId + "/grants", body, "Idempotency-Key", key);
        assertThat(created.status()).isEqualTo(201);
        var id = JSON.readTree(created.body()).get("id").asString();
        var again =
                citizen.jsonWithHeader("POST", "/api/v1/licenses/" + cnId + "/grants", body, "Idempotency-Key", key);
        assertThat(JSON.readTree(again.body()).get("id").asString()).isEqualTo(id);
        assertThat(citizen.json("GET", "/api/v1/licenses/" + cnId + "/grants", null)
                        .body())
                .contains(id);

        var bad = citizen.jsonWithHeader(
                "POST",
                "/api/v1/licenses/" + cnId + "/grants",
                "{\"granteeKind\":\"DEPARTMENT\",\"grantee\":\"440100-SCJG\",\"purpose\":\"\"}",
                "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(JSON.readTree(bad.body()).get("errors").has("purpose")).isTrue();

        // Denied by default: anonymous, another citizen, an official granting, a citizen reading as an official.
        assertThat(new org.tongban.WebClient(BASE)
                        .json("GET", "/api/v1/licenses/" + cnId + "/grants", null)
                        .status())
                .isEqualTo(401);
        var other = session("citizen2");
        assertThat(other.json("GET", "/api/v1/licenses/" + cnId + "/grants", null)
                        .status())
                .isEqualTo(404);
        assertThat(other.json("POST", "/api/v1/licenses/grants/" + id + "/withdraw", null)
                        .status())
                .isEqualTo(404);
        assertThat(citizen.json("GET", "/api/v1/licenses/granted/" + id, null).status())
                .isEqualTo(403);
        var official = session("official");
        assertThat(official.jsonWithHeader("POST", "/api/v1/licenses/" + cnId + "/grants", body, "Idempotency-Key", key)
                        .status())
                .isEqualTo(403);
        var read = official.json("GET", "/api/v1/licenses/granted/" + id, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(JSON.readTree(read.body()).get("license").get("holderId").asString())
                .isEqualTo("440106199003071231");
        assertThat(session("taxofficial")
                        .json("GET", "/api/v1/licenses/granted/" + id, null)
                        .status())
                .isEqualTo(404);
        assertThat(citizen.json("GET", "/api/v1/licenses/" + cnId + "/grants/log", null)
                        .body())
                .contains(id)
                .contains("FULL");

        assertThat(citizen.json("POST", "/api/v1/licenses/grants/" + id + "/withdraw", null)
                        .body())
                .contains("WITHDRAWN");
        var refused = official.json("GET", "/api/v1/licenses/granted/" + id, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("licenses.grants.error.withdrawn");
    }

    @Test
    void theHolderGrantsAndWithdrawsOnTheLicensePageAndTheOfficialReadsTheCasesLicense() {
        var cnId = licenseOf("citizen", "CN_ID");
        var web = session("citizen");
        assertThat(web.get("/citizen/licenses/" + cnId).body()).contains("/citizen/licenses/" + cnId + "/grants");
        var page = web.get("/citizen/licenses/" + cnId + "/grants");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("grant-form").contains("广州市市场监督管理局");

        var until = LocalDate.now(clock).plusDays(5).toString();
        var wrong = web.post(
                "/citizen/licenses/" + cnId + "/grants",
                Map.of("granteeKind", "ITEM", "item", "NO-SUCH-ITEM", "purpose", "办理营业执照", "validUntil", until));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).contains("没有这个服务事项").contains("NO-SUCH-ITEM").contains("办理营业执照");

        var done = web.post(
                "/citizen/licenses/" + cnId + "/grants",
                Map.of(
                        "granteeKind",
                        "ITEM",
                        "item",
                        ITEM,
                        "purpose",
                        "办理个体户登记",
                        "validUntil",
                        until,
                        "requestKey",
                        UUID.randomUUID().toString()));
        assertThat(done.status()).isEqualTo(302);
        var id = grants.grants(accountOf("citizen"), cnId).stream()
                .filter(g -> g.purpose().equals("办理个体户登记"))
                .findFirst()
                .orElseThrow()
                .id();
        web.get("/citizen/licenses/" + cnId + "/grants");
        assertThat(web.post("/citizen/licenses/" + cnId + "/grants/" + id + "/withdraw", Map.of("confirm", "yes"))
                        .status())
                .isEqualTo(302);
        assertThat(web.get("/citizen/licenses/" + cnId + "/grants").body()).contains("已撤回");
        assertThat(session("citizen2")
                        .get("/citizen/licenses/" + cnId + "/grants")
                        .status())
                .isEqualTo(404);

        var number = cases.submit(application(accountOf("citizen"), "licence:" + cnId));
        var office = session("official");
        var list = office.get("/office/licenses/granted?case=" + number);
        assertThat(list.status()).isEqualTo(200);
        var grant = grants.forCase(accountOf("official"), number).getFirst().id();
        assertThat(list.body()).contains("/office/licenses/granted/" + grant);
        var read = office.get("/office/licenses/granted/" + grant);
        assertThat(read.body()).contains("张三").contains("440106199003071231");
        var other = session("taxofficial").get("/office/licenses/granted/" + grant);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("440106199003071231");
        assertThat(session("taxofficial")
                        .get("/office/licenses/granted?case=" + number)
                        .body())
                .contains("没有找到本部门参与办理的此办件");
        assertThat(web.get("/citizen/licenses/" + cnId + "/grants").body())
                .contains(number)
                .contains("工作人员查看了证照全部数据");
    }
}
