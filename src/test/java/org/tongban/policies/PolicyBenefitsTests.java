package org.tongban.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.policies.PolicyFixtures.TONGBAN;
import static org.tongban.policies.PolicyFixtures.form;
import static org.tongban.policies.PolicyFixtures.newCode;
import static org.tongban.policies.PolicyFixtures.profile;
import static org.tongban.policies.PolicyFixtures.uniqueCapital;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.identity.internal.AccountStore;
import org.tongban.policies.internal.Policies;
import org.tongban.policies.internal.PolicyOffers;
import org.tongban.policies.internal.PolicyViews;
import org.tongban.shared.Refusal;

/**
 * 免申即享 and applying: the issuing department confirms the matched list and each enterprise gets the benefit and a
 * message; an enterprise that does not match is refused (audited) on confirmation and on applying; another
 * department can neither publish nor confirm; an enterprise the caller does not act for is not found.
 */
class PolicyBenefitsTests extends IntegrationTest {

    // 王五's company as the demo seeds it: only it (and nothing a test adds) has all three.
    static final String[] TONGBAN_RULES = {
        "industry == \"I6513\"", "软件开发企业", "Software developer",
        "region == \"440106\"", "注册地在天河区", "Registered in Tianhe",
        "capital == 1000", "注册资本 1000 万元", "Registered capital CNY 10 million"
    };

    @Autowired
    Policies policies;

    @Autowired
    PolicyOffers offers;

    @Autowired
    AccountStore accounts;

    @Autowired
    JdbcClient jdbc;

    UUID id(String login) {
        return accounts.findByIdentifier(login).orElseThrow().id();
    }

    long audited(String code, String subject) {
        return jdbc.sql("select count(*) from audit.audit_event where code = :c and subject = :s")
                .param("c", code)
                .param("s", subject)
                .query(Long.class)
                .single();
    }

    @Test
    void confirmingTheMatchedListGrantsTheBenefitAndNotifiesWithoutAnApplication() {
        var me = id("deptadmin");
        var title = "免申即享测试" + UUID.randomUUID().toString().substring(0, 8);
        var policy = policies.draft(me, form(title, true, "", TONGBAN_RULES));
        policies.publish(me, policy);
        var matches = offers.matches(me, policy);
        assertThat(matches).extracting(PolicyViews.Match::creditCode).containsExactly(TONGBAN);
        assertThat(matches.getFirst().granted()).isFalse();

        assertThat(offers.grant(me, policy, List.of(TONGBAN))).isEqualTo(1);
        assertThat(offers.grant(me, policy, List.of(TONGBAN)))
                .as("granted once")
                .isZero();
        assertThat(offers.matches(me, policy).getFirst().granted()).isTrue();
        assertThat(offers.benefits(TONGBAN, Locale.CHINA))
                .extracting(PolicyViews.Benefit::title)
                .contains(title);
        var offered = offers.offers(TONGBAN, Locale.CHINA).matched().stream()
                .filter(o -> o.id().equals(policy))
                .findFirst()
                .orElseThrow();
        assertThat(offered.granted()).isTrue();
        assertThat(jdbc.sql("""
                        select count(*) from notifications.message
                         where recipient = :r and template_key = 'policies.message.benefit' and args like :t""")
                        .param("r", id("enterprise"))
                        .param("t", title + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        var page = signedIn("enterprise").get("/business/policies/benefits");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(title);
    }

    @Test
    void anEnterpriseThatDoesNotMatchIsRefusedOnConfirmationAndOnApplying() {
        var capital = uniqueCapital();
        var outsider = newCode();
        offers.updateProfile("test", profile(outsider, capital, "大型", "C3971"));
        var me = id("deptadmin");
        var automatic = policies.draft(
                me, form("不符合测试" + UUID.randomUUID().toString().substring(0, 8), true, "", TONGBAN_RULES));
        policies.publish(me, automatic);
        assertThatThrownBy(() -> offers.grant(me, automatic, List.of(TONGBAN, outsider)))
                .isInstanceOfSatisfying(
                        PolicyRefusedException.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        assertThat(offers.matches(me, automatic)).noneMatch(PolicyViews.Match::granted);
        assertThat(audited("POLICY_REFUSED", automatic.toString())).isEqualTo(1);

        // Applying: a policy with a service item that 王五's company does not match (it is not large).
        var applied = policies.draft(
                me,
                form(
                        "申请测试" + UUID.randomUUID().toString().substring(0, 8),
                        false,
                        "440100-SCJG-003",
                        "size == \"大型\"",
                        "大型企业",
                        "Large enterprise"));
        policies.publish(me, applied);
        assertThatThrownBy(() -> offers.apply(id("enterprise"), TONGBAN, applied))
                .isInstanceOfSatisfying(
                        PolicyRefusedException.class, e -> assertThat(e.kind()).isEqualTo(Refusal.Kind.FORBIDDEN));
        assertThat(audited("POLICY_REFUSED", applied.toString())).isEqualTo(1);
        var web = signedIn("enterprise");
        web.get("/business/policies");
        var refused = web.post("/business/policies/" + applied + "/apply", Map.of());
        assertThat(refused.location()).as(refused.status() + refused.body()).endsWith("/business/policies");
        assertThat(audited("POLICY_REFUSED", applied.toString())).isEqualTo(2);

        // One it matches opens the item's form in one step.
        var matching = policies.draft(
                me,
                form("可申请测试" + UUID.randomUUID().toString().substring(0, 8), false, "440100-SCJG-003", TONGBAN_RULES));
        policies.publish(me, matching);
        web.get("/business/policies");
        var opened = web.post("/business/policies/" + matching + "/apply", Map.of());
        assertThat(opened.location()).as(opened.status() + opened.body()).endsWith("/business/apply/440100-SCJG-003");
        var page = web.get("/business/policies");
        assertThat(page.body()).contains("apply-" + matching).doesNotContain("apply-" + applied);
    }

    @Test
    void anotherDepartmentCanNeitherPublishNorConfirm() {
        var me = id("deptadmin");
        var other = id("taxofficial");
        var policy = policies.draft(
                me, form("他部门测试" + UUID.randomUUID().toString().substring(0, 8), true, "", TONGBAN_RULES));
        assertThatThrownBy(() -> policies.publish(other, policy)).isInstanceOf(PolicyRefusedException.class);
        assertThat(audited("POLICY_REFUSED", policy.toString())).isEqualTo(1);
        policies.publish(me, policy);
        assertThatThrownBy(() -> offers.grant(other, policy, List.of(TONGBAN)))
                .isInstanceOf(PolicyRefusedException.class);
        assertThatThrownBy(() -> offers.matches(other, policy)).isInstanceOf(PolicyRefusedException.class);
        assertThat(offers.benefits(TONGBAN, Locale.CHINA))
                .noneMatch(b -> b.policyId().equals(policy));

        // An official without the permission does not reach the desk at all.
        assertThat(signedIn("official").get("/office/policies").status()).isEqualTo(403);
        assertThat(signedIn("enterprise").get("/office/policies").status()).isEqualTo(403);
        // A policy officer of another department: refused on the page too.
        var admin = signedIn("deptadmin");
        assertThat(admin.get("/office/policies/" + UUID.randomUUID()).status()).isEqualTo(404);
        // A published policy is no longer a draft: the form is drawn again with the refusal, not a 500.
        admin.get("/office/policies/" + policy);
        var revised = admin.post(
                "/office/policies/" + policy,
                form("改已发布", true, "", TONGBAN_RULES).toSingleValueMap());
        assertThat(revised.status()).isEqualTo(422);
        assertThat(revised.body()).contains("只有草稿可以修改或发布");
    }

    @Test
    void theApiListsTheCurrentEnterprisesPoliciesAndRefusesAnEnterpriseNotHeld() {
        var me = id("deptadmin");
        var title = "接口测试" + UUID.randomUUID().toString().substring(0, 8);
        policies.publish(me, policies.draft(me, form(title, false, "", TONGBAN_RULES)));
        var web = signedIn("enterprise");
        var mine = web.jsonWithHeader("GET", "/api/v1/business/policies", "", "X-Enterprise", TONGBAN);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body()).contains(title).contains("\"met\":true").contains("软件开发企业");
        var notHeld = web.jsonWithHeader(
                "GET", "/api/v1/business/policies", "", "X-Enterprise", PolicyFixtures.code("91440300MA5D00020"));
        assertThat(notHeld.status()).isEqualTo(404);
        assertThat(signedIn("citizen")
                        .json("GET", "/api/v1/business/policies", "")
                        .status())
                .isEqualTo(403);
    }
}
