package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTests {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String PILOT = "91350100M0001TGQXM";

    private static String keyOf(String raw) {
        try {
            CreditCode.parse(raw);
        } catch (InvalidValueException e) {
            return e.messageKey();
        }
        throw new AssertionError("accepted " + raw);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91350200MA2YJ1XR9G",
                "11100000000013338W",
                "11220000013544541J",
                "11430000006122244L",
                "11110000000021135M",
                "11440100007482575H",
                "12441500196720244T"
            })
    void acceptsPublishedVectorsAndComputesTheirCheckCharacter(String vector) {
        assertThat(CreditCode.parse(vector).value()).isEqualTo(vector);
        assertThat(CreditCode.isValid(vector)).isTrue();
        assertThat(CreditCode.checkChar(vector.substring(0, 17))).isEqualTo(vector.charAt(17));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "91350200MA2YJ1XR9G",
                "11100000000013338W",
                "11220000013544541J",
                "11430000006122244L",
                "11110000000021135M",
                "11440100007482575H",
                "12441500196720244T"
            })
    void rejectsEveryOtherCheckCharacter(String vector) {
        var first17 = vector.substring(0, 17);
        for (char c : ALPHABET.toCharArray()) {
            if (c == vector.charAt(17)) continue;
            assertThat(keyOf(first17 + c)).as("check char %s", c).isEqualTo("validation.creditCode.checksum");
            assertThat(CreditCode.isValid(first17 + c)).isFalse();
        }
    }

    @Test
    void trimsAndUpperCasesInput() {
        assertThat(CreditCode.parse("  91350200ma2yj1xr9g ").value()).isEqualTo("91350200MA2YJ1XR9G");
        assertThat(CreditCode.isValid("91350200ma2yj1xr9g")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(chars = {'I', 'O', 'S', 'V', 'Z', 'i', 'o', 's', 'v', 'z'})
    void rejectsLettersOutsideTheAlphabetAtEveryPosition(char excluded) {
        var valid = "91350200MA2YJ1XR9G";
        for (int i = 0; i < valid.length(); i++) {
            var candidate = valid.substring(0, i) + excluded + valid.substring(i + 1);
            assertThat(keyOf(candidate))
                    .as("%s at position %d", excluded, i + 1)
                    .isEqualTo("validation.creditCode.format");
        }
    }

    @Test
    void rejectsLettersInTheRegionCode() {
        assertThat(keyOf("9135A200MA2YJ1XR9G")).isEqualTo("validation.creditCode.format");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"91350200MA2YJ1XR9", "91350200MA2YJ1XR9GG", "9135", "91350200MA2YJ1XR9-", "91350200MA2YJ 1XR9G"})
    void rejectsWrongLengthAsFormat(String raw) {
        assertThat(keyOf(raw)).isEqualTo("validation.creditCode.format");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void rejectsMissingInputAsRequired(String raw) {
        assertThat(keyOf(raw)).isEqualTo("validation.creditCode.required");
    }

    @Test
    void pilotCodeFailsTheCheckButIsAcceptedAsTrusted() {
        assertThat(CreditCode.checkChar(PILOT.substring(0, 17))).isEqualTo('1');
        assertThat(CreditCode.isValid(PILOT)).isFalse();
        assertThat(keyOf(PILOT)).isEqualTo("validation.creditCode.checksum");
        assertThat(CreditCode.trusted(PILOT).value()).isEqualTo(PILOT);
        assertThat(CreditCode.trusted(" 91350100m0001tgqxm").value()).isEqualTo(PILOT);
    }

    @Test
    void trustedStillChecksTheFormat() {
        assertThatThrownBy(() -> CreditCode.trusted("91350100M0001TGQXS"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.creditCode.format"));
        assertThatThrownBy(() -> CreditCode.trusted(""))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.creditCode.required"));
    }

    @Test
    void constructorChecksFormatSoStoredPilotCodesStayLoadable() {
        assertThat(new CreditCode(PILOT).value()).isEqualTo(PILOT);
        assertThatThrownBy(() -> new CreditCode("91350200ma2yj1xr9g")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void toStringIsTheUnmaskedPublicValue() {
        assertThat(CreditCode.parse("91350200MA2YJ1XR9G")).hasToString("91350200MA2YJ1XR9G");
    }

    @Test
    void checkCharRejectsWrongLengthAndForeignCharacters() {
        assertThatThrownBy(() -> CreditCode.checkChar("91350200MA2YJ1XR")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CreditCode.checkChar("91350200MA2YJ1XRO"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.creditCode.format"));
    }
}
