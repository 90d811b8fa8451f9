package org.tongban.healthcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.identity.FamilySteps;
import org.tongban.identity.PasskeyPeople;
import org.tongban.identity.PasskeyPeople.Person;
import org.tongban.platform.FieldProtection;

/**
 * Health codes of one's family (ADR 0042 addendum, ADR 0043): a relative whom a parent authorised with the scope 健康码
 * sees the parent's code (read through the exchange for the relative, which the parent sees on /citizen/data) and
 * prints the parent's offline card; another person, a grant without 健康码 and a revoked grant find nothing (404,
 * audited).
 */
class FamilyHealthCodeTests extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldProtection protection;

    private Person person(String name) throws Exception {
        return PasskeyPeople.person(context, BASE, name);
    }

    private void closeContact(Person p, int daysAgo) {
        jdbc.sql("""
                insert into src_health.exposure (subject_idx, kind, exposed_on, place) values (:i, 'CLOSE_CONTACT', :on, '测试商场')""")
                .param("i", protection.blindIndex(p.idNumber(), "exchange.subject"))
                .param("on", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(daysAgo))
                .update();
    }

    private long refused(UUID actor, String grant) {
        return jdbc.sql("""
                        select count(*) from audit.audit_event where code = 'HEALTHCODE_REFUSED' and actor = :a
                           and subject = :s and details like '%NOT_FAMILY%'""")
                .param("a", actor.toString())
                .param("s", grant)
                .query(Long.class)
                .single();
    }

    @Test
    void aRelativeAuthorisedForTheHealthCodeSeesTheParentsCodeAndPrintsTheParentsCard() throws Exception {
        var mother = person("健康母");
        var son = person("健康子");
        closeContact(mother, 2);
        var grant = FamilySteps.inForce(mother, son, List.of("HEALTH_CODE"));

        // The son's own health code page lists his mother's code; her code is yellow, with its reason.
        var own = son.web().get("/citizen/healthcode");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.body()).contains("家人的健康码").contains("/citizen/healthcode/family/" + grant);
        var page = son.web().get("/citizen/healthcode/family/" + grant);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        // 母亲 or 父亲 as the random ID number's sex has it: the relation is named in words.
        assertThat(page.body()).containsPattern("(母亲|父亲) 健").contains("黄码").contains("密接");
        var api = son.web().json("GET", "/api/v1/citizen/healthcode/family/" + grant, null);
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(api.body()).contains("\"status\":\"YELLOW\"").containsPattern("\"relation\":\"(母亲|父亲)\"");
        assertThat(son.web()
                        .json("GET", "/api/v1/citizen/healthcode/family", null)
                        .body())
                .contains(grant);

        // The read is in the mother's data use record, naming the son.
        var reads = jdbc.sql("""
                        select count(*) from exchange.call_log where client_id = 'platform:healthcode'
                           and subject_idx = :i and purpose like '亲友代为查看健康码%健康子%'""")
                .param("i", protection.blindIndex(mother.idNumber(), "exchange.subject"))
                .query(Long.class)
                .single();
        assertThat(reads).isGreaterThanOrEqualTo(1);
        assertThat(mother.web().get("/citizen/data").body()).contains("亲友代为查看健康码");

        // The son prints her offline card: it is hers (she sees it), and he reads it while the grant lasts.
        son.web().get("/citizen/healthcode/family/" + grant);
        var printed = son.web().post("/citizen/healthcode/family/" + grant + "/cards", Map.of());
        assertThat(printed.status()).as(printed.body()).isEqualTo(302);
        var card = printed.location();
        assertThat(son.web().get(card).status()).isEqualTo(200);
        assertThat(son.web().get(card + "/pdf").body()).startsWith("%PDF");
        assertThat(mother.web().get(card).status()).isEqualTo(200);
        assertThat(mother.web().get("/citizen/healthcode").body()).contains(card);
    }

    @Test
    void anotherPersonAGrantWithoutTheHealthCodeAndARevokedGrantFindNothing() throws Exception {
        var mother = person("健康母乙");
        var son = person("健康子乙");
        var stranger = person("健康路人");
        var cases = FamilySteps.inForce(mother, son, List.of("CASES"));
        var health = FamilySteps.inForce(mother, son, List.of("HEALTH_CODE"));

        // A grant that does not cover the health code: not listed, not found, audited.
        assertThat(son.web().get("/citizen/healthcode").body())
                .contains("/citizen/healthcode/family/" + health)
                .doesNotContain("/citizen/healthcode/family/" + cases);
        assertThat(son.web().get("/citizen/healthcode/family/" + cases).status())
                .isEqualTo(404);
        assertThat(refused(son.account(), cases)).isEqualTo(1);
        // Another person with the son's grant id: not found, on the page, the API and printing.
        assertThat(stranger.web().get("/citizen/healthcode/family/" + health).status())
                .isEqualTo(404);
        assertThat(stranger.web()
                        .json("GET", "/api/v1/citizen/healthcode/family/" + health, null)
                        .status())
                .isEqualTo(404);
        stranger.web().get("/citizen/healthcode");
        assertThat(stranger.web()
                        .post("/citizen/healthcode/family/" + health + "/cards", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(refused(stranger.account(), health)).isGreaterThanOrEqualTo(2);

        // A card the son printed for her, then the grant revoked: the code and the card are out of his reach.
        son.web().get("/citizen/healthcode/family/" + health);
        var card = son.web()
                .post("/citizen/healthcode/family/" + health + "/cards", Map.of())
                .location();
        assertThat(son.web().get(card).status()).isEqualTo(200);
        mother.web().get("/citizen/family/" + health);
        assertThat(mother.web()
                        .post("/citizen/family/" + health + "/revoke", Map.of("confirm", "yes"))
                        .status())
                .isEqualTo(302);
        assertThat(son.web().get("/citizen/healthcode/family/" + health).status())
                .isEqualTo(404);
        assertThat(son.web().get(card).status()).isEqualTo(404);
        assertThat(mother.web().get(card).status()).isEqualTo(200);
    }
}
