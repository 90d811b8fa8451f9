package org.tongban.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.WebClient;
import org.tongban.platform.PlatformManagement;

/** 管运分离 and 三员: each console duty is refused to the other roles, on pages and on form posts. */
class SeparationOfDutiesTests extends IntegrationTest {

    @Autowired
    PlatformManagement platform;

    @Autowired
    ThemeManagement themes;

    @Test
    void theOperatorIsRefusedOnTheManagersContentPages() {
        var operator = signedIn("operator");
        var page = operator.get("/console/themes");
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.body()).contains("无权访问");
        operator.get("/console");
        int before = order("BIRTH");
        assertThat(operator.post("/console/themes", Map.of("code", "BIRTH", "sortOrder", "999", "visible", "true"))
                        .status())
                .isEqualTo(403);
        assertThat(order("BIRTH")).isEqualTo(before);
    }

    @Test
    void theManagerIsRefusedOnPlatformSettingsAndAccounts() {
        var manager = signedIn("manager");
        assertThat(manager.get("/console/platform/settings").status()).isEqualTo(403);
        assertThat(manager.get("/console/accounts").status()).isEqualTo(403);
        manager.get("/console");
        var before = platform.setting("support.hours").orElseThrow();
        assertThat(manager.post("/console/platform/settings", Map.of("key", "support.hours", "value", "never"))
                        .status())
                .isEqualTo(403);
        assertThat(platform.setting("support.hours")).contains(before);
    }

    @Test
    void theManagerChangesThemesAndTheOperatorChangesSettings() {
        var manager = signedIn("manager");
        manager.get("/console/themes");
        assertThat(manager.post("/console/themes", Map.of("code", "TRAVEL", "sortOrder", "75", "visible", "true"))
                        .location())
                .isEqualTo("/console/themes");
        assertThat(order("TRAVEL")).isEqualTo(75);

        var operator = signedIn("operator");
        operator.get("/console/platform/settings");
        assertThat(operator.post("/console/platform/settings", Map.of("key", "portal.notice", "value", "系统将于今晚维护"))
                        .location())
                .isEqualTo("/console/platform/settings");
        assertThat(new WebClient(BASE).get("/").body()).contains("系统将于今晚维护");
        operator.get("/console/platform/settings");
        operator.post("/console/platform/settings", Map.of("key", "portal.notice", "value", ""));
    }

    @Test
    void theOperatorCannotInventASetting() {
        var operator = signedIn("operator");
        operator.get("/console/platform/settings");
        operator.post("/console/platform/settings", Map.of("key", "catalog.items", "value", "x"));
        assertThat(platform.setting("catalog.items")).isEmpty();
    }

    @Test
    void theAuditorReadsTheTrailAndNothingElse() {
        var auditor = signedIn("auditor");
        assertThat(auditor.get("/console/audit").status()).isEqualTo(200);
        assertThat(auditor.get("/console/themes").status()).isEqualTo(403);
        assertThat(auditor.get("/console/platform/settings").status()).isEqualTo(403);
        assertThat(auditor.get("/console/accounts").status()).isEqualTo(403);
        assertThat(auditor.get("/office").status()).isEqualTo(403);
    }

    @Test
    void onlyTheAuditorReadsTheTrail() {
        assertThat(signedIn("operator").get("/console/audit").status()).isEqualTo(403);
        assertThat(signedIn("manager").get("/console/audit").status()).isEqualTo(403);
    }

    @Test
    void aCitizenIsRefusedOnTheOfficeAndTheConsole() {
        var citizen = signedIn("citizen");
        var office = citizen.get("/office");
        assertThat(office.status()).isEqualTo(403);
        assertThat(office.body()).contains("id=\"denied\"");
        assertThat(citizen.get("/console").status()).isEqualTo(403);
        assertThat(citizen.get("/business").status()).isEqualTo(403);
    }

    @Test
    void anOfficialIsRefusedOnTheCitizenChannel() {
        assertThat(signedIn("official").get("/citizen").status()).isEqualTo(403);
    }

    @Test
    void anonymousVisitorsAreSentToSignIn() {
        var web = new WebClient(BASE);
        assertThat(web.get("/").status()).isEqualTo(200);
        for (var path : new String[] {"/citizen", "/business", "/office", "/console", "/account", "/messages"}) {
            assertThat(web.get(path).location()).as(path).endsWith("/login");
        }
    }

    private int order(String code) {
        return themes.themes(true).stream()
                .filter(t -> t.code().equals(code))
                .findFirst()
                .orElseThrow()
                .sortOrder();
    }
}
