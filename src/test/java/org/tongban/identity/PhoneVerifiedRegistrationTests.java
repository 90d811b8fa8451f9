package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.WebClient;
import org.tongban.identity.internal.AccountSecurity;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;
import org.tongban.notifications.DevelopmentOutbox;
import org.tongban.platform.FieldProtection;

/** Finding #5 (a): a registration proves the phone with a one-time code before any account exists. */
class PhoneVerifiedRegistrationTests extends IntegrationTest {

    @Autowired
    AccountSecurity accountSecurity;

    @Autowired
    Registration registration;

    @Autowired
    DevelopmentOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldProtection protection;

    @Test
    void registeringOnThePageCreatesNoAccountUntilTheCodeSentToThePhoneIsEntered() {
        var idNumber = TestPeople.idNumber();
        var phone = TestPeople.phone();
        var web = new WebClient(BASE);
        web.get("/register");
        var sent = web.post(
                "/register",
                Map.of(
                        "idNumber",
                        idNumber,
                        "name",
                        "验证人",
                        "phone",
                        phone,
                        "password",
                        TestPeople.PASSWORD,
                        "passwordConfirmation",
                        TestPeople.PASSWORD,
                        "privacyConsent",
                        "yes"));
        assertThat(sent.location()).isEqualTo("/register/code");
        assertThat(persons(idNumber)).isZero();
        var code = lastCodeTo(outbox, phone);
        assertThat(outbox.lastTextTo(phone).orElseThrow()).contains("注册验证码");

        var page = web.get("/register/code");
        assertThat(page.body())
                .contains(phone.substring(0, 3) + "****" + phone.substring(7))
                .doesNotContain(phone);
        var wrong = web.post("/register/code", Map.of("code", other(code)));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("id=\"code-error\"").contains("验证码不正确或已过期");
        assertThat(persons(idNumber)).isZero();

        // Back on the form, what was typed is kept except the password.
        assertThat(web.get("/register").body())
                .contains("value=\"" + idNumber + "\"")
                .contains("value=\"验证人\"")
                .contains("value=\"" + phone + "\"")
                .doesNotContain(TestPeople.PASSWORD);
        web.get("/register/code");
        var done = web.post("/register/code", Map.of("code", code));
        assertThat(done.location()).isEqualTo("/login?registered");
        assertThat(persons(idNumber)).isEqualTo(1);
        assertThat(new WebClient(BASE).signIn(idNumber, TestPeople.PASSWORD).location())
                .isEqualTo("/home");
    }

    @Test
    void aCodeSentToAnotherPhoneDoesNotRegister() {
        var mine = registration.startRegistration(
                new RegisterCitizen(TestPeople.idNumber(), "甲某", TestPeople.phone(), TestPeople.PASSWORD));
        var other = registration.startRegistration(
                new RegisterCitizen(TestPeople.idNumber(), "乙某", TestPeople.phone(), TestPeople.PASSWORD));
        assertThatThrownBy(() -> registration.completeRegistration(mine, lastCodeTo(outbox, other.phone())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("code", "validation.code.invalid"));
        assertThat(persons(mine.idNumber())).isZero();
    }

    @Test
    void fiveWrongRegistrationCodesSpendTheCode() {
        var pending = registration.startRegistration(
                new RegisterCitizen(TestPeople.idNumber(), "猜码人", TestPeople.phone(), TestPeople.PASSWORD));
        var code = lastCodeTo(outbox, pending.phone());
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> registration.completeRegistration(pending, other(code)))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThatThrownBy(() -> registration.completeRegistration(pending, code))
                .isInstanceOf(InvalidInputException.class);
        assertThat(persons(pending.idNumber())).isZero();
    }

    @Test
    void fiveWrongPhoneChangeCodesSpendTheCode() {
        var account = TestRegistration.register(
                registration,
                outbox,
                new RegisterCitizen(TestPeople.idNumber(), "换号人", TestPeople.phone(), TestPeople.PASSWORD));
        var newPhone = TestPeople.phone();
        accountSecurity.sendPhoneChangeCode(account, newPhone);
        var code = lastCodeTo(outbox, newPhone);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> accountSecurity.changePhone(account, newPhone, other(code)))
                    .isInstanceOf(InvalidInputException.class);
        }
        // The wrong guesses were counted (not rolled back with the refusal): the right code no longer works.
        assertThatThrownBy(() -> accountSecurity.changePhone(account, newPhone, code))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aPhoneOrIdNumberTakenWhileTheCodeWasUnderwayIsRefusedAndNothingIsWritten() {
        var idNumber = TestPeople.idNumber();
        var first = registration.startRegistration(
                new RegisterCitizen(idNumber, "先到人", TestPeople.phone(), TestPeople.PASSWORD));
        var second = registration.startRegistration(
                new RegisterCitizen(idNumber, "后到人", TestPeople.phone(), TestPeople.PASSWORD));
        registration.completeRegistration(first, lastCodeTo(outbox, first.phone()));
        assertThatThrownBy(() -> registration.completeRegistration(second, lastCodeTo(outbox, second.phone())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("idNumber", "validation.idNumber.taken"));
        assertThat(persons(idNumber)).isEqualTo(1);
    }

    private int persons(String idNumber) {
        return jdbc.sql("select count(*) from identity.person where id_number_idx = :idx")
                .param("idx", protection.blindIndex(idNumber, "identity.person.id_number"))
                .query(Integer.class)
                .single();
    }

    private static String other(String code) {
        return "%06d".formatted((Integer.parseInt(code) + 1) % 1_000_000);
    }
}
