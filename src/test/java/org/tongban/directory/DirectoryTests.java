package org.tongban.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.IntegrationTest;
import org.tongban.directory.internal.Directory;
import org.tongban.identity.OfficialAppointed;
import org.tongban.identity.OfficialWithdrawn;
import org.tongban.identity.internal.AccountStore;
import org.tongban.identity.internal.PersonStore;
import org.tongban.identity.internal.StaffAppointments;
import org.tongban.shared.IdNumber;

/**
 * 通讯录: search by name, pinyin initials, full pinyin and department; each contact detail seen as its owner allows
 * (same department, other department, self), on the API and the page; citizens refused; identity's appointment
 * and withdrawal events add and withdraw an entry, a redelivery changes nothing; bad input is a field error.
 */
class DirectoryTests extends IntegrationTest {

    @Autowired
    Directory directory;

    @Autowired
    AccountStore accounts;

    @Autowired
    PersonStore persons;

    @Autowired
    StaffAppointments appointments;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    UUID id(String login) {
        return accounts.findByIdentifier(login).orElseThrow().id();
    }

    @Test
    void findsByNameInitialsPinyinAndDepartment() {
        var me = id("official2");
        var chen = id("official"); // 陈明, 广州市市场监督管理局
        assertThat(directory.search(me, "陈明", Locale.CHINA))
                .anyMatch(c -> c.accountId().equals(chen));
        assertThat(directory.search(me, "cm", Locale.CHINA))
                .anyMatch(c -> c.accountId().equals(chen));
        assertThat(directory.search(me, "ChenMing", Locale.CHINA))
                .anyMatch(c -> c.accountId().equals(chen));
        assertThat(directory.search(me, "chen ming", Locale.CHINA))
                .anyMatch(c -> c.accountId().equals(chen));
        assertThat(directory.search(me, "广州市市场监督", Locale.CHINA))
                .isNotEmpty()
                .allMatch(c -> c.departmentCode().equals("440100-SCJG"));
        assertThat(directory.search(me, "Market Regulation", Locale.ENGLISH))
                .anyMatch(c -> c.accountId().equals(chen) && c.department().contains("Market Regulation"));
        // 曾 as a surname reads zeng: 曾伟 (eduofficial2) is found by zw.
        assertThat(directory.search(me, "zw", Locale.CHINA))
                .anyMatch(c -> c.accountId().equals(id("eduofficial2")));
        // Wildcards are text: nobody is called %.
        assertThat(directory.search(me, "%", Locale.CHINA)).isEmpty();
        assertThat(directory.search(me, "   ", Locale.CHINA)).isEmpty();
    }

    @Test
    void theDemoDirectoryHoldsTwoHundredOfficialsInATree() {
        var total =
                directory.tree(Locale.CHINA).stream().mapToInt(n -> n.total()).sum();
        assertThat(total).isGreaterThanOrEqualTo(200);
        var api = signedIn("official").json("GET", "/api/v1/office/directory", null);
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("广东省", "广州市", "天河区", "广州市市场监督管理局");
        var page = signedIn("official").get("/office/directory?unit=440100-SCJG");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("陈明", "科员");
    }

    @Test
    void eachDetailIsSeenAsItsOwnerAllows() {
        var tag = UUID.randomUUID().toString().substring(0, 6);
        var owner = signedIn("official"); // 陈明, market regulation
        var mail = "chen" + tag + "@example.gov.cn";
        var room = "北楼" + tag;
        var put = owner.json("PUT", "/api/v1/office/directory/me", """
                {"officePhone":"020-83100001","mobile":"13900139001","email":"%s","room":"%s",
                 "officePhoneSeen":"ALL","mobileSeen":"DEPARTMENT","emailSeen":"SELF","roomSeen":"DEPARTMENT"}""".formatted(mail, room));
        assertThat(put.status()).isEqualTo(200);
        var card = "/api/v1/office/directory/people/" + id("official");
        var self = owner.json("GET", card, null).body();
        assertThat(self).contains(mail, room, "13900139001", "020-83100001");
        var colleague = signedIn("official2"); // same department
        assertThat(colleague.json("GET", card, null).body())
                .contains("13900139001", room, "020-83100001")
                .doesNotContain(mail);
        assertThat(colleague.get("/office/directory/people/" + id("official")).body())
                .contains("13900139001", room)
                .doesNotContain(mail);
        var other = signedIn("taxofficial"); // another department
        var seenByOther = other.json("GET", card, null).body();
        assertThat(seenByOther).contains("020-83100001").doesNotContain("13900139001", mail, room);
        assertThat(other.get("/office/directory/people/" + id("official")).body())
                .contains("020-83100001")
                .doesNotContain("13900139001", mail, room);
        assertThat(other.json("GET", "/api/v1/office/directory?q=cm", null).body())
                .doesNotContain("13900139001", mail, room);
        assertThat(jdbc.sql("select count(*) from audit.audit_event where code = 'DIRECTORY_VISIBILITY_CHANGED'"
                                + " and actor = :a")
                        .param("a", id("official").toString())
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void citizensAndEnterprisesAreRefused() {
        for (var login : new String[] {"citizen", "enterprise"}) {
            var web = signedIn(login);
            assertThat(web.json("GET", "/api/v1/office/directory?q=cm", null).status())
                    .isEqualTo(403);
            assertThat(web.json("GET", "/api/v1/office/directory/me", null).status())
                    .isEqualTo(403);
            var page = web.get("/office/directory?q=cm");
            assertThat(page.status()).isIn(302, 403);
            assertThat(page.body()).doesNotContain("陈明");
        }
    }

    @Test
    void unknownOfficialIsNotFound() {
        var web = signedIn("official");
        assertThat(web.json("GET", "/api/v1/office/directory/people/" + UUID.randomUUID(), null)
                        .status())
                .isEqualTo(404);
        assertThatThrownBy(() -> directory.card(id("official"), id("citizen"), Locale.CHINA))
                .isInstanceOf(DirectoryRefusedException.class);
    }

    @Test
    void badInputIsAFieldErrorAndNothingIsSaved() {
        var web = signedIn("official2");
        var before = web.json("GET", "/api/v1/office/directory/me", null).body();
        var put = web.json(
                "PUT",
                "/api/v1/office/directory/me",
                "{\"email\":\"not-an-email\",\"mobile\":\"12345\",\"officePhone\":\"call me\",\"mobileSeen\":\"EVERYONE\"}");
        assertThat(put.status()).isEqualTo(422);
        assertThat(put.body()).contains("email", "mobile", "officePhone", "mobileSeen");
        assertThat(web.json("GET", "/api/v1/office/directory/me", null).body()).isEqualTo(before);
        var page = web.post(
                "/office/directory/me",
                Map.of("email", "still-wrong@", "room", "东楼 301", "officePhoneSeen", "ALL", "mobileSeen", "SELF"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("请填写有效的电子邮箱", "still-wrong@", "东楼 301");
    }

    @Test
    void appointmentAddsAnEntryWithdrawalRemovesItRedeliveryChangesNothing() throws Exception {
        var tag = String.format("%06d", (int) (Math.random() * 1_000_000));
        var first17 = "44098119" + "91" + "0101" + tag.substring(0, 3);
        var idNumber = IdNumber.parse(first17 + IdNumber.checkChar(first17));
        var login = "dirtest" + tag + UUID.randomUUID().toString().substring(0, 4);
        var person = persons.insertPerson("欧阳" + "晓" + tag.charAt(0), idNumber, null, 4);
        var account = accounts.insertAccount(person, login, "{noop}unused");
        var admin = id("deptadmin");
        appointments.appointOfficial(admin, login, "T-" + tag, "科员");
        await(() -> directory.search(id("official"), "oyx", Locale.CHINA).stream()
                .anyMatch(c -> c.accountId().equals(account)));
        var appointed = new OfficialAppointed(
                account, "欧阳晓", "440100-SCJG", "科员", Instant.now().minusSeconds(60));
        appointments.withdrawOfficial(admin, account);
        await(() -> !active(account));
        // A late or redelivered appointment (older than the withdrawal) changes nothing, and neither does a
        // redelivered withdrawal.
        publish(appointed);
        publish(new OfficialWithdrawn(account, "440100-SCJG", Instant.now().minusSeconds(30)));
        Thread.sleep(1500);
        assertThat(active(account)).isFalse();
        assertThat(rows(account)).isEqualTo(1);
        // The same new appointment twice: one active entry.
        var again = new OfficialAppointed(account, "欧阳晓", "440100-SCJG", "副科长", Instant.now());
        publish(again);
        publish(again);
        await(() -> active(account));
        Thread.sleep(500);
        assertThat(rows(account)).isEqualTo(1);
        assertThat(directory.card(id("official"), account, Locale.CHINA).post()).isEqualTo("副科长");
    }

    private boolean active(UUID account) {
        return jdbc.sql("select count(*) from directory.entry where account_id = :a and active")
                        .param("a", account)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private long rows(UUID account) {
        return jdbc.sql("select count(*) from directory.entry where account_id = :a")
                .param("a", account)
                .query(Long.class)
                .single();
    }

    private void publish(Object event) {
        tx.executeWithoutResult(s -> events.publishEvent(event));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) return;
            Thread.sleep(100);
        }
        throw new AssertionError("not within 10 s");
    }
}
