package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    private static final String ID = "11010519491231002X";
    private static final String PHONE = "13812345678";

    @Test
    void acceptsAStrongPasswordUnrelatedToThePerson() {
        assertThat(PasswordPolicy.violations("Strong#Pass2026", ID, PHONE, "zhangsan"))
                .isEmpty();
    }

    @Test
    void acceptsWhenPersonalDataIsAbsent() {
        assertThat(PasswordPolicy.violations("Strong#Pass2026", null, null, null))
                .isEmpty();
        assertThat(PasswordPolicy.violations("Strong#Pass2026", "", " ", "")).isEmpty();
    }

    @Test
    void requiresAtLeastTenCharacters() {
        assertThat(PasswordPolicy.violations("Abcdef#12", null, null, null))
                .containsExactly("validation.password.length");
        assertThat(PasswordPolicy.violations("Abcdef#123", null, null, null)).isEmpty();
    }

    @Test
    void allowsAtMostSixtyFourCharacters() {
        var sixtyFour = "Aa1#".repeat(16);
        assertThat(PasswordPolicy.violations(sixtyFour, null, null, null)).isEmpty();
        assertThat(PasswordPolicy.violations(sixtyFour + "x", null, null, null))
                .containsExactly("validation.password.length");
    }

    @Test
    void emptyPasswordBreaksLengthAndClasses() {
        assertThat(PasswordPolicy.violations("", null, null, null))
                .containsExactly("validation.password.length", "validation.password.classes");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abcdefghijkl",
                "abcdefgh1234",
                "ABCDEFGH1234",
                "abcdefGHIJKL",
                "abcdef######",
                "12345678####",
                "一二三四五六七八九十12"
            })
    void requiresThreeCharacterClasses(String password) {
        assertThat(PasswordPolicy.violations(password, null, null, null))
                .containsExactly("validation.password.classes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefGH1234", "abcdefgh12#$", "ABCDEFGH12#$", "abcdefGHIJ#$", "密码Abcd12345"})
    void acceptsAnyThreeOfTheFourClasses(String password) {
        assertThat(PasswordPolicy.violations(password, null, null, null)).isEmpty();
    }

    @Test
    void rejectsTheWholeIdNumberCaseInsensitively() {
        assertThat(PasswordPolicy.violations("Ab#11010519491231002x", ID, null, null))
                .containsExactly("validation.password.containsIdNumber");
        assertThat(PasswordPolicy.violations("Ab#11010519491231002X", "11010519491231002x", null, null))
                .containsExactly("validation.password.containsIdNumber");
    }

    @Test
    void rejectsTheLastEightCharactersOfTheIdNumber() {
        assertThat(PasswordPolicy.violations("Hello#1231002x", ID, null, null))
                .containsExactly("validation.password.containsIdNumber");
        assertThat(PasswordPolicy.violations("Hello#231002x", ID, null, null)).isEmpty();
    }

    @Test
    void rejectsThePhoneNumberOrItsLastEightDigits() {
        assertThat(PasswordPolicy.violations("Pass#13812345678", null, PHONE, null))
                .containsExactly("validation.password.containsPhone");
        assertThat(PasswordPolicy.violations("Pass#12345678", null, PHONE, null))
                .containsExactly("validation.password.containsPhone");
        assertThat(PasswordPolicy.violations("Pass#2345678x", null, PHONE, null))
                .isEmpty();
    }

    @Test
    void checksRawPhoneInputWithPrefixAndSeparators() {
        assertThat(PasswordPolicy.violations("Pass#13812345678", null, "+86 138-1234-5678", null))
                .containsExactly("validation.password.containsPhone");
    }

    @Test
    void rejectsTheLoginNameCaseInsensitively() {
        assertThat(PasswordPolicy.violations("My#ZhangSan2026", null, null, "zhangsan"))
                .containsExactly("validation.password.containsLoginName");
    }

    @Test
    void ignoresLoginNamesShorterThanFourCharacters() {
        assertThat(PasswordPolicy.violations("Strong#Pass2026", null, null, "str"))
                .isEmpty();
        assertThat(PasswordPolicy.violations("Strong#Pass2026", null, null, "stro"))
                .containsExactly("validation.password.containsLoginName");
    }

    @Test
    void reportsEveryBrokenRuleInAFixedOrder() {
        assertThat(PasswordPolicy.violations(
                        "zhangsan13812345678" + ID.toLowerCase(Locale.ROOT), ID, PHONE, "ZhangSan"))
                .containsExactly(
                        "validation.password.classes",
                        "validation.password.containsIdNumber",
                        "validation.password.containsPhone",
                        "validation.password.containsLoginName");
    }
}
