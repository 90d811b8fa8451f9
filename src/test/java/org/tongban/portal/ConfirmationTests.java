package org.tongban.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseManagement;
import org.tongban.cases.CaseStatus;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.identity.Persons;
import org.tongban.identity.Role;
import org.tongban.platform.PlatformCalendar;

/**
 * Issue 11, finding 4: an action that cannot be undone asks first. The first post answers the confirmation page
 * (its question, the same fields, "confirm" and "cancel") and changes nothing; only the post from that page acts.
 * A department admin cannot withdraw her own role: refused on the server, with a localized message.
 */
class ConfirmationTests extends IntegrationTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    Persons identity;

    @Autowired
    PlatformCalendar calendar;

    @Test
    void everyIrreversiblePagePostAsksFirstAndChangesNothing() {
        var citizen = signedIn("citizen");
        var me = id(citizen);
        var item = catalog.search(ItemSearch.of("无犯罪记录证明")).getFirst().code();
        var number = cases.submit(
                Applications.valid(cases, catalog, item, me, UUID.randomUUID().toString()));
        citizen.get("/citizen/cases/" + number);
        var asked = citizen.post("/citizen/cases/" + number + "/withdraw", Map.of("reason", "不需要了"));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body())
                .contains("撤回这份申请？", "不能撤销", "name=\"confirm\" value=\"yes\"", "不需要了")
                .contains("href=\"/citizen/cases/" + number + "\"");
        assertThat(cases.mine(number, me).status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(citizen.post("/citizen/cases/" + number + "/withdraw", Map.of("reason", "不需要了", "confirm", "yes"))
                        .status())
                .isEqualTo(302);
        assertThat(cases.mine(number, me).status()).isEqualTo(CaseStatus.WITHDRAWN);

        citizen.get("/account");
        assertThat(citizen.post("/account/sign-out-everywhere", Map.of()).body())
                .contains("退出全部设备？");
        assertThat(citizen.get("/account").status()).isEqualTo(200); // still signed in
        assertThat(citizen.post("/account/passkeys/delete", Map.of("credentialId", "x"))
                        .body())
                .contains("删除这个通行密钥？");

        var manager = signedIn("manager");
        var code = catalog.search(ItemSearch.of("居民身份证换领")).getFirst().code();
        manager.get("/console/catalog/" + code);
        assertThat(manager.post("/console/catalog/" + code + "/withdraw", Map.of())
                        .body())
                .contains("撤销这个事项？");
        assertThat(manager.post("/console/catalog/" + code + "/publish", Map.of())
                        .body())
                .contains("发布这个草稿？");
        assertThat(catalog.guide(code)).isPresent();
        var holiday = LocalDate.parse("2026-10-01");
        manager.get("/console/calendar");
        assertThat(manager.post("/console/calendar/remove", Map.of("day", holiday.toString()))
                        .body())
                .contains("把这一天恢复为平常日？");
        assertThat(calendar.isWorkingDay(holiday)).isFalse();

        var admin = signedIn("deptadmin");
        admin.get("/office/staff");
        var official = identity.profile(id(signedIn("official2"))).accountId();
        assertThat(admin.post("/office/staff/withdraw", Map.of("accountId", official.toString()))
                        .body())
                .contains("撤销这位工作人员的身份？");
        assertThat(identity.profile(official).roles()).contains(Role.OFFICIAL);

        // Asked for directly, the confirmation page has nothing to confirm.
        assertThat(citizen.get("/confirm").status()).isEqualTo(404);
    }

    @Test
    void aDepartmentAdminCannotWithdrawHerOwnRole() {
        var admin = signedIn("deptadmin");
        var me = id(admin);
        var page = admin.get("/office/staff");
        assertThat(page.body()).contains("本人");
        var refused = admin.post("/office/staff/withdraw", Map.of("accountId", me.toString(), "confirm", "yes"));
        assertThat(refused.location()).isEqualTo("/office/staff");
        assertThat(admin.get("/office/staff").body()).contains("不能撤销您自己的工作人员身份");
        assertThat(identity.profile(me).roles()).contains(Role.OFFICIAL, Role.DEPARTMENT_ADMIN);
        assertThat(admin.get("/office").status()).isEqualTo(200);
        admin.english().get("/office/staff");
        admin.post("/office/staff/withdraw", Map.of("accountId", me.toString(), "confirm", "yes"));
        assertThat(admin.get("/office/staff").body()).contains("You cannot withdraw your own role");
    }

    @Test
    void revokingALicenseAsksFirstButSuspendingDoesNotNeedTo() {
        var official = signedIn("official");
        var register = official.get("/office/licenses").body();
        var m = java.util.regex.Pattern.compile("href=\"/office/licenses/(?!new|granted|batch)([^\"/?]+)\"")
                .matcher(register);
        assertThat(m.find()).as("a license in the register").isTrue();
        var license = m.group(1);
        official.get("/office/licenses/" + license);
        var asked =
                official.post("/office/licenses/" + license + "/status", Map.of("action", "revoke", "reason", "测试"));
        assertThat(asked.status()).isEqualTo(200);
        assertThat(asked.body()).contains("吊销这份证照？", "name=\"action\" value=\"revoke\"");
        assertThat(official.get("/office/licenses/" + license).body()).doesNotContain("已吊销");
    }

    private static UUID id(org.tongban.WebClient web) {
        return UUID.fromString(
                web.json("GET", "/api/v1/me", null).body().replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }
}
