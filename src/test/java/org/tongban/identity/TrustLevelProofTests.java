package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.WebClient;
import org.tongban.audit.AuditManagement;
import org.tongban.identity.internal.DemoFaceVerification;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.identity.internal.TrustLevelProof;
import org.tongban.notifications.DevelopmentOutbox;
import org.tongban.platform.FieldProtection;

/** Finding #5 (b): trust level 3 needs the population register and a face check, not only a name and ID number. */
class TrustLevelProofTests extends IntegrationTest {

    @Autowired
    Persons identity;

    @Autowired
    TrustLevelProof trustLevels;

    @Autowired
    Registration registration;

    @Autowired
    DevelopmentOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldProtection protection;

    @Autowired
    AuditManagement audit;

    @Test
    void knowingANameAndIdNumberThatTheRegisterHoldsNoLongerRaisesTheTrustLevel() {
        var idNumber = TestPeople.idNumber();
        var account = inRegister(idNumber, "冒名人");
        var web = new WebClient(BASE);
        web.signIn(idNumber, TestPeople.PASSWORD);
        web.get("/account");
        // What the page used to post: no face check at all.
        web.post("/account/verify", Map.of());
        assertThat(identity.profile(account).trustLevel()).isEqualTo(2);
        web.get("/account");
        web.post("/account/verify", Map.of("faceEvidence", DemoFaceVerification.FAIL));
        assertThat(identity.profile(account).trustLevel()).isEqualTo(2);
        assertThat(web.get("/account").body()).contains("实名核验未通过").contains("id=\"verify\"");
        assertThat(audit.recent(10, "TRUST_LEVEL_RAISED", account.toString()))
                .allSatisfy(e -> assertThat(e.result()).isEqualTo("FAILURE"))
                .anySatisfy(e -> assertThat(e.details()).contains("FACE_MISMATCH"));
    }

    @Test
    void theRegisterAndAPassedFaceCheckTogetherRaiseTheLevelToThree() {
        var idNumber = TestPeople.idNumber();
        var account = inRegister(idNumber, "本人");
        var web = new WebClient(BASE);
        web.signIn(idNumber, TestPeople.PASSWORD);
        var page = web.get("/account");
        assertThat(page.body()).contains("id=\"face-demo\"").contains("通过人口库核验实名");
        assertThat(web.post("/account/verify", Map.of("faceEvidence", DemoFaceVerification.PASS))
                        .location())
                .isEqualTo("/account");
        assertThat(identity.profile(account).trustLevel()).isEqualTo(3);
        assertThat(web.get("/account").body()).contains("实名核验通过").doesNotContain("id=\"verify\"");
    }

    @Test
    void aPassedFaceCheckWithoutTheRegisterMatchDoesNotRaiseTheLevel() {
        var account = TestRegistration.register(
                registration,
                outbox,
                new RegisterCitizen(TestPeople.idNumber(), "不在库", TestPeople.phone(), TestPeople.PASSWORD));
        assertThat(trustLevels.verifyIdentity(account, DemoFaceVerification.PASS))
                .isEqualTo(2);
        assertThat(audit.recent(5, "TRUST_LEVEL_RAISED", account.toString()))
                .anySatisfy(e -> assertThat(e.details()).contains("REGISTER_MISMATCH"));
    }

    @Test
    void theProductionProfileRefusesTheDemoFaceCheck() {
        var production = new StandardEnvironment();
        production.setActiveProfiles("production");
        assertThatThrownBy(() -> new DemoFaceVerification(production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("face-verification=provider");
        var development = new StandardEnvironment();
        assertThat(new DemoFaceVerification(development).demo()).isTrue();
        assertThat(trustLevels.demoFaceCheck()).isTrue();
    }

    private UUID inRegister(String idNumber, String name) {
        var account = TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, name, TestPeople.phone(), TestPeople.PASSWORD));
        jdbc.sql("insert into identity.population_register (id_number_idx, name) values (:idx, :name)")
                .param("idx", protection.blindIndex(idNumber, "identity.person.id_number"))
                .param("name", name)
                .update();
        return account;
    }
}
