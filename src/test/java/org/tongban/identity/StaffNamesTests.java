package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;

/**
 * Issue 11, finding 9: the department admin who appoints and withdraws officials sees their full names on
 * {@code /office/staff}; colleagues choosing whom to hand a case to see them masked, as the masking rules say.
 */
class StaffNamesTests extends IntegrationTest {

    @Autowired
    Departments departments;

    private static UUID accountOf(String login) {
        var me = signedIn(login).json("GET", "/api/v1/me", null).body();
        return UUID.fromString(me.replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
    }

    @Test
    void theDepartmentAdminSeesHerStaffsFullNames() {
        var page = signedIn("deptadmin").get("/office/staff");
        assertThat(page.status()).isEqualTo(200);
        // 陈明 (official) and 刘洋 (official2) of 广州市市场监督管理局.
        assertThat(page.body())
                .contains("陈明")
                .contains("刘洋")
                .doesNotContain("陈*")
                .doesNotContain("刘*");
    }

    @Test
    void colleaguesSeeEachOtherMasked() {
        var colleagues = departments.colleagues(accountOf("official"));
        assertThat(colleagues).extracting(StaffView::name).contains("刘*").doesNotContain("刘洋");
        // And an official without the admin's permission cannot open the staff page.
        assertThat(signedIn("official").get("/office/staff").status()).isEqualTo(403);
    }
}
