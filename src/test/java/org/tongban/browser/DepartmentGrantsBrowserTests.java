package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.licenses.LicenseStatus;
import org.tongban.licenses.internal.GrantLicense;
import org.tongban.licenses.internal.LicenseGrants;
import org.tongban.licenses.internal.LicenseWallet;

/**
 * Issue 11, finding 8: a use authorisation (用证授权) to a department is used by that department's official on a
 * phone: the list of the licenses granted to the department, and one opened (its reading logged for the holder).
 */
class DepartmentGrantsBrowserTests extends BrowserTest {

    @Autowired
    LicenseGrants grants;

    @Autowired
    LicenseWallet wallet;

    @Autowired
    Clock clock;

    @Test
    void theGrantedDepartmentsOfficialListsAndOpensTheGrantedLicense() {
        var citizen = UUID.fromString(signedIn("citizen")
                .json("GET", "/api/v1/me", null)
                .body()
                .replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
        var card = wallet.mine(citizen, null, 100).licenses().stream()
                .filter(l -> l.type().equals("SOCIAL_SECURITY_CARD") && l.status() == LicenseStatus.VALID)
                .findFirst()
                .orElseThrow()
                .identifier();
        var g = grants.grant(
                citizen,
                card,
                new GrantLicense(
                        "DEPARTMENT",
                        "440100-JY",
                        "核验入学报名家长社保",
                        LocalDate.now(clock).plusDays(15)),
                UUID.randomUUID().toString());

        signIn("eduofficial", DEMO_PASSWORD);
        open("/office/licenses/granted");
        var list = driver.findElement(By.id("department-grants"));
        assertThat(list.getText()).contains("张*").contains("社会保障卡").contains("核验入学报名家长社保");
        screenshot("office-granted-department-390");
        driver.findElement(By.id("open-" + g.id())).click();
        waitVisible("granted-license");
        assertThat(driver.findElement(By.id("granted-license")).getText())
                .contains("张三")
                .contains("核验入学报名家长社保");
        screenshot("office-granted-license-390");
    }
}
