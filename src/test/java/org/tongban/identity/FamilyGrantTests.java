package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.WebClient;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.identity.PasskeyPeople.Person;
import org.tongban.platform.FieldProtection;
import org.tongban.shared.IdNumber;

/**
 * Issue 14, part 6 (ADR 0043): a person authorises a relative, both confirm with their passkeys, and the relative
 * acts for the person within scope (the case is the person's, the relative recorded); a guardian acts for a minor
 * child until 18; out of scope, unconfirmed, expired, revoked and another's grants are refused, audited, nothing
 * written. Through the real pages and API, software authenticators as phones.
 */
class FamilyGrantTests extends IntegrationTest {

    private static final Pattern GRANT = Pattern.compile("/citizen/family/([0-9a-f-]{36})");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CaseManagement cases;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    FieldProtection protection;

    @Autowired
    Family family;

    private Person person(String name) throws Exception {
        return PasskeyPeople.person(context, BASE, name);
    }

    private WebClient.Page authorise(Person principal, Person relative, List<String> scopes, String validTo) {
        return FamilySteps.authorise(principal, relative, scopes, validTo);
    }

    private String proposed(Person principal, Person relative, List<String> scopes) {
        return FamilySteps.proposed(principal, relative, scopes);
    }

    private WebClient.Page step(Person who, String grant) throws Exception {
        return FamilySteps.step(who, grant);
    }

    private String inForce(Person principal, Person relative, List<String> scopes) throws Exception {
        return FamilySteps.inForce(principal, relative, scopes);
    }

    private String status(String grant) {
        return jdbc.sql("select status from identity.family_grant where id = :id")
                .param("id", UUID.fromString(grant))
                .query(String.class)
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

    private int casesOf(UUID applicant) {
        return jdbc.sql("select count(*) from cases.case_file where applicant_id = :a")
                .param("a", applicant)
                .query(Integer.class)
                .single();
    }

    /** A complete application of 无犯罪记录证明 for the principal, filed by the API under the grant. */
    private WebClient.Page file(Person actor, UUID principal, String grant) {
        var item = catalog.search(ItemSearch.of("无犯罪记录证明")).getFirst().code();
        var guide = catalog.guide(item).orElseThrow();
        var json = Applications.json(
                item, Applications.answers(cases, guide, principal), Applications.materials(cases, guide, principal));
        actor.web().get("/account");
        return actor.web()
                .jsonWithHeaders(
                        "POST",
                        "/api/v1/cases",
                        json,
                        "Idempotency-Key",
                        UUID.randomUUID().toString(),
                        Family.HEADER,
                        grant);
    }

    @Test
    void aRelativeFilesACaseThatIsThePrincipalsWithTheRelativeRecorded() throws Exception {
        var mother = person("母亲甲");
        var son = person("儿子甲");
        var grant = proposed(mother, son, List.of("CASES", "RECORDS"));
        // Not yet in force: the principal has not confirmed, then the relative has not accepted.
        assertThat(file(son, mother.account(), grant).status()).isEqualTo(403);
        assertThat(son.web()
                        .json("POST", "/citizen/family/" + grant + "/options", null)
                        .status())
                .isEqualTo(404);
        assertThat(step(mother, grant).status()).isEqualTo(200);
        assertThat(status(grant)).isEqualTo("CONFIRMED");
        assertThat(audited("FAMILY_AUTHORISED", mother.account().toString(), grant))
                .isEqualTo(1);
        assertThat(file(son, mother.account(), grant).status()).isEqualTo(403);
        assertThat(family.mayActFor(son.account(), mother.account(), Family.CASES))
                .isFalse();
        assertThat(step(son, grant).status()).isEqualTo(200);
        assertThat(status(grant)).isEqualTo("ACTIVE");
        assertThat(audited("FAMILY_ACCEPTED", mother.account().toString(), grant))
                .isEqualTo(1);
        assertThat(family.mayActFor(son.account(), mother.account(), Family.CASES))
                .isTrue();
        assertThat(family.mayActFor(son.account(), mother.account(), Family.LICENCES))
                .isFalse();
        assertThat(family.actingFor(son.account(), Family.RECORDS))
                .extracting(FamilyMember::account)
                .containsExactly(mother.account());

        var filed = file(son, mother.account(), grant);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        var number = filed.body().replaceAll(".*\"caseNumber\":\"([^\"]+)\".*", "$1");
        assertThat(jdbc.sql("select applicant_id::text || ' ' || acted_by::text from cases.case_file where number = :n")
                        .param("n", number)
                        .query(String.class)
                        .single())
                .isEqualTo(mother.account() + " " + son.account());
        assertThat(casesOf(son.account())).isZero();
        // The principal sees the case as theirs, and what the relative did.
        assertThat(mother.web().get("/citizen/cases").body()).contains(number);
        assertThat(audited("FAMILY_ACTED", mother.account().toString(), "FILED"))
                .isEqualTo(1);
        var activity = mother.web().get("/citizen/family/activity");
        assertThat(activity.body()).contains("儿子甲代您提交了申请").contains(number);
        assertThat(mother.web()
                        .json("GET", "/api/v1/citizen/family/activity", null)
                        .body())
                .contains("FILED");
        // The office case page names the relative who filed it (代办人); 无犯罪记录证明 is the police's.
        var police = new WebClient(BASE);
        police.signIn("police", DEMO_PASSWORD);
        var office = police.get("/office/cases/" + number);
        assertThat(office.status()).isEqualTo(200);
        assertThat(office.body()).contains("代办人").contains("儿子甲（亲友代办，申请人授权）");
        // The relative sees the principal's cases on the API under the grant, and his own without it.
        var theirs = son.web().jsonWithHeaders("GET", "/api/v1/cases", null, Family.HEADER, grant);
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.body()).contains(number);
        assertThat(son.web().json("GET", "/api/v1/cases", null).body()).doesNotContain(number);
        // The header on any other API is refused.
        assertThat(son.web()
                        .jsonWithHeaders("GET", "/api/v1/citizen/family", null, Family.HEADER, grant)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void outOfScopeIsRefusedInWordsAuditedAndNothingWritten() throws Exception {
        var father = person("父亲乙");
        var daughter = person("女儿乙");
        var grant = inForce(father, daughter, List.of("LICENCES"));
        var refused = file(daughter, father.account(), grant);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("不在家人授予您的代办范围内");
        assertThat(casesOf(father.account())).isZero();
        assertThat(audited("FAMILY_OUT_OF_SCOPE", father.account().toString(), "SCOPE"))
                .isEqualTo(1);
        assertThat(daughter.web()
                        .jsonWithHeaders("GET", "/api/v1/cases", null, Family.HEADER, grant)
                        .status())
                .isEqualTo(403);
        assertThat(daughter.web()
                        .jsonWithHeaders("GET", "/api/v1/licenses/mine", null, Family.HEADER, grant)
                        .status())
                .isEqualTo(200);
        // On pages: switched to the father, the case list is refused with words; the banner names him.
        daughter.web().get("/citizen/family");
        assertThat(daughter.web().post("/citizen/family/act/" + grant, Map.of()).status())
                .isEqualTo(302);
        var wallet = daughter.web().get("/citizen/licenses");
        assertThat(wallet.status()).isEqualTo(200);
        // 父亲 or 母亲 as the random ID number's sex has it: the banner names the person in words.
        assertThat(wallet.body()).containsPattern("正在为 (父亲|母亲) 父亲乙 办理");
        var page = daughter.web().get("/citizen/cases");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("不在家人授予您的代办范围内");
        // The father sees the refusal among the activity.
        assertThat(father.web().get("/citizen/family/" + grant).body()).contains("尝试超出授权的操作");
    }

    @Test
    void aConfirmationForOneGrantDoesNotConfirmAnother() throws Exception {
        var principal = person("授权丙");
        var first = proposed(principal, person("亲友丙一"), List.of("CASES"));
        var second = proposed(principal, person("亲友丙二"), List.of("CASES"));
        principal.web().get("/citizen/family/" + first);
        var forFirst = principal.assertionFor(principal
                .web()
                .json("POST", "/citizen/family/" + first + "/options", null)
                .body());
        var replayed = principal.web().json("POST", "/citizen/family/" + second + "/confirm", forFirst);
        assertThat(replayed.status()).isEqualTo(403);
        assertThat(status(second)).isEqualTo("PROPOSED");
        assertThat(audited("FAMILY_GRANT_REFUSED", principal.account().toString(), second))
                .isEqualTo(1);
    }

    @Test
    void anotherPersonsGrantIsNotFound() throws Exception {
        var principal = person("授权丁");
        var relative = person("亲友丁");
        var stranger = person("外人丁");
        var grant = inForce(principal, relative, List.of("CASES", "RECORDS"));
        assertThat(stranger.web().get("/citizen/family/" + grant).status()).isEqualTo(404);
        assertThat(stranger.web()
                        .json("GET", "/api/v1/citizen/family/" + grant, null)
                        .status())
                .isEqualTo(404);
        assertThat(stranger.web()
                        .json("POST", "/api/v1/citizen/family/" + grant + "/revoke", null)
                        .status())
                .isEqualTo(404);
        assertThat(file(stranger, principal.account(), grant).status()).isEqualTo(404);
        assertThat(casesOf(principal.account())).isZero();
        assertThat(status(grant)).isEqualTo("ACTIVE");
    }

    @Test
    void aRevokedOrExpiredGrantStopsAtTheNextRequest() throws Exception {
        var principal = person("授权戊");
        var relative = person("亲友戊");
        var grant = inForce(principal, relative, List.of("CASES", "RECORDS"));
        assertThat(relative.web()
                        .jsonWithHeaders("GET", "/api/v1/cases", null, Family.HEADER, grant)
                        .status())
                .isEqualTo(200);
        // Revoking asks first.
        principal.web().get("/citizen/family/" + grant);
        var ask = principal.web().post("/citizen/family/" + grant + "/revoke", Map.of());
        assertThat(ask.status()).isEqualTo(200);
        assertThat(ask.body()).contains("确定撤销这项亲友代办授权吗");
        assertThat(status(grant)).isEqualTo("ACTIVE");
        assertThat(principal
                        .web()
                        .post("/citizen/family/" + grant + "/revoke", Map.of("confirm", "yes"))
                        .status())
                .isEqualTo(302);
        assertThat(status(grant)).isEqualTo("REVOKED");
        assertThat(audited("FAMILY_REVOKED", principal.account().toString(), grant))
                .isEqualTo(1);
        var after = file(relative, principal.account(), grant);
        assertThat(after.status()).isEqualTo(403);
        assertThat(after.body()).contains("已过期或已被撤销");
        assertThat(casesOf(principal.account())).isZero();

        // Expired: the same; the relative may revoke too.
        var second = inForce(principal, relative, List.of("CASES"));
        jdbc.sql("update identity.family_grant set valid_to = now() - interval '1 second' where id = :id")
                .param("id", UUID.fromString(second))
                .update();
        assertThat(file(relative, principal.account(), second).status()).isEqualTo(403);
        assertThat(audited("FAMILY_OUT_OF_SCOPE", principal.account().toString(), "ENDED"))
                .isEqualTo(2);
        assertThat(principal.web().get("/citizen/family").body()).contains("已过期");
        var third = inForce(principal, relative, List.of("CASES"));
        assertThat(relative.web()
                        .json("POST", "/api/v1/citizen/family/" + third + "/revoke", null)
                        .status())
                .isEqualTo(204);
        assertThat(status(third)).isEqualTo("REVOKED");
    }

    /** A minor's ID number (born {@code age} years ago) in the population register under this name. */
    private String registered(String name, int age) {
        var birth = LocalDate.now(ZONE)
                .minusYears(age)
                .minusDays(ThreadLocalRandom.current().nextInt(1, 300));
        var first17 = "440106" + birth.toString().replace("-", "")
                + "%03d".formatted(ThreadLocalRandom.current().nextInt(1000));
        var id = first17 + IdNumber.checkChar(first17);
        jdbc.sql("insert into identity.population_register (id_number_idx, name) values (:i, :n)")
                .param("i", protection.blindIndex(id, "identity.person.id_number"))
                .param("n", name)
                .update();
        return id;
    }

    private WebClient.Page addMinor(Person guardian, String name, String idNumber) {
        guardian.web().get("/citizen/family/minor");
        return guardian.web()
                .postAll(
                        "/citizen/family/minor",
                        List.of(
                                Map.entry("name", name),
                                Map.entry("idNumber", idNumber),
                                Map.entry("scope", "CASES"),
                                Map.entry("scope", "RECORDS")));
    }

    @Test
    void aGuardianActsForAMinorChildUntilEighteenWithoutTheChildsConfirmation() throws Exception {
        var parent = person("家长己");
        var childId = registered("孩子己", 9);
        var answer = addMinor(parent, "孩子己", childId);
        assertThat(answer.status()).as(answer.body()).isEqualTo(302);
        var m = GRANT.matcher(answer.location());
        assertThat(m.find()).isTrue();
        var grant = m.group(1);
        assertThat(step(parent, grant).status()).isEqualTo(200);
        assertThat(status(grant)).isEqualTo("ACTIVE");
        var child = jdbc.sql("select principal_id from identity.family_grant where id = :id")
                .param("id", UUID.fromString(grant))
                .query(UUID.class)
                .single();
        assertThat(audited("FAMILY_GUARDIAN_DECLARED", child.toString(), grant)).isEqualTo(1);
        // The grant ends on the child's 18th birthday, at midnight in China.
        var birth = IdNumber.parse(childId).birthDate();
        assertThat(jdbc.sql("select valid_to from identity.family_grant where id = :id")
                        .param("id", UUID.fromString(grant))
                        .query(java.sql.Timestamp.class)
                        .single()
                        .toInstant())
                .isEqualTo(birth.plusYears(18).atStartOfDay(ZONE).toInstant());
        assertThat(family.mayActFor(parent.account(), child, Family.CASES)).isTrue();
        var filed = file(parent, child, grant);
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        assertThat(casesOf(child)).isEqualTo(1);
        // At 18 it ends by itself.
        jdbc.sql("update identity.family_grant set valid_to = now() where id = :id")
                .param("id", UUID.fromString(grant))
                .update();
        assertThat(family.mayActFor(parent.account(), child, Family.CASES)).isFalse();
    }

    @Test
    void theGuardianOfAnAdultOrOfSomeoneNotInTheRegisterIsRefused() throws Exception {
        var parent = person("家长庚");
        var adultId = registered("成年庚", 19);
        var adult = addMinor(parent, "成年庚", adultId);
        assertThat(adult.status()).isEqualTo(422);
        assertThat(adult.body()).contains("已年满18周岁").contains("value=\"" + adultId + "\"");
        var unknown = addMinor(parent, "不在库庚", registered("另一个名字", 5));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("人口库中没有");
        assertThat(jdbc.sql("select count(*) from identity.family_grant where relative_id = :a")
                        .param("a", parent.account())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void badInputIsAFieldErrorWithTheInputKeptAndNothingWritten() throws Exception {
        var principal = person("授权辛");
        var relative = person("亲友辛");
        var tooLong = authorise(
                principal,
                relative,
                List.of("CASES"),
                LocalDate.now(ZONE).plusYears(4).toString());
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("有效期最长三年").contains("value=\"" + relative.idNumber() + "\"");
        assertThat(authorise(
                                principal,
                                relative,
                                List.of(),
                                LocalDate.now(ZONE).plusMonths(1).toString())
                        .body())
                .contains("请至少选择一项授权范围");
        var wrongName = new Person(relative.account(), relative.idNumber(), "别的名字", relative.web(), relative.passkey());
        assertThat(authorise(
                                principal,
                                wrongName,
                                List.of("CASES"),
                                LocalDate.now(ZONE).plusMonths(1).toString())
                        .body())
                .contains("姓名与身份证号码不匹配");
        var badCheckDigit =
                relative.idNumber().substring(0, 17) + (relative.idNumber().endsWith("0") ? "1" : "0");
        var bad = new Person(relative.account(), badCheckDigit, relative.name(), relative.web(), relative.passkey());
        assertThat(authorise(
                                principal,
                                bad,
                                List.of("CASES"),
                                LocalDate.now(ZONE).plusMonths(1).toString())
                        .status())
                .isEqualTo(422);
        var self = new Person(
                principal.account(), principal.idNumber(), principal.name(), principal.web(), principal.passkey());
        assertThat(authorise(
                                principal,
                                self,
                                List.of("CASES"),
                                LocalDate.now(ZONE).plusMonths(1).toString())
                        .body())
                .contains("不能授权给自己");
        assertThat(jdbc.sql("select count(*) from identity.family_grant where principal_id = :a")
                        .param("a", principal.account())
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
