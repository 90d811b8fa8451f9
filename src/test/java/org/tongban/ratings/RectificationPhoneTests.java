package org.tongban.ratings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * Issue 11, finding 9: the rectification page gives the officials of the department the rater's phone for the
 * follow-up call (回访), only for that rectification, and every reveal is on the audit trail; another department's
 * official gets nothing.
 */
class RectificationPhoneTests extends IntegrationTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    RatingManagement ratings;

    @Autowired
    RectificationContacts contacts;

    @Autowired
    JdbcClient jdbc;

    private static UUID accountOf(String login) {
        var me = signedIn(login).json("GET", "/api/v1/me", null).body();
        return UUID.fromString(me.replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }

    private UUID badlyRatedRectification(UUID citizen) {
        var item = catalog.search(ItemSearch.of("个体工商户设立登记")).getFirst().code();
        var number = cases.submit(Applications.valid(
                cases, catalog, item, citizen, UUID.randomUUID().toString()));
        var official = accountOf("official");
        handling.act(official, number, CaseAction.ACCEPT, "材料齐全");
        handling.act(official, number, CaseAction.REVIEWED, "");
        handling.act(accountOf("official2"), number, CaseAction.APPROVE, "准予");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .ignoreExceptions()
                .until(() -> ratings.view(number, citizen) != null);
        ratings.rate(new RateCase(number, citizen, 1, 1, 2, 2, 1, 2, "没人告诉我要带原件"));
        return ratings.openRectifications(official).stream()
                .filter(r -> r.caseNumber().equals(number))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private long phoneReads(UUID reader, UUID target) {
        return jdbc.sql("""
                        select count(*) from audit.audit_event where code like '%PERSONAL_DATA_READ' and actor = :a
                           and subject = :o and details like '%rectification%'""")
                .param("a", reader.toString())
                .param("o", target.toString())
                .query(Long.class)
                .single();
    }

    @Test
    void theDepartmentsOfficialSeesTheRatersPhoneOnAskingAndTheRevealIsAudited() {
        var citizen = accountOf("citizen"); // 张三, 13800138001
        var id = badlyRatedRectification(citizen);
        var official = signedIn("official");
        var page = official.get("/office/rectifications/" + id);
        assertThat(page.status()).isEqualTo(200);
        // Not on the page before the official asks for it: reading it is a reveal of personal data.
        assertThat(page.body()).contains("show-phone").doesNotContain("13800138001");
        var before = phoneReads(accountOf("official"), citizen);

        var shown = official.post("/office/rectifications/" + id + "/phone", Map.of());
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.body()).contains("tel:13800138001").contains("13800138001");
        assertThat(phoneReads(accountOf("official"), citizen)).isEqualTo(before + 1);
    }

    @Test
    void anotherDepartmentsOfficialGetsNoPhone() {
        var citizen = accountOf("citizen");
        var id = badlyRatedRectification(citizen);
        var tax = accountOf("taxofficial");
        assertThatThrownBy(() -> contacts.raterPhone(tax, id)).isInstanceOf(RatingNotFoundException.class);
        assertThat(signedIn("taxofficial")
                        .post("/office/rectifications/" + id + "/phone", Map.of())
                        .body())
                .doesNotContain("13800138001");
        assertThat(signedIn("manager")
                        .post("/office/rectifications/" + id + "/phone", Map.of())
                        .status())
                .isEqualTo(403);
    }
}
