package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTests {

    private static String keyOf(String raw) {
        try {
            PhoneNumber.parse(raw);
        } catch (InvalidValueException e) {
            return e.messageKey();
        }
        throw new AssertionError("accepted " + raw);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13812345678",
                " 13812345678 ",
                "138 1234 5678",
                "138-1234-5678",
                "+8613812345678",
                "+86 138 1234 5678",
                "008613812345678",
                "0086-138-1234-5678",
                "138\u00a01234\u30005678"
            })
    void normalisesSeparatorsAndCountryPrefix(String raw) {
        assertThat(PhoneNumber.parse(raw).value()).isEqualTo("13812345678");
        assertThat(PhoneNumber.isValid(raw)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "13012345678",
                "14512345678",
                "15912345678",
                "16612345678",
                "17712345678",
                "18812345678",
                "19912345678"
            })
    void acceptsEveryMobilePrefixFromThirteenToNineteen(String raw) {
        assertThat(PhoneNumber.isValid(raw)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "12812345678",
                "10012345678",
                "23812345678",
                "1381234567",
                "138123456789",
                "1381234567a",
                "(138)12345678",
                "8613812345678",
                "+8513812345678",
                "02012345678"
            })
    void rejectsNonMobileNumbersAsFormat(String raw) {
        assertThat(keyOf(raw)).isEqualTo("validation.phone.format");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void rejectsMissingInputAsRequired(String raw) {
        assertThat(keyOf(raw)).isEqualTo("validation.phone.required");
    }

    @Test
    void masksTheMiddleFourDigits() {
        assertThat(PhoneNumber.parse("13812345678").masked()).isEqualTo("138****5678");
    }

    @Test
    void toStringIsMasked() {
        assertThat(PhoneNumber.parse("+86 138 1234 5678")).hasToString("138****5678");
    }

    @Test
    void constructorRejectsInvalidValues() {
        assertThatThrownBy(() -> new PhoneNumber("138 1234 5678"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.phone.format"));
        assertThatThrownBy(() -> new PhoneNumber(""))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.phone.required"));
    }
}
