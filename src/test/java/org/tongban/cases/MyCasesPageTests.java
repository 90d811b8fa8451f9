package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.WebClient;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * The applicant's own pages: 我的办件 with the saved drafts above the cases (each with when it was saved and a link to
 * resume it), the case page, and case messages that lead to their case.
 */
class MyCasesPageTests extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    CaseManagement cases;

    @Autowired
    org.tongban.notifications.NotificationManagement notifications;

    private UUID lastAccount;

    private WebClient newcomer() {
        var id = TestPeople.idNumber();
        lastAccount = TestRegistration.levelThree(context, id, "草稿人");
        var web = new WebClient(BASE);
        web.signIn(id, TestPeople.PASSWORD);
        return web;
    }

    @Test
    void theWithdrawalReasonIsLabelledAsSuch() {
        var web = newcomer();
        var item = catalog.search(ItemSearch.of("无犯罪记录证明")).getFirst().code();
        var number = cases.submit(Applications.valid(
                cases, catalog, item, lastAccount, UUID.randomUUID().toString()));
        web.get("/citizen/cases/" + number);
        web.post("/citizen/cases/" + number + "/withdraw", Map.of("reason", "不需要了", "confirm", "yes"));
        var page = web.get("/citizen/cases/" + number).body();
        assertThat(page)
                .contains("已撤回")
                .contains("不需要了")
                .contains("id=\"opinion-label\">撤回原因</dt>")
                .doesNotContain("决定理由");
    }

    @Test
    void aSavedDraftIsListedWithItsItemAndALinkToResumeIt() {
        var item = catalog.search(ItemSearch.of("无犯罪记录证明")).getFirst().code();
        var web = newcomer();
        assertThat(web.get("/citizen/cases").body()).contains("您还没有办件");

        web.get("/citizen/apply/" + item);
        web.post("/citizen/apply/" + item, Map.of("_action", "save", "receivingUnit", "墨尔本大学"));

        var page = web.get("/citizen/cases").body();
        assertThat(page)
                .doesNotContain("您还没有办件")
                .contains("id=\"drafts\"")
                .contains("无犯罪记录证明")
                .contains("上次保存于")
                .contains("href=\"/citizen/apply/" + item + "\"");
        // The draft is the applicant's own: another person's list does not show it.
        assertThat(newcomer().get("/citizen/cases").body()).contains("您还没有办件").doesNotContain("id=\"drafts\"");
    }

    @Test
    void aMessageAboutACaseLinksToTheCasePage() {
        var web = newcomer();
        var item = catalog.search(ItemSearch.of("无犯罪记录证明")).getFirst().code();
        var number = cases.submit(Applications.valid(
                cases, catalog, item, lastAccount, UUID.randomUUID().toString()));
        var page = web.get("/messages").body();
        assertThat(page).contains("href=\"/citizen/cases/" + number + "\"");
    }

    @Test
    void theBusinessChannelListsTheDraftsOfItsItems() {
        var item = catalog.search(ItemSearch.of("食品经营许可变更")).getFirst().code();
        var web = signedIn("enterprise");
        assertThat(web.get("/business/apply/" + item).status()).isEqualTo(200);
        web.post("/business/apply/" + item, Map.of("_action", "save"));
        assertThat(web.get("/business/cases").body())
                .contains("id=\"drafts\"")
                .contains("食品经营许可变更")
                .contains("href=\"/business/apply/" + item + "\"");
        // An item of the enterprise channel only is not a draft of the citizen channel.
        assertThat(web.get("/citizen/cases").body()).doesNotContain("href=\"/business/apply/" + item + "\"");
    }

    @Test
    void aRatingMessageLinksToTheRatingPage() {
        var web = newcomer();
        notifications.send(org.tongban.notifications.SendNotification.inApp(
                lastAccount, "ratings.message.invite", "440100-XX-001-20261202-0001"));
        assertThat(web.get("/messages").body()).contains("href=\"/ratings/cases/440100-XX-001-20261202-0001\"");
    }
}
