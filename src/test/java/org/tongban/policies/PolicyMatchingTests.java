package org.tongban.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.policies.PolicyFixtures.form;
import static org.tongban.policies.PolicyFixtures.newCode;
import static org.tongban.policies.PolicyFixtures.profile;
import static org.tongban.policies.PolicyFixtures.uniqueCapital;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.identity.internal.AccountStore;
import org.tongban.policies.internal.Policies;
import org.tongban.policies.internal.PolicyOffers;
import org.tongban.policies.internal.PolicyViews;

/**
 * Eligibility rules in CEL on real PostgreSQL: a rule that does not parse, names an unknown field or is not boolean
 * is refused on its field with the compiler's words and nothing is written; publishing matches every profile, with
 * the reasons and the near matches; a changed profile is matched again.
 */
class PolicyMatchingTests extends IntegrationTest {

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

    long policyCount() {
        return jdbc.sql("select count(*) from policies.policy")
                .query(Long.class)
                .single();
    }

    @Test
    void rulesThatDoNotCompileAreRefusedOnTheirFieldWithTheCompilersWords() {
        var before = policyCount();
        var bad = form(
                "规则错误" + UUID.randomUUID().toString().substring(0, 8),
                false,
                "",
                "capital >=",
                "注册资本",
                "Capital",
                "turnover > 5",
                "营业额",
                "Turnover",
                "capital + 1",
                "注册资本加一",
                "Capital plus one",
                "industry.startsWith(\"I\")",
                "",
                "IT");
        assertThatThrownBy(() -> policies.draft(id("deptadmin"), bad))
                .isInstanceOfSatisfying(InvalidPolicyException.class, e -> {
                    assertThat(e.fieldErrors())
                            .containsEntry("expression0", "policies.error.rule")
                            .containsEntry("expression1", "policies.error.rule")
                            .containsEntry("expression2", "policies.error.rule")
                            .containsEntry("wordingZh3", "policies.error.wording")
                            .doesNotContainKey("expression3");
                    assertThat(e.fieldArgs("expression0")[0].toString()).contains("column");
                    assertThat(e.fieldArgs("expression1")[0].toString()).contains("undeclared reference to 'turnover'");
                    assertThat(e.fieldArgs("expression2")[0].toString()).contains("bool");
                });
        assertThat(policyCount()).isEqualTo(before);
    }

    @Test
    void theFormShowsTheCompilersMessageOnTheFieldAndKeepsTheInput() {
        var web = signedIn("deptadmin");
        var title = "页面规则错误" + UUID.randomUUID().toString().substring(0, 8);
        var f = form(title, false, "", "turnover > 5", "营业额", "Turnover");
        var page = web.post("/office/policies", f.toSingleValueMap());
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("undeclared reference to &#39;turnover&#39;")
                .contains(title);
        assertThat(jdbc.sql("select count(*) from policies.policy where title_zh = :t")
                        .param("t", title)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void publishingMatchesWithReasonsAndNearMatchesAndAChangedProfileIsMatchedAgain() {
        var capital = uniqueCapital();
        var full = newCode();
        var near = newCode();
        offers.updateProfile("test", profile(full, capital, "小型", "I6513"));
        offers.updateProfile("test", profile(near, capital, "大型", "I6513"));
        var me = id("deptadmin");
        var title = "匹配测试" + UUID.randomUUID().toString().substring(0, 8);
        var policy = policies.draft(
                me,
                form(
                        title,
                        false,
                        "",
                        "capital == " + capital,
                        "注册资本符合",
                        "Capital fits",
                        "size in [\"微型\", \"小型\"]",
                        "小微企业",
                        "Small or micro",
                        "industry.startsWith(\"I\")",
                        "信息技术服务业",
                        "IT services"));
        assertThat(offers.offers(full, Locale.CHINA).matched()).noneMatch(o -> o.id().equals(policy));
        assertThat(policies.publish(me, policy)).isEqualTo(1);

        var matched = offer(full, policy, true);
        assertThat(matched.reasons())
                .extracting(PolicyViews.Reason::wording)
                .containsExactly("注册资本符合", "小微企业", "信息技术服务业");
        assertThat(matched.reasons()).allMatch(PolicyViews.Reason::met);
        var nearly = offer(near, policy, false);
        assertThat(nearly.reasons()).extracting(PolicyViews.Reason::met).containsExactly(true, false, true);
        assertThat(offers.offers(near, Locale.ENGLISH).nearlyMatched().stream()
                        .filter(o -> o.id().equals(policy))
                        .findFirst()
                        .orElseThrow()
                        .reasons())
                .extracting(PolicyViews.Reason::wording)
                .containsExactly("Capital fits", "Small or micro", "IT services");

        // The near one becomes small: it matches now; the full one changes industry: only near.
        offers.updateProfile("test", profile(near, capital, "小型", "I6513"));
        assertThat(offer(near, policy, true).reasons()).allMatch(PolicyViews.Reason::met);
        offers.updateProfile("test", profile(full, capital, "小型", "C3971"));
        assertThat(offer(full, policy, false).reasons())
                .extracting(PolicyViews.Reason::met)
                .containsExactly(true, true, false);
        // Two conditions unmet: neither matched nor nearly.
        offers.updateProfile("test", profile(full, capital, "大型", "C3971"));
        var offered = offers.offers(full, Locale.CHINA);
        assertThat(offered.matched()).noneMatch(o -> o.id().equals(policy));
        assertThat(offered.nearlyMatched()).noneMatch(o -> o.id().equals(policy));

        policies.withdraw(me, policy);
        assertThat(offers.offers(near, Locale.CHINA).matched()).noneMatch(o -> o.id().equals(policy));
    }

    PolicyViews.Offer offer(String code, UUID policy, boolean matched) {
        var offered = offers.offers(code, Locale.CHINA);
        return (matched ? offered.matched() : offered.nearlyMatched())
                .stream()
                        .filter(o -> o.id().equals(policy))
                        .findFirst()
                        .orElseThrow(() ->
                                new AssertionError("not " + (matched ? "matched" : "nearly matched") + ": " + offered));
    }
}
