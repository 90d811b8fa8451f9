package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.shared.CreditCode;

/**
 * Issue 12, part 2 (ADR 0030): the demo legal representative acts for two companies; the session holds the
 * current one, shown on every /business page and switched there; the API names it in the X-Enterprise header.
 * Grants are read on every request: one that ends stops at once.
 */
class CurrentEnterpriseTests extends IntegrationTest {

    static final String TECH = code("91440106MA5D00010");
    static final String FOOD = code("91440104MA5D00030");
    static final String OTHERS = code("91440300MA5D00020");

    @Autowired
    JdbcClient jdbc;

    static String code(String first17) {
        return first17 + CreditCode.checkChar(first17);
    }

    @Test
    void theCurrentEnterpriseIsShownOnEveryBusinessPageAndSwitched() {
        var web = signedIn("enterprise");
        var home = web.get("/business");
        assertThat(home.body()).contains("id=\"current-enterprise\"").contains("id=\"enterprise-switch\"");
        assertThat(currentCode(home.body())).isEqualTo(TECH);
        for (var page : new String[] {"/business/licenses", "/business/cases"}) {
            var body = web.get(page).body();
            assertThat(currentCode(body)).as(page).isEqualTo(TECH);
        }

        var switched = web.post("/business/enterprises/current", Map.of("code", FOOD));
        assertThat(switched.status()).isEqualTo(302);
        assertThat(currentCode(web.get("/business/cases").body())).isEqualTo(FOOD);
        assertThat(currentCode(web.get("/business").body())).isEqualTo(FOOD);

        // One the account does not act for is not found, and nothing changes.
        web.get("/business");
        assertThat(web.post("/business/enterprises/current", Map.of("code", OTHERS))
                        .status())
                .isEqualTo(404);
        assertThat(currentCode(web.get("/business").body())).isEqualTo(FOOD);
    }

    @Test
    void theApiNamesTheEnterpriseInTheHeader() {
        var web = signedIn("enterprise");
        web.get("/business");
        assertThat(web.get("/api/v1/business/enterprises").body())
                .contains(TECH)
                .contains(FOOD);
        var food = web.jsonWithHeader("GET", "/api/v1/business/enterprise", "", "X-Enterprise", FOOD);
        assertThat(food.status()).isEqualTo(200);
        assertThat(food.body()).contains(FOOD).contains("广州粤味示范餐饮管理有限公司");
        assertThat(web.jsonWithHeader("GET", "/api/v1/business/enterprise", "", "X-Enterprise", OTHERS)
                        .status())
                .isEqualTo(404);
        // Acting for two, the API must be told which.
        var none = web.get("/api/v1/business/enterprise");
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("X-Enterprise");
    }

    @Test
    void aGrantThatEndsStopsOnTheNextRequest() {
        var web = signedIn("enterprise");
        web.get("/business");
        web.post("/business/enterprises/current", Map.of("code", FOOD));
        assertThat(currentCode(web.get("/business").body())).isEqualTo(FOOD);
        var grant = jdbc.sql("""
                        select g.id from identity.enterprise_grant g join identity.enterprise e on e.id = g.enterprise_id
                         where e.credit_code = :c and g.status = 'ACTIVE'""").param("c", FOOD).query(java.util.UUID.class).single();
        jdbc.sql("update identity.enterprise_grant set status = 'REVOKED' where id = :id")
                .param("id", grant)
                .update();
        try {
            assertThat(currentCode(web.get("/business").body())).isEqualTo(TECH);
            assertThat(web.jsonWithHeader("GET", "/api/v1/business/enterprise", "", "X-Enterprise", FOOD)
                            .status())
                    .isEqualTo(404);
        } finally {
            jdbc.sql("update identity.enterprise_grant set status = 'ACTIVE' where id = :id")
                    .param("id", grant)
                    .update();
        }
    }

    private static String currentCode(String body) {
        var m = java.util.regex.Pattern.compile("id=\"current-enterprise-code\"[^>]*>([0-9A-Z]{18})<")
                .matcher(body);
        if (!m.find()) throw new AssertionError("no current enterprise on the page");
        return m.group(1);
    }
}
