package org.tongban.licenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.tongban.cases.CaseHandling;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.internal.AccountStore;
import org.tongban.licenses.internal.IssueLicense;
import org.tongban.licenses.internal.LicenseIssuance;
import org.tongban.licenses.internal.LicenseManagement;

/**
 * The licenses module on its own (a Modulith slice): issuing announces the license, and the license refuses a status
 * change its state does not allow. Without cases, catalog and workflow (mocked: nothing here files a case or reads
 * the catalogue), so no process engine starts; with identity, platform, audit and notifications, which the module
 * needs for real: the issuing official and departments, field encryption, and the audit trail of refusals. Identity's
 * demo data seed as in the whole platform, so that the license seeds of this slice match those of a later full start
 * on the same database.
 */
@ApplicationModuleTest(extraIncludes = {"identity", "platform", "audit", "notifications"})
@ActiveProfiles("test")
// Publications left open by another context on the shared test database are for listeners this slice lacks; and the
// slice is a second context beside the whole platform's in the same run, so it keeps few connections and closes after.
@TestPropertySource(
        properties = {
            "spring.modulith.events.republish-outstanding-events-on-restart=false",
            "spring.datasource.hikari.maximum-pool-size=5",
            // Flowable's auto-configuration would start the engine whatever module is tested; without the workflow
            // module's migrations it has no schema of its own and failed on a database no whole platform had
            // migrated first (the order of test classes decided it), as ModuleSliceTest explains.
            "flowable.process.enabled=false",
            "flowable.idm.enabled=false",
            "flowable.eventregistry.enabled=false"
        })
@DirtiesContext
class LicensesModuleTests {

    @MockitoBean
    CaseHandling cases;

    @MockitoBean
    CatalogManagement catalog;

    private final LicenseIssuance issuance;
    private final LicenseManagement management;
    private final AccountStore accounts;

    LicensesModuleTests(LicenseIssuance issuance, LicenseManagement management, AccountStore accounts) {
        this.issuance = issuance;
        this.management = management;
        this.accounts = accounts;
    }

    /** The demo official of 广州市市场监督管理局, which issues business licenses. */
    private UUID official() {
        return accounts.findByIdentifier("official").orElseThrow().id();
    }

    private static IssueLicense businessLicense(String creditCode) {
        return new IssueLicense(
                "BUSINESS_LICENCE",
                "广州切片测试科技有限公司",
                creditCode,
                Map.of(
                        "entityType",
                        "有限责任公司",
                        "legalRepresentative",
                        "赵六",
                        "registeredCapital",
                        "100万元人民币",
                        "establishedOn",
                        "2026-11-01",
                        "address",
                        "广州市天河区华夏路8号",
                        "businessScope",
                        "软件开发"),
                null,
                null,
                null);
    }

    @Test
    void issuingALicenseAnnouncesIt(AssertablePublishedEvents events) {
        var official = official();
        var issued = issuance.issue(
                official, UUID.randomUUID().toString(), businessLicense(LicenseIssuance.newCreditCode("440100")));

        assertThat(issued.status()).isEqualTo(LicenseStatus.VALID);
        assertThat(events)
                .contains(LicenseIssued.class)
                .matching(LicenseIssued::identifier, issued.identifier())
                .matching(LicenseIssued::type, "BUSINESS_LICENCE")
                .matching(LicenseIssued::actor, official.toString())
                .matching(LicenseIssued::holderMasked, issued.holderNameMasked())
                .matching(e -> e.previous() == null && e.caseNumber() == null);
    }

    @Test
    void aRevokedLicenseRefusesToBeReinstatedAndAnnouncesOnlyTheRevocation(AssertablePublishedEvents events) {
        var official = official();
        var issued = issuance.issue(
                official, UUID.randomUUID().toString(), businessLicense(LicenseIssuance.newCreditCode("440100")));
        assertThat(management.revoke(official, issued.identifier(), "以欺骗手段取得").status())
                .isEqualTo(LicenseStatus.REVOKED);

        assertThatThrownBy(() -> management.reinstate(official, issued.identifier(), "误操作"))
                .isInstanceOfSatisfying(LicenseRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("licenses.error.transition.REVOKED");
                    assertThat(e.conflict()).isTrue();
                });
        assertThatThrownBy(() -> management.suspend(official, issued.identifier(), "暂扣"))
                .isInstanceOf(LicenseRefusedException.class);

        assertThat(events.ofType(LicenseStatusChanged.class)
                        .matching(e -> e.identifier().equals(issued.identifier())))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.from()).isEqualTo(LicenseStatus.VALID);
                    assertThat(e.to()).isEqualTo(LicenseStatus.REVOKED);
                });
        assertThat(management.status(issued.identifier()).orElseThrow().status())
                .isEqualTo(LicenseStatus.REVOKED);
    }
}
