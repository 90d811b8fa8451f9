package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.WebClient;
import org.tongban.audit.AuditManagement;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.identity.internal.StaffAppointments;

/** The department admin appoints and withdraws officials of their own department, and nothing beyond it. */
class DepartmentStaffTests extends IntegrationTest {

    @Autowired
    Persons identity;

    @Autowired
    StaffAppointments staff;

    @Autowired
    Registration registration;

    @Autowired
    org.tongban.notifications.DevelopmentOutbox outbox;

    @Autowired
    AuditManagement audit;

    @Test
    void theDepartmentAdminAppointsAndWithdrawsAnOfficial() {
        var idNumber = TestPeople.idNumber();
        var account = TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "新干部", TestPeople.phone(), TestPeople.PASSWORD));
        var admin = signedIn("deptadmin");
        admin.get("/office/staff");
        var staffNo = "GZ-T-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/office/staff", Map.of("identifier", idNumber, "staffNo", staffNo, "post", "科员"))
                        .location())
                .isEqualTo("/office/staff?appointed");
        var profile = identity.profile(account);
        assertThat(profile.roles()).contains(Role.OFFICIAL);
        assertThat(profile.official()).isNotNull();
        assertThat(profile.official().orgUnitCode()).isEqualTo("440100-SCJG");
        assertThat(admin.get("/office/staff").body()).contains(staffNo);

        admin.get("/office/staff");
        assertThat(admin.post("/office/staff/withdraw", Map.of("accountId", account.toString(), "confirm", "yes"))
                        .location())
                .isEqualTo("/office/staff");
        assertThat(identity.profile(account).roles()).doesNotContain(Role.OFFICIAL);
        Awaitility.await()
                .untilAsserted(() -> assertThat(audit.recent(50, null, null))
                        .filteredOn(e -> e.subject().equals(account.toString()))
                        .extracting(e -> e.code())
                        .contains("ROLE_GRANTED", "ROLE_REVOKED"));
    }

    @Test
    void badInputIsShownNextToTheFields() {
        var admin = signedIn("deptadmin");
        admin.get("/office/staff");
        var page = admin.post(
                "/office/staff", Map.of("identifier", "nobody-" + UUID.randomUUID(), "staffNo", "x", "post", ""));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("没有找到该账号").contains("工号为 2 到 32 位").contains("请填写职务");
    }

    @Test
    void aDepartmentAdminCannotWithdrawSomeoneOfAnotherDepartment() {
        var manager = identity.profile(UUID.fromString(signedInId("manager"))).accountId();
        var admin = signedIn("deptadmin");
        admin.get("/office/staff");
        admin.post("/office/staff/withdraw", Map.of("accountId", manager.toString(), "confirm", "yes"));
        assertThat(identity.profile(manager).roles()).contains(Role.GOVERNMENT_MANAGER);
        assertThat(staff.withdrawOfficial(
                        identity.profile(UUID.fromString(signedInId("deptadmin")))
                                .accountId(),
                        manager))
                .isFalse();
    }

    @Test
    void anOfficialWhoIsNotAdminIsRefused() {
        var official = signedIn("official");
        assertThat(official.get("/office/staff").status()).isEqualTo(403);
        official.get("/office");
        assertThat(official.post("/office/staff", Map.of("identifier", "citizen", "staffNo", "GZ-X-1", "post", "科员"))
                        .status())
                .isEqualTo(403);
        assertThat(identity.profile(UUID.fromString(signedInId("citizen"))).roles())
                .doesNotContain(Role.OFFICIAL);
    }

    @Test
    void theOfficePageShowsTheStaffLinkOnlyToTheAdmin() {
        assertThat(signedIn("deptadmin").get("/office").body()).contains("id=\"staff-link\"");
        assertThat(signedIn("official").get("/office").body()).doesNotContain("id=\"staff-link\"");
    }

    @Test
    void anAccountHoldingAConsoleRoleIsNotAppointed() {
        var admin = signedIn("deptadmin");
        for (var login : java.util.List.of("auditor", "manager", "operator")) {
            var account = UUID.fromString(signedInId(login));
            var before = identity.profile(account).roles();
            admin.get("/office/staff");
            var page =
                    admin.post("/office/staff", Map.of("identifier", login, "staffNo", "GZ-C-" + login, "post", "科员"));
            assertThat(page.status()).isEqualTo(422);
            assertThat(page.body()).contains("不能同时任命为工作人员").contains("value=\"" + login + "\"");
            assertThat(identity.profile(account).roles()).isEqualTo(before).doesNotContain(Role.OFFICIAL);
            Awaitility.await()
                    .untilAsserted(() -> assertThat(audit.recent(100, "ROLE_GRANTED", null))
                            .anySatisfy(e -> {
                                assertThat(e.subject()).isEqualTo(account.toString());
                                assertThat(e.result()).isEqualTo("FAILURE");
                            }));
        }
        assertThat(signedIn("auditor").get("/office/inbox").status()).isEqualTo(403);
    }

    @Test
    void anOfficialOfAnotherDepartmentIsNotMovedIntoThisOne() {
        var tax = UUID.fromString(signedInId("taxofficial"));
        var admin = signedIn("deptadmin");
        admin.get("/office/staff");
        var page = admin.post(
                "/office/staff", Map.of("identifier", "taxofficial", "staffNo", "GZ-SCJG-9001", "post", "科员"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("须由该部门先撤销其任职");
        var post = identity.profile(tax).official();
        assertThat(post).isNotNull();
        assertThat(post.orgUnitCode()).isEqualTo("440100-SW");
        assertThat(post.staffNo()).isEqualTo("GZ-SW-0001");
        Awaitility.await()
                .untilAsserted(() -> assertThat(audit.recent(100, "ROLE_GRANTED", null))
                        .anySatisfy(e -> assertThat(e.subject()).isEqualTo(tax.toString())));
    }

    @Test
    void aWithdrawnOfficialLosesTheOfficeOnTheNextRequestWithoutSigningOut() {
        var idNumber = TestPeople.idNumber();
        var account = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "临时干部", TestPeople.phone(), TestPeople.PASSWORD));
        var official = new WebClient(BASE);
        assertThat(official.signIn(idNumber, TestPeople.PASSWORD).location()).isEqualTo("/home");
        assertThat(official.get("/office/inbox").status()).isEqualTo(403);

        // Signed in as a citizen before the appointment: the office opens on the next request.
        var admin = signedIn("deptadmin");
        admin.get("/office/staff");
        var staffNo = "GZ-W-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/office/staff", Map.of("identifier", idNumber, "staffNo", staffNo, "post", "科员"))
                        .status())
                .isEqualTo(302);
        // The role takes effect on the next request: an official's duties ask for the second factor first (ADR 0010).
        assertThat(official.get("/office/inbox").location()).startsWith("/login/second-factor");
        official.completeSecondFactor(idNumber);
        assertThat(official.get("/office/inbox").status()).isEqualTo(200);
        assertThat(official.json("GET", "/api/v1/office/inbox", null).status()).isEqualTo(200);

        admin.get("/office/staff");
        admin.post("/office/staff/withdraw", Map.of("accountId", account.toString(), "confirm", "yes"));
        assertThat(official.get("/office/inbox").status()).isEqualTo(403);
        assertThat(official.json("GET", "/api/v1/office/inbox", null).status()).isEqualTo(403);
        assertThat(official.get("/citizen").status()).isEqualTo(200);
        assertThat(identity.profile(account).official()).isNull();
    }

    private static String signedInId(String login) {
        var web = signedIn(login);
        var me = web.json("GET", "/api/v1/me", null).body();
        return me.replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1");
    }
}
