package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongban.IntegrationTest;
import org.tongban.WebClient;

/** The caller named by {@code @CurrentAccount}: never reached without a signed-in account, the right one with. */
class CurrentAccountTests extends IntegrationTest {

    @Test
    void anUnauthenticatedCallNeverReachesTheResolver() {
        var anonymous = new WebClient(BASE);
        // The URL rules answer first: the sign-in page for a page, 401 for the API.
        var page = anonymous.get("/citizen/cases");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).contains("/login");
        assertThat(anonymous.json("GET", "/api/v1/cases", null).status()).isEqualTo(401);
    }

    @Test
    void aSignedInCallerIsTheirOwnAccount() {
        var web = new WebClient(BASE);
        web.signIn("citizen", DEMO_PASSWORD);
        var me = web.json("GET", "/api/v1/me", null);
        assertThat(me.status()).isEqualTo(200);
        var cases = web.get("/citizen/cases");
        assertThat(cases.status()).isEqualTo(200);
    }
}
