package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.WebClient;
import org.tongban.audit.AuditManagement;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.notifications.DevelopmentOutbox;

/**
 * Nobody keeps an account locked for good: a lock runs its time and is not extended, the count starts again when it
 * ends, every lock is audited, and the owner still signs in with a code sent to their phone. The time a lock runs
 * out is moved into the past in the database, as fifteen minutes passing would.
 */
class LockoutTests extends IntegrationTest {

    @Autowired
    Registration registration;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditManagement audit;

    @Autowired
    DevelopmentOutbox outbox;

    @Test
    void aLockThatHasRunOutIsNotRenewedByTheNextWrongPassword() {
        var idNumber = TestPeople.idNumber();
        var account = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "解锁人", TestPeople.phone(), TestPeople.PASSWORD));
        lock(idNumber);
        letTheLockRunOut(account);

        assertThat(new WebClient(BASE).signIn(idNumber, "Wrong#Password9").location())
                .isEqualTo("/login?error");
        assertThat(new WebClient(BASE).signIn(idNumber, TestPeople.PASSWORD).location())
                .isEqualTo("/home");
    }

    @Test
    void everyLockIsAuditedNotOnlyTheFirst() {
        var idNumber = TestPeople.idNumber();
        var account = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "二次锁定", TestPeople.phone(), TestPeople.PASSWORD));
        lock(idNumber);
        letTheLockRunOut(account);
        lock(idNumber);

        assertThat(audit.recent(500, "ACCOUNT_LOCKED", null))
                .filteredOn(e -> e.subject().equals(account.toString()))
                .hasSize(2);
    }

    @Test
    void failuresDuringALockDoNotExtendIt() {
        var idNumber = TestPeople.idNumber();
        var phone = TestPeople.phone();
        var account = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "不延长", phone, TestPeople.PASSWORD));
        lock(idNumber);
        var until = lockedUntil(account);
        var web = new WebClient(BASE);
        web.get("/login?method=code");
        web.post("/login/code/send", Map.of("identifier", idNumber));
        var code = lastCodeTo(outbox, phone);
        web.get("/login?method=code");
        web.post("/login/code", Map.of("identifier", idNumber, "code", code.equals("000000") ? "111111" : "000000"));
        assertThat(new WebClient(BASE).signIn(idNumber, "Wrong#Password8").location())
                .isEqualTo("/login?error") /* a lock answers as a wrong password does */;

        assertThat(lockedUntil(account)).isEqualTo(until);
    }

    @Test
    void theOwnerOfALockedAccountStillSignsInWithTheCodeSentToTheirPhone() {
        var idNumber = TestPeople.idNumber();
        var phone = TestPeople.phone();
        var account = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "手机解锁", phone, TestPeople.PASSWORD));
        lock(idNumber);
        assertThat(new WebClient(BASE).signIn(idNumber, TestPeople.PASSWORD).location())
                .isEqualTo("/login?error") /* a lock answers as a wrong password does */;

        var web = new WebClient(BASE);
        web.get("/login?method=code");
        web.post("/login/code/send", Map.of("identifier", idNumber));
        web.get("/login?method=code");
        assertThat(web.post("/login/code", Map.of("identifier", idNumber, "code", lastCodeTo(outbox, phone)))
                        .location())
                .isEqualTo("/home");
        // Signing in clears the lock and the count.
        assertThat(lockedUntil(account)).isNull();
    }

    private static void lock(String idNumber) {
        for (int i = 0; i < 5; i++) {
            assertThat(new WebClient(BASE)
                            .signIn(idNumber, "Wrong#Password" + i)
                            .location())
                    .isEqualTo("/login?error");
        }
        assertThat(new WebClient(BASE).signIn(idNumber, TestPeople.PASSWORD).location())
                .isEqualTo("/login?error") /* a lock answers as a wrong password does */;
    }

    private void letTheLockRunOut(UUID account) {
        jdbc.sql("update identity.account set locked_until = now() - interval '1 second' where id = :id")
                .param("id", account)
                .update();
    }

    private Timestamp lockedUntil(UUID account) {
        return jdbc.sql("select locked_until from identity.account where id = :id")
                .param("id", account)
                .query((rs, i) -> rs.getTimestamp(1))
                .list()
                .getFirst();
    }
}
