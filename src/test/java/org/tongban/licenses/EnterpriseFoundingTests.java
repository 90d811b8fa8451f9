package org.tongban.licenses;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.WebClient;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseConcluded;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.identity.Enterprises;
import org.tongban.licenses.internal.LicenseIssuance;
import org.tongban.licenses.internal.LicenseSummary;
import org.tongban.shared.CreditCode;

/**
 * Issue 12, part 1: an approved 企业设立登记, filed by the founder as a person, founds the enterprise: a new credit
 * code valid under GB 32100 (registration authority 9, category 1, the department's region) in the market-entity
 * register, the founder its legal representative, bound to the founder's account, and its 营业执照 issued to that
 * code; the founder sees the company and the licence at once. Repeated delivery founds nothing twice.
 */
class EnterpriseFoundingTests extends IntegrationTest {

    @Autowired
    CaseManagement cases;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    LicenseIssuance issuance;

    @Autowired
    Enterprises enterprises;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    record Founded(String number, UUID founder, String idNumber, String name, LicenseSummary licence) {}

    private Founded found(String companyName) {
        var idNumber = TestPeople.idNumber();
        var founder = org.tongban.TestRegistration.levelThree(context, idNumber, "创业者");
        var itemCode = "440100-SCJG-001";
        var item = catalog.guide(itemCode).orElseThrow();
        assertThat(item.channels()).containsExactly("PERSON");
        var application = Applications.valid(
                cases, catalog, itemCode, founder, UUID.randomUUID().toString());
        var form = new java.util.HashMap<>(application.formData());
        form.put("enterpriseName", companyName);
        var number = cases.submit(new org.tongban.cases.SubmitCase(
                itemCode, founder, application.idempotencyKey(), form, application.materials()));
        jdbc.sql("update cases.case_file set concluded_at = now() where number = :n")
                .param("n", number)
                .update();
        var licence =
                issuance.issueForCase(approved(number, item.version(), founder)).orElseThrow();
        return new Founded(number, founder, idNumber, "创业者", licence);
    }

    private static CaseConcluded approved(String number, int version, UUID founder) {
        return new CaseConcluded(
                number,
                "440100-SCJG-001",
                version,
                "企业设立登记",
                "Registration of a new enterprise",
                "440100-SCJG",
                "广州市市场监督管理局",
                "Guangzhou AMR",
                founder,
                "APPROVED",
                "LICENCE",
                null,
                UUID.randomUUID().toString(),
                Instant.now(),
                Instant.now());
    }

    @Test
    void anApprovedRegistrationFoundsTheEnterpriseWithANewValidCodeAndIssuesItsLicenceToIt() {
        var name = "广州创业测试" + UUID.randomUUID().toString().substring(0, 6) + "有限公司";
        var founded = found(name);
        var code = founded.licence().holderIdMasked();
        assertThat(CreditCode.isValid(code)).as(code).isTrue();
        assertThat(code).startsWith("91440100MA");
        assertThat(founded.licence().holderNameMasked()).isEqualTo(name);
        assertThat(founded.licence().type()).isEqualTo("BUSINESS_LICENCE");

        // The register's entry: the founder its legal representative, founded by this case.
        var entry = jdbc.sql("""
                        select name, legal_rep_name, founded_by_case, region_code from identity.market_register
                         where credit_code = :c""")
                .param("c", code)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .single();
        assertThat(entry).containsExactly(name, founded.name(), founded.number(), "440100");
        // Bound to the founder's account as its legal representative, as a claimed enterprise is.
        assertThat(enterprises.actingFor(founded.founder(), code))
                .hasValueSatisfying(e -> assertThat(e.grantKind()).isEqualTo("LEGAL_REPRESENTATIVE"));

        // Delivered again, the approval founds nothing new and issues the same licence.
        var again = issuance.issueForCase(
                        approved(founded.number(), founded.licence().version(), founded.founder()))
                .orElseThrow();
        assertThat(again.identifier()).isEqualTo(founded.licence().identifier());
        assertThat(jdbc.sql("select count(*) from identity.market_register where founded_by_case = :n")
                        .param("n", founded.number())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The founder sees the company in the business channel and its licence in the wallet at once.
        var web = new WebClient(BASE);
        web.signIn(founded.idNumber(), TestPeople.PASSWORD);
        assertThat(web.get("/business").body()).contains(name).contains(code);
        assertThat(web.get("/business/licenses").body())
                .contains(founded.licence().identifier());
        assertThat(web.get("/business/enterprises/" + code).body())
                .contains(name)
                .contains("id=\"profile-licences\"");
    }

    @Test
    void twoFoundingsGetTwoDifferentCodes() {
        var a = found("广州甲测试" + UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        var b = found("广州乙测试" + UUID.randomUUID().toString().substring(0, 6) + "有限公司");
        assertThat(a.licence().holderIdMasked()).isNotEqualTo(b.licence().holderIdMasked());
        assertThat(CreditCode.isValid(b.licence().holderIdMasked())).isTrue();
    }
}
