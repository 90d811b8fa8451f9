package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.security.SecureRandom;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.WebClient;
import org.tongban.bench.SoftwareAuthenticator;
import org.tongban.platform.FieldProtection;
import org.tongban.shared.CreditCode;

/**
 * Issue 12, part 1: a legal representative claims an enterprise (credit code with its GB 32100 check character,
 * the register's representative, a passkey assertion bound to the claim) and then acts for it; the refusals are
 * field errors, audited, and write nothing. Through the real pages, with a software authenticator as the phone.
 */
class EnterpriseClaimTests extends IntegrationTest {

    private static final Pattern CHALLENGE = Pattern.compile("\"challenge\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CLAIM = Pattern.compile("/business/enterprises/claims/([0-9a-f-]{36})");
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldProtection protection;

    record Representative(UUID account, String idNumber, String name, WebClient web, SoftwareAuthenticator passkey) {}

    /** A verified citizen (level 3), signed in, with a passkey registered. */
    private Representative representative(String name) throws Exception {
        var idNumber = TestPeople.idNumber();
        var account = TestRegistration.levelThree(context, idNumber, name);
        var web = new WebClient(BASE);
        assertThat(web.signIn(idNumber, TestPeople.PASSWORD).location()).isEqualTo("/home");
        var passkey = new SoftwareAuthenticator(URI.create(BASE).getHost(), BASE);
        assertThat(PasskeySignInTests.register(web, passkey).body()).contains("\"success\":true");
        return new Representative(account, idNumber, name, web, passkey);
    }

    /** A new entity in the seeded market-entity register, represented by this person. */
    private String registered(String name, String repName, String repIdNumber) {
        var first17 = new StringBuilder("91440106");
        for (int i = 0; i < 9; i++) first17.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        var code = first17 + String.valueOf(CreditCode.checkChar(first17.toString()));
        jdbc.sql("""
                insert into identity.market_register (credit_code, name, legal_rep_name, legal_rep_idx, address,
                       industry, region_code) values (:c, :n, :r, :idx, '广州市天河区测试路1号', '软件和信息技术服务业', '440106')""")
                .param("c", code)
                .param("n", name)
                .param("r", repName)
                .param("idx", protection.blindIndex(repIdNumber, "identity.person.id_number"))
                .update();
        return code;
    }

    private static String wrongCheck(String code) {
        var last = code.charAt(17);
        var other = ALPHABET.charAt((ALPHABET.indexOf(last) + 1) % ALPHABET.length());
        return code.substring(0, 17) + other;
    }

    private String startClaim(WebClient web, String code) {
        web.get("/business/enterprises/claim");
        var answer = web.post("/business/enterprises/claim", Map.of("creditCode", code));
        assertThat(answer.status()).isEqualTo(302);
        var m = CLAIM.matcher(answer.location());
        assertThat(m.find()).as(answer.location()).isTrue();
        return m.group(1);
    }

    private String challengeOf(WebClient web, String claim) {
        assertThat(web.get("/business/enterprises/claims/" + claim).status()).isEqualTo(200);
        var options = web.json("POST", "/business/enterprises/claims/" + claim + "/options", null);
        assertThat(options.status()).as(options.body()).isEqualTo(200);
        assertThat(options.body()).contains("\"userVerification\":\"required\"");
        return PasskeySignInTests.find(CHALLENGE, options.body());
    }

    private int audited(String code, String subject, String detail) {
        return jdbc.sql("select count(*) from audit.audit_event where code = :c and subject = :s and details like :d")
                .param("c", code)
                .param("s", subject)
                .param("d", "%" + detail + "%")
                .query(Integer.class)
                .single();
    }

    private int enterprises(String code) {
        return jdbc.sql("select count(*) from identity.enterprise where credit_code = :c")
                .param("c", code)
                .query(Integer.class)
                .single();
    }

    @Test
    void theRegisteredRepresentativeClaimsWithAPasskeyAndThenActsForTheEnterprise() throws Exception {
        var rep = representative("认领人");
        var code = registered("广州认领测试科技有限公司", rep.name(), rep.idNumber());
        var claim = startClaim(rep.web(), code);
        var page = rep.web().get("/business/enterprises/claims/" + claim);
        assertThat(page.body()).contains("广州认领测试科技有限公司").contains(code).contains("认*");
        var challenge = challengeOf(rep.web(), claim);

        var confirmed = rep.web()
                .json(
                        "POST",
                        "/business/enterprises/claims/" + claim + "/confirm",
                        rep.passkey().assertion(challenge));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.body()).contains("/business?claimed=" + code);
        assertThat(audited("ENTERPRISE_CLAIMED", code, "PASSKEY")).isEqualTo(1);

        // Now an enterprise user acting for it: the channel, its bar and the API say so.
        var business = rep.web().get("/business");
        assertThat(business.status()).isEqualTo(200);
        assertThat(business.body()).contains("id=\"current-enterprise\"").contains("广州认领测试科技有限公司");
        var api = rep.web().get("/api/v1/business/enterprise");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(api.body()).contains(code).contains("LEGAL_REPRESENTATIVE");

        // The claim works once.
        var again = rep.web()
                .json(
                        "POST",
                        "/business/enterprises/claims/" + claim + "/confirm",
                        rep.passkey().assertion(challenge));
        assertThat(again.status()).isEqualTo(404);
        assertThat(enterprises(code)).isEqualTo(1);
    }

    @Test
    void aWrongCheckCharacterIsAFieldErrorAuditedAndNothingIsWritten() throws Exception {
        var rep = representative("校验人");
        var code = registered("广州校验测试有限公司", rep.name(), rep.idNumber());
        var wrong = wrongCheck(code);
        rep.web().get("/business/enterprises/claim");
        var answer = rep.web().post("/business/enterprises/claim", Map.of("creditCode", wrong));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body())
                .contains("统一社会信用代码校验位不正确")
                .contains("id=\"credit-code-error\"")
                .contains("value=\"" + wrong + "\"");
        assertThat(audited("ENTERPRISE_CLAIM_REFUSED", wrong, "CODE")).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from identity.enterprise_claim where account_id = :a")
                        .param("a", rep.account())
                        .query(Integer.class)
                        .single())
                .isZero();
        // In English too.
        var english = rep.web().english();
        english.get("/business/enterprises/claim");
        assertThat(english.post("/business/enterprises/claim", Map.of("creditCode", wrong))
                        .body())
                .contains("The check character of the credit code is wrong");
    }

    @Test
    void someoneWhoIsNotTheRegisteredRepresentativeIsRefused() throws Exception {
        var rep = representative("冒认人");
        // The register names another person (same name, another ID number: the ID number decides).
        var code = registered("广州他人测试有限公司", rep.name(), TestPeople.idNumber());
        rep.web().get("/business/enterprises/claim");
        var answer = rep.web().post("/business/enterprises/claim", Map.of("creditCode", code));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("登记的法定代表人不是您本人");
        assertThat(audited("ENTERPRISE_CLAIM_REFUSED", code, "NOT_REPRESENTATIVE"))
                .isEqualTo(1);
        assertThat(enterprises(code)).isZero();

        // A code the register does not know.
        var unknown = wrongCheck(wrongCheck(code)).substring(0, 8) + "000000001";
        unknown = unknown + CreditCode.checkChar(unknown);
        assertThat(rep.web()
                        .post("/business/enterprises/claim", Map.of("creditCode", unknown))
                        .body())
                .contains("市场主体登记中没有这个统一社会信用代码");
    }

    @Test
    void aConfirmationMadeForOneClaimDoesNotConfirmAnother() throws Exception {
        var rep = representative("重放人");
        var first = registered("广州重放甲有限公司", rep.name(), rep.idNumber());
        var second = registered("广州重放乙有限公司", rep.name(), rep.idNumber());
        var claimA = startClaim(rep.web(), first);
        var claimB = startClaim(rep.web(), second);
        var assertionForA = rep.passkey().assertion(challengeOf(rep.web(), claimA));
        challengeOf(rep.web(), claimB);

        var replayed = rep.web().json("POST", "/business/enterprises/claims/" + claimB + "/confirm", assertionForA);
        assertThat(replayed.status()).isEqualTo(403);
        assertThat(audited("ENTERPRISE_CLAIM_REFUSED", second, "PASSKEY")).isEqualTo(1);
        assertThat(enterprises(second)).isZero();
        // Not an enterprise user either.
        assertThat(rep.web().get("/business").status()).isNotEqualTo(200);
        // A passkey without user verification is refused too.
        rep.passkey().withoutUserVerification();
        var noUv = rep.web()
                .json(
                        "POST",
                        "/business/enterprises/claims/" + claimB + "/confirm",
                        rep.passkey().assertion(challengeOf(rep.web(), claimB)));
        assertThat(noUv.status()).isEqualTo(403);
        assertThat(enterprises(second)).isZero();
    }

    @Test
    void anotherAccountsClaimIsNotFound() throws Exception {
        var rep = representative("本人");
        var code = registered("广州他人认领有限公司", rep.name(), rep.idNumber());
        var claim = startClaim(rep.web(), code);
        var other = representative("旁人");
        assertThat(other.web().get("/business/enterprises/claims/" + claim).status())
                .isEqualTo(404);
        other.web().get("/business/enterprises/claim");
        var options = other.web().json("POST", "/business/enterprises/claims/" + claim + "/options", null);
        assertThat(options.status()).isEqualTo(404);
    }

    @Test
    void anUnverifiedPersonCannotClaim() throws Exception {
        var idNumber = TestPeople.idNumber();
        TestRegistration.register(
                context.getBean(org.tongban.identity.internal.Registration.class),
                context.getBean(org.tongban.notifications.DevelopmentOutbox.class),
                new org.tongban.identity.internal.RegisterCitizen(
                        idNumber, "未核验", TestPeople.phone(), TestPeople.PASSWORD));
        var code = registered("广州未核验有限公司", "未核验", idNumber);
        var web = new WebClient(BASE);
        web.signIn(idNumber, TestPeople.PASSWORD);
        web.get("/business/enterprises/claim");
        var answer = web.post("/business/enterprises/claim", Map.of("creditCode", code));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body()).contains("认领企业需先完成实名核验");
    }
}
