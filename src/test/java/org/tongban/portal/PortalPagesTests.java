package org.tongban.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongban.IntegrationTest;
import org.tongban.WebClient;

class PortalPagesTests extends IntegrationTest {

    @Test
    void thePortalSpeaksChineseByDefaultAndEnglishOnRequest() {
        var web = new WebClient(BASE);
        var zh = web.get("/");
        assertThat(zh.body()).contains("lang=\"zh-CN\"").contains("一网通办").contains("出生");
        var en = web.get("/?lang=en");
        assertThat(en.body())
                .contains("lang=\"en\"")
                .contains("All government services, online")
                .contains("Birth");
        // The choice is remembered.
        assertThat(web.get("/").body()).contains("lang=\"en\"");
    }

    @Test
    void theElderlyModeIsRememberedForAnAnonymousVisitor() {
        var web = new WebClient(BASE);
        assertThat(web.get("/").body()).doesNotContain("class=\"elderly\"");
        web.post("/preferences/elderly", Map.of("on", "true"));
        assertThat(web.get("/").body()).contains("class=\"elderly\"");
        web.get("/");
        web.post("/preferences/elderly", Map.of("on", "false"));
        assertThat(web.get("/").body()).doesNotContain("class=\"elderly\"");
    }

    @Test
    void theElderlyModeIsRememberedOnTheAccount() {
        var first = new WebClient(BASE);
        first.signIn("citizen2", DEMO_PASSWORD);
        first.get("/citizen");
        first.post("/preferences/elderly", Map.of("on", "true"));
        // A new device, with no cookie: the account's choice applies once signed in.
        var second = new WebClient(BASE);
        second.signIn("citizen2", DEMO_PASSWORD);
        assertThat(second.get("/citizen").body()).contains("class=\"elderly\"");
        second.get("/citizen");
        second.post("/preferences/elderly", Map.of("on", "false"));
        assertThat(second.get("/citizen").body()).doesNotContain("class=\"elderly\"");
    }

    @Test
    void anUnknownPageIsAFriendly404WithoutAStackTrace() {
        var web = new WebClient(BASE);
        web.signIn("citizen", DEMO_PASSWORD);
        var page = web.get("/no-such-page");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).contains("页面不存在").doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void theToggleReturnsOnlyToPagesOfThisSite() {
        var web = new WebClient(BASE);
        web.get("/");
        var page = web.post("/preferences/elderly", Map.of("on", "true"));
        assertThat(page.location()).isEqualTo("/");
    }
}
