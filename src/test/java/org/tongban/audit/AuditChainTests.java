package org.tongban.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.WebClient;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;

class AuditChainTests extends IntegrationTest {

    @Autowired
    AuditManagement audit;

    @Autowired
    Registration registration;

    @Autowired
    org.tongban.notifications.DevelopmentOutbox outbox;

    @Test
    void registrationSignInAndFailuresReachTheTrail() {
        var idNumber = TestPeople.idNumber();
        var account = TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "审计人", TestPeople.phone(), TestPeople.PASSWORD));
        new WebClient(BASE).signIn(idNumber, "Wrong#Password9");
        new WebClient(BASE).signIn(idNumber, TestPeople.PASSWORD);
        Awaitility.await().untilAsserted(() -> {
            var mine = audit.recent(50, null, null).stream()
                    .filter(e -> e.subject().equals(account.toString()))
                    .toList();
            assertThat(mine)
                    .extracting(AuditEntryView::code)
                    .contains("ACCOUNT_REGISTERED", "SIGN_IN_FAILED", "SIGN_IN_SUCCEEDED");
            assertThat(mine)
                    .filteredOn(e -> e.code().equals("ACCOUNT_REGISTERED"))
                    .allSatisfy(e -> assertThat(e.details()).doesNotContain(idNumber));
        });
    }

    @Test
    void onlyTheAuditorMayVerifyThroughTheApi() {
        var auditor = new WebClient(BASE);
        auditor.signIn("auditor", DEMO_PASSWORD);
        var verified = auditor.json("GET", "/api/v1/audit/verify", null);
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body()).contains("\"intact\":true");

        var operator = new WebClient(BASE);
        operator.signIn("operator", DEMO_PASSWORD);
        assertThat(operator.json("GET", "/api/v1/audit/verify", null).status()).isEqualTo(403);
    }

    @Test
    void theChainStaysLinearUnderConcurrentAppends() throws Exception {
        var threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 10; i++) {
                    audit.recordNow(new TestAudited("chain"));
                }
            });
        }
        for (var thread : threads) thread.join();
        assertThat(audit.verify().intact()).isTrue();
    }
}
