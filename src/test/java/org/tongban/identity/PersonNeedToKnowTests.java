package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.audit.AuditManagement;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.identity.internal.StaffAppointments;

/**
 * Need-to-know (PIPL): an official reads another person only when the official's department has a case of that
 * person; otherwise 403, audited, and an unknown id answers the same way.
 */
public class PersonNeedToKnowTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.tongban.notifications.DevelopmentOutbox outbox;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    /** 个体工商户设立登记, led by 广州市市场监督管理局 where the demo official works. */
    static final String MARKET_ITEM = "440100-SCJG-002";

    @Autowired
    Persons identity;

    @Autowired
    StaffAppointments staff;

    @Autowired
    Registration registration;

    @Autowired
    CaseManagement cases;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    AuditManagement audit;

    public static String fileMarketCase(CaseManagement cases, CatalogManagement catalog, UUID applicant) {
        return cases.submit(Applications.valid(
                cases, catalog, MARKET_ITEM, applicant, UUID.randomUUID().toString()));
    }

    private UUID person(String name) {
        return org.tongban.TestRegistration.levelThree(context, TestPeople.idNumber(), name);
    }

    @Test
    void anOfficialWithoutACaseOfThePersonIsRefused() {
        var person = person("无件人");
        var official = signedIn("official");
        var read = official.json("GET", "/api/v1/persons/" + person + "?purpose=check", null);
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.body()).doesNotContain("无件人").contains("本部门没有该人员的办件");
        // A guessed id answers like a person without a case: no hint of whether the account exists.
        assertThat(official.json("GET", "/api/v1/persons/" + UUID.randomUUID() + "?purpose=check", null)
                        .status())
                .isEqualTo(403);
        Awaitility.await()
                .untilAsserted(() -> assertThat(audit.recent(100, "PERSONAL_DATA_READ", null))
                        .anySatisfy(e -> {
                            assertThat(e.subject()).isEqualTo(person.toString());
                            assertThat(e.result()).isEqualTo("FAILURE");
                            assertThat(e.details()).contains("NO_CASE");
                        }));
    }

    @Test
    void anOfficialOfTheDepartmentWithTheCaseReadsAndAnotherDepartmentIsRefused() {
        var person = person("有件人");
        fileMarketCase(cases, catalog, person);
        var read = signedIn("official").json("GET", "/api/v1/persons/" + person + "?purpose=check", null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("有件人");
        assertThat(signedIn("police")
                        .json("GET", "/api/v1/persons/" + person + "?purpose=check", null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aWithdrawnOfficialNoLongerReadsThePeopleOfTheDepartmentsCases() {
        var person = person("旧件人");
        fileMarketCase(cases, catalog, person);
        var idNumber = TestPeople.idNumber();
        var former = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "离任干部", TestPeople.phone(), TestPeople.PASSWORD));
        var admin = identity.profile(UUID.fromString(signedIn("deptadmin")
                        .json("GET", "/api/v1/me", null)
                        .body()
                        .replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1")))
                .accountId();
        staff.appointOfficial(
                admin, idNumber, "GZ-N-" + UUID.randomUUID().toString().substring(0, 8), "科员");
        assertThat(identity.readPerson(person, former, "check")).isPresent();
        staff.withdrawOfficial(admin, former);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> identity.readPerson(person, former, "check"))
                .isInstanceOf(PersonReadRefusedException.class);
    }
}
