package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.cases.Applications;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;
import org.tongban.shared.CreditCode;

/**
 * Issue 12, part 1 in the browser: 王五 (enterprise) files 食品经营许可 for the company he acts for now; the case is
 * the company's (申请单位) and lists in the business channel, not the citizen's; its 一企一档 shows it; a person-only
 * item is refused in words in the business channel; the official sees the company and the person who acted for it.
 */
class EnterpriseFilingBrowserTests extends BrowserTest {

    static final String FOOD = "91440104MA5D00030" + CreditCode.checkChar("91440104MA5D00030");
    static final String FOOD_NAME = "广州粤味示范餐饮管理有限公司";

    @Autowired
    CatalogManagement catalog;

    @Test
    void theLegalRepresentativeFilesACaseForTheCurrentCompany() throws Exception {
        var item = catalog.search(ItemSearch.of("食品经营许可")).getFirst().code();
        var personItem = catalog.search(ItemSearch.of("无犯罪记录证明")).getFirst().code();
        var pdf = Files.createTempFile("material", ".pdf");
        Files.write(pdf, Applications.PDF);

        signIn("enterprise", DEMO_PASSWORD);
        open("/business");
        var actFor = driver.findElements(By.id("act-for-" + FOOD));
        if (!actFor.isEmpty()) {
            actFor.getFirst().click();
            waitForPath("/business");
        }
        assertThat(driver.findElement(By.id("current-enterprise")).getText()).contains(FOOD_NAME);

        open("/business/apply/" + item);
        assertThat(driver.findElement(By.id("creditCode")).getAttribute("value"))
                .isEqualTo(FOOD);
        assertThat(driver.findElement(By.id("enterpriseName")).getAttribute("value"))
                .isEqualTo(FOOD_NAME);
        driver.findElement(By.id("address")).sendKeys("广州市越秀区北京路88号");
        driver.findElement(By.id("remarks")).sendKeys("新开门店，申请食品经营许可");
        driver.findElement(By.id("declaration")).click();
        for (int seq = 1; seq <= 3; seq++)
            driver.findElement(By.id("file-" + seq)).sendKeys(pdf.toString());
        screenshot("enterprise-apply");
        driver.findElement(By.id("check-answers")).click();
        waitVisible("submit-application");
        driver.findElement(By.id("submit-application")).click();
        wait.until(d -> path().startsWith("/business/cases/"));
        var number = path().substring("/business/cases/".length());
        assertThat(driver.findElement(By.id("applicant-enterprise")).getText()).isEqualTo(FOOD_NAME);
        screenshot("enterprise-case");

        open("/business/cases");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains(number);
        screenshot("enterprise-cases");
        open("/citizen/cases");
        assertThat(driver.findElement(By.tagName("main")).getText()).doesNotContain(number);

        open("/business/enterprises/" + FOOD);
        assertThat(driver.findElement(By.id("profile-name")).getText()).isEqualTo(FOOD_NAME);
        assertThat(driver.findElement(By.id("profile-cases")).getText()).contains(number);
        screenshot("enterprise-profile");

        // A person-only item is not filed as the company: the page says where it is applied for.
        open("/business/apply/" + personItem);
        assertThat(driver.findElement(By.id("channel-error")).getText()).contains("仅限个人办理");
        screenshot("enterprise-person-item-refused");
        signOut();

        signIn("official", DEMO_PASSWORD);
        open("/office/cases/" + number);
        assertThat(driver.findElement(By.id("applicant-enterprise")).getText()).contains(FOOD_NAME);
        assertThat(driver.findElement(By.id("acting-person")).getText()).contains("王五");
        screenshot("office-enterprise-case");
    }

    /**
     * The founder's side of 企业设立登记: filed in the citizen channel, approved (the approval's licence issuance
     * called as the event listener does), the founder sees the new company on /business and its 营业执照 in the wallet.
     */
    @Test
    void theFounderSeesTheNewCompanyAndItsLicenceAtOnce() {
        var idNumber = org.tongban.TestPeople.idNumber();
        var founder = org.tongban.TestRegistration.levelThree(context, idNumber, "创业者");
        var item = catalog.guide("440100-SCJG-001").orElseThrow();
        var name = "广州创业示范" + java.util.UUID.randomUUID().toString().substring(0, 4) + "科技有限公司";
        var application = Applications.valid(
                cases,
                catalog,
                item.code(),
                founder,
                java.util.UUID.randomUUID().toString());
        var form = new java.util.HashMap<>(application.formData());
        form.put("enterpriseName", name);
        var number = cases.submit(new org.tongban.cases.SubmitCase(
                item.code(), founder, application.idempotencyKey(), form, application.materials()));
        jdbc.sql("update cases.case_file set concluded_at = now() where number = :n")
                .param("n", number)
                .update();
        var licence = issuance.issueForCase(new org.tongban.cases.CaseConcluded(
                        number,
                        item.code(),
                        item.version(),
                        "企业设立登记",
                        "Registration of a new enterprise",
                        "440100-SCJG",
                        "广州市市场监督管理局",
                        "Guangzhou AMR",
                        founder,
                        "APPROVED",
                        "LICENCE",
                        null,
                        java.util.UUID.randomUUID().toString(),
                        java.time.Instant.now(),
                        java.time.Instant.now()))
                .orElseThrow();

        signIn(idNumber, org.tongban.TestPeople.PASSWORD);
        open("/business");
        assertThat(driver.findElement(By.id("current-enterprise")).getText()).contains(name);
        assertThat(driver.findElement(By.id("enterprise-" + licence.holderIdMasked()))
                        .getText())
                .contains(name);
        screenshot("founder-business");
        open("/business/licenses");
        assertThat(driver.findElement(By.tagName("main")).getText()).contains("营业执照");
        screenshot("founder-wallet");
    }

    @Autowired
    org.tongban.cases.CaseManagement cases;

    @Autowired
    org.tongban.licenses.internal.LicenseIssuance issuance;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.context.ApplicationContext context;

    private void signOut() {
        driver.findElement(By.id("sign-out")).click();
        wait.until(d -> !d.findElements(By.id("sign-in-link")).isEmpty());
    }
}
