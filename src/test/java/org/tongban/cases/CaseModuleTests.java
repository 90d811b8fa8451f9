package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.internal.AccountStore;

/**
 * The cases module on its own with the modules it needs (catalog, workflow, identity, platform, notifications and,
 * through platform, audit), without licenses, ratings, the portal or sso: filing announces the case, and the case
 * refuses a transition its state does not allow through the same use cases the pages and the API call.
 */
// All dependencies, not only the direct ones: platform's rate limits, which identity uses, record to audit.
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
// A context of its own beside the whole platform's: a small pool, closed after the class, so that the two do not
// hold the database's connections between them for the rest of the run.
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=6")
@DirtiesContext
class CaseModuleTests {

    /** 无犯罪记录证明 of 广州市公安局: a person item, handled by the demo official {@code police}. */
    static final String ITEM = "440100-GA-005";

    private final CaseManagement cases;
    private final CaseHandling handling;
    private final CatalogManagement catalog;
    private final AccountStore accounts;
    private final ApplicationContext context;

    CaseModuleTests(
            CaseManagement cases,
            CaseHandling handling,
            CatalogManagement catalog,
            AccountStore accounts,
            ApplicationContext context) {
        this.cases = cases;
        this.handling = handling;
        this.catalog = catalog;
        this.accounts = accounts;
        this.context = context;
    }

    @Test
    void submittingAnnouncesTheCase(Scenario scenario) {
        var applicant = Applications.citizen(context);
        var application = Applications.valid(
                cases, catalog, ITEM, applicant, UUID.randomUUID().toString());
        scenario.stimulate(() -> cases.submit(application))
                .andWaitForEventOfType(CaseSubmitted.class)
                .matching(e -> e.applicant().equals(applicant))
                .toArriveAndVerify((event, number) -> {
                    assertThat(event.number()).isEqualTo(number);
                    assertThat(event.itemCode()).isEqualTo(ITEM);
                });
    }

    @Test
    void theCaseRefusesAWrongTransitionAndStaysAsItWas() {
        var applicant = Applications.citizen(context);
        var number = cases.submit(Applications.valid(
                cases, catalog, ITEM, applicant, UUID.randomUUID().toString()));
        var police = accounts.findByIdentifier("police").orElseThrow().id();

        // A decision at the acceptance step, and a refusal without its reasons.
        refused(() -> handling.act(police, number, CaseAction.APPROVE, "准予"), "cases.error.actionNotAllowed");
        refused(() -> handling.act(police, number, CaseAction.REFUSE, " "), "cases.error.opinionRequired");
        assertThat(cases.mine(number, applicant).status()).isEqualTo(CaseStatus.SUBMITTED);

        assertThat(handling.act(police, number, CaseAction.ACCEPT, "材料齐全")).isEqualTo(CaseStatus.ACCEPTED);
        // Once accepted, the applicant may no longer withdraw.
        refused(() -> cases.withdraw(number, applicant, "不需要了"), "cases.error.notWithdrawable");
        var view = cases.mine(number, applicant);
        assertThat(view.status()).isEqualTo(CaseStatus.ACCEPTED);
        assertThat(view.concludedAt()).isNull();
    }

    private static void refused(Runnable transition, String key) {
        assertThatThrownBy(transition::run)
                .isInstanceOfSatisfying(
                        CaseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
