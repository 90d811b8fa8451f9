package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.WebClient;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;

/**
 * A signed-in session follows the account's roles and state in the database on every request, whoever changed
 * them (department admin, operator, a script): no permission outlives its grant until the session ends.
 */
class SessionAuthoritiesTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.tongban.notifications.DevelopmentOutbox outbox;

    @Autowired
    Registration registration;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRoleGrantedOrRevokedElsewhereTakesEffectOnTheNextRequest() {
        var idNumber = TestPeople.idNumber();
        var account = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "变更人", TestPeople.phone(), TestPeople.PASSWORD));
        var web = new WebClient(BASE);
        assertThat(web.signIn(idNumber, TestPeople.PASSWORD).location()).isEqualTo("/home");
        assertThat(web.get("/console/audit").status()).isEqualTo(403);
        jdbc.sql("insert into identity.account_role (account_id, role, granted_at) values (:a, 'AUDITOR', now())")
                .param("a", account)
                .update();
        // The role took effect: a staff role asks for the second factor first (ADR 0010), no longer "not allowed".
        assertThat(web.get("/console/audit").location()).startsWith("/login/second-factor");
        jdbc.sql("delete from identity.account_role where account_id = :a and role = 'AUDITOR'")
                .param("a", account)
                .update();
        assertThat(web.get("/console/audit").status()).isEqualTo(403);
        assertThat(web.get("/citizen").status()).isEqualTo(200);
    }

    @Test
    void aDisabledAccountsSessionEndsOnTheNextRequest() {
        var idNumber = TestPeople.idNumber();
        var account = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "停用人", TestPeople.phone(), TestPeople.PASSWORD));
        var web = new WebClient(BASE);
        assertThat(web.signIn(idNumber, TestPeople.PASSWORD).location()).isEqualTo("/home");
        assertThat(web.get("/citizen").status()).isEqualTo(200);
        jdbc.sql("update identity.account set enabled = false where id = :a")
                .param("a", account)
                .update();
        var after = web.get("/citizen");
        assertThat(after.status()).isEqualTo(302);
        assertThat(after.location()).contains("/login");
        assertThat(web.json("GET", "/api/v1/me", null).status()).isEqualTo(401);
    }
}
