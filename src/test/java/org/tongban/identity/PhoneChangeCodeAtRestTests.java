package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.identity.internal.AccountSecurity;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.notifications.DevelopmentOutbox;

/** Finding 15 of issue 9: a phone-change code kept the new phone in clear in {@code identity.one_time_code}. */
class PhoneChangeCodeAtRestTests extends IntegrationTest {

    @Autowired
    Persons identity;

    @Autowired
    AccountSecurity accountSecurity;

    @Autowired
    Registration registration;

    @Autowired
    DevelopmentOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPhoneChangeCodeKeepsTheNewPhoneOutOfTheCodeTableAndStillChangesIt() {
        var account = org.tongban.TestRegistration.register(
                registration,
                outbox,
                new RegisterCitizen(TestPeople.idNumber(), "换号人", TestPeople.phone(), TestPeople.PASSWORD));
        var newPhone = TestPeople.phone();
        accountSecurity.sendPhoneChangeCode(account, newPhone);
        assertThat(jdbc.sql("select count(*) from identity.one_time_code where account_id = :a and target like :p")
                        .param("a", account)
                        .param("p", "%" + newPhone.substring(newPhone.length() - 8) + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        accountSecurity.changePhone(account, newPhone, lastCodeTo(outbox, newPhone));
        assertThat(identity.profile(account).maskedPhone()).endsWith(newPhone.substring(7));
    }
}
