package org.tongban.licenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.audit.AuditManagement;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.licenses.internal.GrantLicense;
import org.tongban.licenses.internal.GrantView;
import org.tongban.licenses.internal.LicenseGrants;
import org.tongban.licenses.internal.LicenseWallet;

/**
 * Issue 11, finding 8 ("Licence flow gaps") on the real platform: the show page (亮证) with the license's face, a token
 * that can be copied, and a warning without a QR for a license that is not valid; grants to a department listed and
 * opened by its officials only, while in force; one grant in force per license and grantee, also under concurrent
 * requests and in the database; 个体工商户设立登记 issuing the 营业执照 its guide promises.
 */
class LicenceFlowGapsTests extends IntegrationTest {

    @Autowired
    LicenseGrants grants;

    @Autowired
    LicenseWallet wallet;

    @Autowired
    java.time.Clock clock;

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
        return LicenseGrantTests.accountOf(login);
    }

    String licenseOf(String login, String type, LicenseStatus status) {
        return wallet.mine(accountOf(login), null, 100).licenses().stream()
                .filter(l -> l.type().equals(type) && l.status() == status)
                .findFirst()
                .orElseThrow()
                .identifier();
    }

    // 亮证

    @Test
    void theShowPageShowsTheMaskedFaceAndTheTokenAsTextWithACopyButton() {
        var cnId = licenseOf("citizen", "CN_ID", LicenseStatus.VALID);
        var page = LicenseTests.session("citizen").get("/citizen/licenses/" + cnId + "/show");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"show-face\"")
                .contains("居民身份证")
                .contains("id=\"face-holderName\">张*<")
                .contains("id=\"face-issuer\"")
                .contains("id=\"face-validity\"")
                .contains("id=\"show-qr\"")
                .contains("id=\"copy-token\"")
                .contains("复制亮证码")
                // The full ID number is not on the face shown to the person looking at the phone.
                .doesNotContain("440106199003071231")
                .doesNotContain("id=\"show-warning\"");
        // The token is text a person can select, not a hidden text area, and the copy button carries all of it.
        var token = between(page.body(), "<p class=\"mono\" id=\"show-token\">", "</p>");
        assertThat(token).matches("[A-Za-z0-9_.-]{100,}");
        assertThat(page.body()).contains("data-copy=\"" + token + "\"").doesNotContain("visually-hidden\" readonly");
    }

    @Test
    void aSuspendedOrExpiredLicenseIsShownWithAWarningAndNoQr() {
        var suspended = licenseOf("citizen2", "DRIVING_LICENCE", LicenseStatus.SUSPENDED);
        var web = LicenseTests.session("citizen2");
        var before = audit.recent(500, "LICENCE_SHOWN", accountOf("citizen2").toString())
                .size();

        var page = web.get("/citizen/licenses/" + suspended + "/show");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("role=\"alert\" id=\"show-warning\"")
                .contains("此证照已暂扣")
                .contains("id=\"show-face\"")
                .contains("机动车驾驶证")
                .doesNotContain("id=\"show-qr\"")
                .doesNotContain("id=\"show-token\"")
                .doesNotContain("id=\"copy-token\"");
        // Posting the disclosure form (as the page's refresh does) issues no token either.
        var posted = web.post("/citizen/licenses/" + suspended + "/show", Map.of("field", "holderName"));
        assertThat(posted.body()).contains("此证照已暂扣").doesNotContain("id=\"show-qr\"");
        assertThat(audit.recent(500, "LICENCE_SHOWN", accountOf("citizen2").toString()))
                .hasSize(before);

        var permit = licenseOf("citizen2", "RESIDENCE_PERMIT", LicenseStatus.VALID);
        var validTo = jdbc.sql("select valid_to from licenses.license where identifier = :i")
                .param("i", permit)
                .query(java.sql.Date.class)
                .optional();
        try {
            jdbc.sql("update licenses.license set valid_to = :d where identifier = :i")
                    .param("d", java.sql.Date.valueOf(LocalDate.now(clock).minusDays(1)))
                    .param("i", permit)
                    .update();
            assertThat(web.get("/citizen/licenses/" + permit + "/show").body())
                    .contains("id=\"show-warning\"")
                    .contains("此证照已过有效期")
                    .doesNotContain("id=\"show-qr\"");
        } finally {
            jdbc.sql("update licenses.license set valid_to = :d where identifier = :i")
                    .param("d", validTo.orElse(null))
                    .param("i", permit)
                    .update();
        }
    }

    // Grants to a department

    @Test
    void theGrantedDepartmentListsAndOpensItsGrantsWhileInForceAndNoOtherDepartmentSeesThem() {
        var citizen = accountOf("citizen");
        var driving = licenseOf("citizen", "DRIVING_LICENCE", LicenseStatus.VALID);
        var today = LocalDate.now(clock);
        var g = grant(citizen, driving, "440100-JT", "核验网约车驾驶员资格", today.plusDays(20));
        var transport = LicenseTests.session("transportofficial");

        var list = transport.get("/office/licenses/granted");
        assertThat(list.status()).isEqualTo(200);
        var row = between(list.body(), "id=\"department-grants\"", "</ul>");
        assertThat(row)
                .contains("张*")
                .contains("机动车驾驶证")
                .contains("核验网约车驾驶员资格")
                .contains(today.plusDays(20).toString())
                .contains("/office/licenses/granted/" + g.id());
        var read = transport.get("/office/licenses/granted/" + g.id());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("张三").contains("440106199003071231");
        assertThat(audit.recent(
                        50,
                        "LICENCE_READ_THROUGH_GRANT",
                        accountOf("transportofficial").toString()))
                .anySatisfy(e -> assertThat(e.details()).contains(g.id().toString()));

        // Another department: not in its list, and the grant is not found.
        var market = LicenseTests.session("official");
        assertThat(market.get("/office/licenses/granted").body()).doesNotContain(g.id().toString());
        var other = market.get("/office/licenses/granted/" + g.id());
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.body()).doesNotContain("440106199003071231");
        assertThat(market.json("GET", "/api/v1/licenses/granted/" + g.id(), null)
                        .status())
                .isEqualTo(404);

        // Expired: gone from the list and no access.
        expire(g.id());
        assertThat(transport.get("/office/licenses/granted").body()).doesNotContain(g.id().toString());
        var expired = transport.get("/office/licenses/granted/" + g.id());
        assertThat(expired.body()).contains("此授权已过期").doesNotContain("440106199003071231");

        // Withdrawn by the holder: the same. (A new grant may be given once the old one has lapsed.)
        var again = grant(citizen, driving, "440100-JT", "再次核验", today.plusDays(5));
        assertThat(transport.get("/office/licenses/granted").body())
                .contains(again.id().toString());
        grants.withdraw(citizen, again.id());
        assertThat(transport.get("/office/licenses/granted").body())
                .doesNotContain(again.id().toString());
        assertThat(transport.get("/office/licenses/granted/" + again.id()).body())
                .contains("持证人已撤回此授权")
                .doesNotContain("440106199003071231");
    }

    // One grant in force

    @Test
    void theSameGrantIsRefusedOnTheFormInTheApiAndInTheDatabase() {
        var cnId = licenseOf("citizen2", "CN_ID", LicenseStatus.VALID);
        var until = LocalDate.now(clock).plusDays(10).toString();
        var web = LicenseTests.session("citizen2");
        var form = new java.util.HashMap<>(Map.of(
                "granteeKind", "DEPARTMENT",
                "department", "440100-WJ",
                "purpose", "核验身份",
                "validUntil", until,
                "requestKey", UUID.randomUUID().toString()));
        assertThat(web.post("/citizen/licenses/" + cnId + "/grants", form).status())
                .isEqualTo(302);
        form.put("requestKey", UUID.randomUUID().toString());
        form.put("purpose", "再核验一次身份");
        var twice = web.post("/citizen/licenses/" + cnId + "/grants", form);
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.body()).contains("不能重复授权").contains("再核验一次身份");
        assertThat(inForce(cnId, "440100-WJ")).isEqualTo(1);

        var api = web.jsonWithHeader(
                "POST",
                "/api/v1/licenses/" + cnId + "/grants",
                "{\"granteeKind\":\"DEPARTMENT\",\"grantee\":\"440100-WJ\",\"purpose\":\"又一次\",\"validUntil\":\""
                        + until + "\"}",
                "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(api.status()).isEqualTo(422);
        assertThat(api.body()).contains("grantee");

        // The database refuses a second grant in force even when the check is bypassed.
        var first = jdbc.sql("select * from licenses.use_grant where grantee = '440100-WJ' and withdrawn_at is null"
                        + " and license_id = (select id from licenses.license where identifier = :i)")
                .param("i", cnId)
                .query((rs, n) -> rs.getLong("license_id"))
                .list()
                .getFirst();
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into licenses.use_grant (id, license_id, holder_account, grantee_kind, grantee, purpose,
                               valid_until, created_at)
                        values (:id, :l, :h, 'DEPARTMENT', '440100-WJ', '绕过检查', current_date + 3, now())""")
                        .param("id", UUID.randomUUID())
                        .param("l", first)
                        .param("h", accountOf("citizen2"))
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);

        // After withdrawal a new grant is given.
        var g = grants.grants(accountOf("citizen2"), cnId).stream()
                .filter(x -> x.grantee().equals("440100-WJ") && x.active())
                .findFirst()
                .orElseThrow();
        grants.withdraw(accountOf("citizen2"), g.id());
        assertThat(grant(
                                accountOf("citizen2"),
                                cnId,
                                "440100-WJ",
                                "重新授权",
                                LocalDate.now(clock).plusDays(3))
                        .active())
                .isTrue();
    }

    @Test
    void concurrentRequestsForTheSameGrantGiveOneGrant() throws Exception {
        var holder = accountOf("citizen2");
        var card = licenseOf("citizen2", "SOCIAL_SECURITY_CARD", LicenseStatus.VALID);
        var until = LocalDate.now(clock).plusDays(7);
        int n = 6;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(n);
        try {
            var tasks = new ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < n; i++) {
                int k = i;
                Callable<String> task = () -> {
                    start.await();
                    try {
                        grants.grant(
                                holder,
                                card,
                                new GrantLicense("DEPARTMENT", "440100-YB", "医保核验 " + k, until),
                                UUID.randomUUID().toString());
                        return "GRANTED";
                    } catch (InvalidLicenseException e) {
                        return e.fieldErrors().get("grantee");
                    }
                };
                tasks.add(pool.submit(task));
            }
            start.countDown();
            var outcomes = new ArrayList<String>();
            for (var t : tasks) outcomes.add(t.get());
            assertThat(outcomes).containsOnly("GRANTED", "licenses.grants.error.duplicate");
            assertThat(outcomes).filteredOn("GRANTED"::equals).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(inForce(card, "440100-YB")).isEqualTo(1);
    }

    // 办结出证

    @Test
    void anApprovedSoleProprietorshipRegistrationIssuesItsBusinessLicense() {
        var applicant = accountOf("citizen");
        var item = "440100-SCJG-002"; // 个体工商户设立登记
        var guide = catalog.guide(item).orElseThrow();
        assertThat(guide.nameZh()).isEqualTo("个体工商户设立登记");
        var answers = new java.util.HashMap<>(Applications.answers(cases, guide, applicant));
        answers.put("enterpriseName", "广州市天河区张记小吃店");
        var number = cases.submit(new org.tongban.cases.SubmitCase(
                item,
                applicant,
                UUID.randomUUID().toString(),
                answers,
                Applications.materials(cases, guide, applicant)));
        handling.act(accountOf("official"), number, CaseAction.ACCEPT, "材料齐全");
        handling.act(accountOf("official"), number, CaseAction.REVIEWED, "");
        handling.act(accountOf("official2"), number, CaseAction.APPROVE, "准予登记");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from licenses.license where case_number = :n")
                                .param("n", number)
                                .query(Long.class)
                                .single()
                        == 1);
        var row = jdbc.sql("select type, holder_name_masked from licenses.license where case_number = :n")
                .param("n", number)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .single();
        assertThat(row[0]).isEqualTo("BUSINESS_LICENCE");
        assertThat(row[1]).isEqualTo("广州市天河区张记小吃店");
        assertThat(audit.recent(100, "LICENCE_CASE_NOT_ISSUED", null))
                .noneSatisfy(e -> assertThat(e.subject()).isEqualTo(number));
    }

    /** The siblings of 个体工商户设立登记: items whose guides promise a license, walked to approval by their officials. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "440100-WJ-004, healthofficial, PHYSICIAN_PRACTICE",
        "440100-WJ-005, healthofficial, NURSE_PRACTICE",
        "440100-JT-002, transportofficial, RIDE_HAILING_DRIVER"
    })
    void anApprovedItemWhoseGuidePromisesALicenseIssuesIt(String item, String official, String type) {
        var applicant = accountOf("citizen");
        var number = cases.submit(Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString()));
        handling.act(accountOf(official), number, CaseAction.ACCEPT, "材料齐全");
        handling.act(accountOf(official), number, CaseAction.REVIEWED, "");
        handling.act(accountOf(official + "2"), number, CaseAction.APPROVE, "准予");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from licenses.license where case_number = :n")
                                .param("n", number)
                                .query(Long.class)
                                .single()
                        == 1);
        var identifier = jdbc.sql("select identifier from licenses.license where case_number = :n")
                .param("n", number)
                .query(String.class)
                .single();
        var license = wallet.license(applicant, identifier);
        assertThat(license.type().code()).isEqualTo(type);
        assertThat(license.holderName()).isEqualTo("张三");
        assertThat(license.signatureValid()).isTrue();
    }

    private GrantView grant(UUID holder, String identifier, String department, String purpose, LocalDate until) {
        return grants.grant(
                holder,
                identifier,
                new GrantLicense("DEPARTMENT", department, purpose, until),
                UUID.randomUUID().toString());
    }

    private void expire(UUID grant) {
        jdbc.sql("update licenses.use_grant set valid_until = :d where id = :id")
                .param("d", java.sql.Date.valueOf(LocalDate.now(clock).minusDays(1)))
                .param("id", grant)
                .update();
    }

    private long inForce(String identifier, String department) {
        return jdbc.sql("""
                select count(*) from licenses.use_grant g join licenses.license l on l.id = g.license_id
                 where l.identifier = :i and g.grantee = :d and g.withdrawn_at is null and g.valid_until >= current_date""")
                .param("i", identifier)
                .param("d", department)
                .query(Long.class)
                .single();
    }

    private static String between(String text, String from, String to) {
        int a = text.indexOf(from);
        assertThat(a).as("'%s' on the page", from).isNotNegative();
        int b = text.indexOf(to, a + from.length());
        return text.substring(a + from.length(), b < 0 ? text.length() : b);
    }
}
