package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.WebClient;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.identity.PasskeyPeople.Person;
import org.tongban.platform.FieldProtection;
import org.tongban.shared.CreditCode;

/**
 * Issue 12, part 2: the legal representative authorises an agent (经办人) by name and ID number, with a scope and a
 * validity end, confirmed by a passkey assertion bound to the grant's content; the agent acts within scope only;
 * revoked and expired grants stop at the next request. Through the real pages, a software authenticator as phone.
 */
class AgentGrantTests extends IntegrationTest {

    private static final Pattern CHALLENGE = PasskeyPeople.CHALLENGE;
    private static final Pattern PENDING = Pattern.compile("/agents/pending/([0-9a-f-]{36})");
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldProtection protection;

    @Autowired
    CaseManagement cases;

    @Autowired
    CatalogManagement catalog;

    record Firm(Person rep, String code, String name) {}

    private Person person(String name) throws Exception {
        return PasskeyPeople.person(context, BASE, name);
    }

    /** A legal representative who has claimed a new enterprise with the passkey. */
    private Firm firm(String repName, String firmName) throws Exception {
        var rep = person(repName);
        var first17 = new StringBuilder("91440106");
        for (int i = 0; i < 9; i++) first17.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        var code = first17 + String.valueOf(CreditCode.checkChar(first17.toString()));
        jdbc.sql("""
                insert into identity.market_register (credit_code, name, legal_rep_name, legal_rep_idx, address,
                       industry, region_code) values (:c, :n, :r, :idx, '广州市天河区测试路2号', '软件和信息技术服务业', '440106')""")
                .param("c", code)
                .param("n", firmName)
                .param("r", repName)
                .param("idx", protection.blindIndex(rep.idNumber(), "identity.person.id_number"))
                .update();
        rep.web().get("/business/enterprises/claim");
        var claim = rep.web()
                .post("/business/enterprises/claim", Map.of("creditCode", code))
                .location();
        rep.web().get(claim);
        var options = rep.web().json("POST", claim + "/options", null);
        var confirmed = rep.web()
                .json(
                        "POST",
                        claim + "/confirm",
                        rep.passkey().assertion(PasskeySignInTests.find(CHALLENGE, options.body())));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        return new Firm(rep, code, firmName);
    }

    private WebClient.Page invite(Firm firm, Person agent, List<String> scopes, String validTo) {
        firm.rep().web().get("/business/enterprises/" + firm.code() + "/agents");
        var form = new ArrayList<Map.Entry<String, String>>();
        form.add(Map.entry("name", agent.name()));
        form.add(Map.entry("idNumber", agent.idNumber()));
        scopes.forEach(s -> form.add(Map.entry("scope", s)));
        form.add(Map.entry("validTo", validTo));
        return firm.rep().web().postAll("/business/enterprises/" + firm.code() + "/agents", form);
    }

    private String pending(Firm firm, Person agent, List<String> scopes) {
        var answer = invite(
                firm,
                agent,
                scopes,
                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                        .plusMonths(6)
                        .toString());
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        var m = PENDING.matcher(answer.location());
        assertThat(m.find()).as(answer.location()).isTrue();
        return answer.location();
    }

    private String challengeOf(Firm firm, String pending) {
        assertThat(firm.rep().web().get(pending).status()).isEqualTo(200);
        var options = firm.rep().web().json("POST", pending + "/options", null);
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        assertThat(options.body()).contains("\"userVerification\":\"required\"");
        return PasskeySignInTests.find(CHALLENGE, options.body());
    }

    private WebClient.Page confirm(Firm firm, String pending, String assertion) {
        return firm.rep().web().json("POST", pending + "/confirm", assertion);
    }

    private String granted(Firm firm, Person agent, List<String> scopes) throws Exception {
        var pending = pending(firm, agent, scopes);
        var answer = confirm(firm, pending, firm.rep().passkey().assertion(challengeOf(firm, pending)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return pending.substring(pending.lastIndexOf('/') + 1);
    }

    private int grants(String code, UUID agent) {
        return jdbc.sql("""
                        select count(*) from identity.enterprise_grant g join identity.enterprise e on e.id = g.enterprise_id
                         where e.credit_code = :c and g.account_id = :a and g.kind = 'AGENT'""")
                .param("c", code)
                .param("a", agent)
                .query(Integer.class)
                .single();
    }

    private int audited(String code, String subject, String detail) {
        return jdbc.sql("select count(*) from audit.audit_event where code = :c and subject = :s and details like :d")
                .param("c", code)
                .param("s", subject)
                .param("d", "%" + detail + "%")
                .query(Integer.class)
                .single();
    }

    /** A complete application of 食品经营许可 as the enterprise, by the API. */
    private WebClient.Page file(Person agent, Firm firm) {
        var item = catalog.search(ItemSearch.of("食品经营许可")).getFirst().code();
        var guide = catalog.guide(item).orElseThrow();
        var form = new HashMap<>(Applications.answers(cases, guide, agent.account()));
        if (form.containsKey("creditCode")) form.put("creditCode", firm.code());
        if (form.containsKey("enterpriseName")) form.put("enterpriseName", firm.name());
        var json = Applications.json(item, form, Applications.materials(cases, guide, agent.account()));
        json = json.substring(0, json.length() - 1) + ",\"channel\":\"ENTERPRISE\"}";
        agent.web().get("/account");
        return agent.web()
                .jsonWithHeaders(
                        "POST",
                        "/api/v1/cases",
                        json,
                        "Idempotency-Key",
                        UUID.randomUUID().toString(),
                        "X-Enterprise",
                        firm.code());
    }

    @Test
    void aConfirmedGrantLetsTheAgentFileCasesAsTheEnterpriseButNotShowItsLicences() throws Exception {
        var firm = firm("授权甲", "广州经办甲科技有限公司");
        var agent = person("经办甲");
        var grant = granted(firm, agent, List.of("CASES"));
        assertThat(grants(firm.code(), agent.account())).isEqualTo(1);
        assertThat(audited("AGENT_GRANTED", firm.code(), grant)).isEqualTo(1);
        var list = firm.rep().web().get("/business/enterprises/" + firm.code() + "/agents");
        assertThat(list.body()).contains("经*").contains("有效").contains("办件");

        // The agent sees the enterprise among theirs and acts for it within scope.
        var business = agent.web().get("/business");
        assertThat(business.status()).isEqualTo(200);
        assertThat(business.body()).contains("广州经办甲科技有限公司").contains("经办人");
        var filed = file(agent, firm);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        var number = filed.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
        assertThat(jdbc.sql("select applicant_id from cases.case_file where number = :n")
                        .param("n", number)
                        .query(UUID.class)
                        .single())
                .isEqualTo(agent.account());
        assertThat(agent.web().get("/business/cases").body()).contains(number);

        // Outside scope: the business licence wallet.
        var refused = agent.web().get("/business/licenses");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("您的经办人授权不包括这项业务");
        assertThat(audited("AGENT_OUT_OF_SCOPE", firm.code(), "LICENCES")).isEqualTo(1);
        // The representative sees what the agent did for the enterprise.
        var activity = firm.rep().web().get("/business/enterprises/" + firm.code() + "/agents/" + grant);
        assertThat(activity.status()).isEqualTo(200);
        assertThat(activity.body()).contains("经办人超出授权范围");
        // And the API lists the agent.
        var api = firm.rep().web().jsonWithHeaders("GET", "/api/v1/business/agents", null, "X-Enterprise", firm.code());
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains(grant).contains("CASES");
    }

    @Test
    void aConfirmationForOneGrantDoesNotConfirmAnotherNorWithoutUserVerification() throws Exception {
        var firm = firm("授权乙", "广州经办乙科技有限公司");
        var one = person("经办乙一");
        var other = person("经办乙二");
        var first = pending(firm, one, List.of("CASES"));
        var second = pending(firm, other, List.of("CASES", "LICENCES"));
        var forFirst = firm.rep().passkey().assertion(challengeOf(firm, first));
        challengeOf(firm, second);
        var replayed = confirm(firm, second, forFirst);
        assertThat(replayed.status()).isEqualTo(403);
        assertThat(audited("AGENT_GRANT_REFUSED", firm.code(), "PASSKEY")).isEqualTo(1);
        assertThat(grants(firm.code(), other.account())).isZero();
        assertThat(grants(firm.code(), one.account())).isZero();

        firm.rep().passkey().withoutUserVerification();
        var noUv = confirm(firm, second, firm.rep().passkey().assertion(challengeOf(firm, second)));
        assertThat(noUv.status()).isEqualTo(403);
        assertThat(grants(firm.code(), other.account())).isZero();
    }

    @Test
    void anExpiredInvitationIsNotFoundAndOneIsUsedOnce() throws Exception {
        var firm = firm("授权丙", "广州经办丙科技有限公司");
        var agent = person("经办丙");
        var pending = pending(firm, agent, List.of("CASES"));
        var assertion = firm.rep().passkey().assertion(challengeOf(firm, pending));
        jdbc.sql("update identity.agent_invitation set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", UUID.fromString(pending.substring(pending.lastIndexOf('/') + 1)))
                .update();
        assertThat(confirm(firm, pending, assertion).status()).isEqualTo(404);
        assertThat(grants(firm.code(), agent.account())).isZero();

        var again = pending(firm, agent, List.of("CASES"));
        var ok = firm.rep().passkey().assertion(challengeOf(firm, again));
        assertThat(confirm(firm, again, ok).status()).isEqualTo(200);
        assertThat(confirm(firm, again, ok).status()).isEqualTo(404);
        assertThat(grants(firm.code(), agent.account())).isEqualTo(1);
    }

    @Test
    void badInputIsAFieldErrorWithTheInputKeptAndNothingWritten() throws Exception {
        var firm = firm("授权丁", "广州经办丁科技有限公司");
        var agent = person("经办丁");
        var tooLong = invite(
                firm,
                agent,
                List.of("CASES"),
                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusYears(2).toString());
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("有效期最长一年").contains("value=\"" + agent.idNumber() + "\"");
        var noScope = invite(
                firm,
                agent,
                List.of(),
                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                        .plusMonths(1)
                        .toString());
        assertThat(noScope.body()).contains("请至少选择一项授权范围");
        var stranger = new Person(agent.account(), TestPeople.idNumber(), "无此人", agent.web(), agent.passkey());
        assertThat(invite(
                                firm,
                                stranger,
                                List.of("CASES"),
                                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                                        .plusMonths(1)
                                        .toString())
                        .body())
                .contains("没有找到姓名和身份证号码相符的通办用户");
        assertThat(jdbc.sql("select count(*) from identity.agent_invitation where agent_account_id = :a")
                        .param("a", agent.account())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anAccountThatDoesNotRepresentTheEnterpriseFindsNothing() throws Exception {
        var firm = firm("授权戊", "广州经办戊科技有限公司");
        var agent = person("经办戊");
        var grant = granted(firm, agent, List.of("CASES"));
        var pending = pending(firm, person("经办戊二"), List.of("CASES"));
        // The agent acts for it, but is not its legal representative: no agents page, no granting, no revoking.
        assertThat(agent.web()
                        .get("/business/enterprises/" + firm.code() + "/agents")
                        .status())
                .isEqualTo(404);
        assertThat(agent.web().get(pending).status()).isEqualTo(404);
        assertThat(agent.web().json("POST", pending + "/options", null).status())
                .isEqualTo(404);
        var other = firm("授权己", "广州经办己科技有限公司");
        assertThat(other.rep()
                        .web()
                        .get("/business/enterprises/" + firm.code() + "/agents")
                        .status())
                .isEqualTo(404);
        assertThat(other.rep()
                        .web()
                        .post(
                                "/business/enterprises/" + firm.code() + "/agents/" + grant + "/revoke",
                                Map.of("confirm", "yes"))
                        .status())
                .isEqualTo(404);
        assertThat(grants(firm.code(), agent.account())).isEqualTo(1);
    }

    @Test
    void aRevokedOrExpiredGrantStopsAtTheNextRequest() throws Exception {
        var firm = firm("授权庚", "广州经办庚科技有限公司");
        var agent = person("经办庚");
        var grant = granted(firm, agent, List.of("CASES"));
        assertThat(agent.web().get("/business/cases").status()).isEqualTo(200);
        // Revoking asks first.
        var path = "/business/enterprises/" + firm.code() + "/agents/" + grant;
        firm.rep().web().get(path);
        var ask = firm.rep().web().post(path + "/revoke", Map.of());
        assertThat(ask.status()).isEqualTo(200);
        assertThat(ask.body()).contains("撤销这位经办人的授权");
        assertThat(grants(firm.code(), agent.account())).isEqualTo(1);
        var revoked = firm.rep().web().post(path + "/revoke", Map.of("confirm", "yes"));
        assertThat(revoked.status()).isEqualTo(302);
        assertThat(audited("AGENT_REVOKED", firm.code(), grant)).isEqualTo(1);
        assertThat(agent.web().get("/business").body()).doesNotContain("广州经办庚科技有限公司");
        assertThat(file(agent, firm).status()).isEqualTo(404);
        assertThat(firm.rep().web().get(path).body()).contains("已撤销");

        // An expired grant: the same.
        var later = person("经办庚二");
        var second = granted(firm, later, List.of("CASES"));
        assertThat(later.web().get("/business").body()).contains("广州经办庚科技有限公司");
        jdbc.sql("update identity.enterprise_grant set valid_to = now() - interval '1 second' where id = :id")
                .param("id", UUID.fromString(second))
                .update();
        assertThat(later.web().get("/business").body()).doesNotContain("广州经办庚科技有限公司");
        assertThat(file(later, firm).status()).isEqualTo(404);
        assertThat(firm.rep()
                        .web()
                        .get("/business/enterprises/" + firm.code() + "/agents/" + second)
                        .body())
                .contains("已过期");
    }

    @Test
    void anAgentWhoseNewGrantLacksCasesNoLongerReadsTheCasesFiledBeforeNorSeesThemOnTheProfile() throws Exception {
        var firm = firm("授权辛", "广州经办辛科技有限公司");
        var agent = person("经办辛");
        var grant = granted(firm, agent, List.of("CASES"));
        var filed = file(agent, firm);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        var number = filed.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
        assertThat(agent.web().get("/api/v1/cases/" + number).status()).isEqualTo(200);
        var profile = agent.web().get("/business/enterprises/" + firm.code());
        assertThat(profile.body()).contains("id=\"profile-cases\"");

        // The representative revokes the grant and grants 亮证 only.
        var path = "/business/enterprises/" + firm.code() + "/agents/" + grant;
        firm.rep().web().get(path);
        assertThat(firm.rep()
                        .web()
                        .post(path + "/revoke", Map.of("confirm", "yes"))
                        .status())
                .isEqualTo(302);
        granted(firm, agent, List.of("LICENCES"));

        // The case the agent filed under the old grant is out of reach on the API.
        assertThat(agent.web().get("/api/v1/cases/" + number).status()).isEqualTo(404);
        // The profile shows the licences, not the cases nor the ratings given on them.
        profile = agent.web().get("/business/enterprises/" + firm.code());
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body())
                .contains("id=\"profile-licences\"")
                .doesNotContain("id=\"profile-cases\"")
                .doesNotContain("id=\"profile-ratings\"");
        // The representative still sees every section.
        assertThat(firm.rep().web().get("/business/enterprises/" + firm.code()).body())
                .contains("id=\"profile-cases\"")
                .contains("id=\"profile-ratings\"");
    }
}
