package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTests {

    private static final String FEMALE_1949 = "11010519491231002X";
    private static final String MALE_1880 = "440524188001010014";

    /** A number that is valid except perhaps for the part under test: the check character is always right. */
    private static String withCheck(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }

    private static String keyOf(String raw) {
        try {
            IdNumber.parse(raw);
        } catch (InvalidValueException e) {
            return e.messageKey();
        }
        throw new AssertionError("accepted " + raw);
    }

    @ParameterizedTest
    @ValueSource(strings = {FEMALE_1949, MALE_1880})
    void acceptsPublishedVectors(String vector) {
        assertThat(IdNumber.parse(vector).value()).isEqualTo(vector);
        assertThat(IdNumber.isValid(vector)).isTrue();
        assertThat(new IdNumber(vector).value()).isEqualTo(vector);
    }

    @Test
    void computesCheckCharacterOfPublishedVectors() {
        assertThat(IdNumber.checkChar("11010519491231002")).isEqualTo('X');
        assertThat(IdNumber.checkChar("44052418800101001")).isEqualTo('4');
    }

    @Test
    void acceptsLowerCaseXAndNormalisesItToUpperCase() {
        assertThat(IdNumber.parse("11010519491231002x").value()).isEqualTo(FEMALE_1949);
        assertThat(IdNumber.isValid("11010519491231002x")).isTrue();
    }

    @Test
    void trimsSurroundingWhitespace() {
        assertThat(IdNumber.parse("  11010519491231002x\t").value()).isEqualTo(FEMALE_1949);
    }

    @ParameterizedTest
    @ValueSource(strings = {FEMALE_1949, MALE_1880})
    void rejectsEveryOtherCheckCharacter(String vector) {
        var first17 = vector.substring(0, 17);
        for (char c : "0123456789X".toCharArray()) {
            if (c == vector.charAt(17)) continue;
            assertThat(keyOf(first17 + c)).as("check char %s", c).isEqualTo("validation.idNumber.checksum");
            assertThat(IdNumber.isValid(first17 + c)).isFalse();
        }
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void rejectsMissingInputAsRequired(String raw) {
        assertThat(keyOf(raw)).isEqualTo("validation.idNumber.required");
        assertThat(IdNumber.isValid(raw)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "11010519491231002",
                "11010519491231002X1",
                "110105194912310",
                "11010519491231002Y",
                "1101051949123100X2",
                "11010519491231 002X",
                "１１010519491231002X",
                "A1010519491231002X"
            })
    void rejectsWrongLengthAndCharactersAsFormat(String raw) {
        assertThat(keyOf(raw)).isEqualTo("validation.idNumber.format");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "00", "10", "16", "20", "24", "30", "38", "40", "47", "55", "60", "66", "70", "72", "80", "90", "92",
                "99"
            })
    void rejectsUnknownProvinceCodes(String province) {
        assertThat(keyOf(withCheck(province + "010519491231002"))).isEqualTo("validation.idNumber.region");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82", "91"})
    void acceptsEveryProvinceRangeBoundary(String province) {
        assertThat(IdNumber.isValid(withCheck(province + "010519491231002"))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "19990230",
                "19991301",
                "19990001",
                "19990100",
                "19990132",
                "19000229",
                "19990431",
                "17991231",
                "00000000"
            })
    void rejectsImpossibleOrOutOfRangeBirthDates(String date) {
        assertThat(keyOf(withCheck("110105" + date + "002"))).isEqualTo("validation.idNumber.birthDate");
    }

    @Test
    void rejectsBirthDateInTheFuture() {
        var tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(keyOf(withCheck("110105" + tomorrow + "002"))).isEqualTo("validation.idNumber.birthDate");
        var nextYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(1).format(DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(keyOf(withCheck("110105" + nextYear + "002"))).isEqualTo("validation.idNumber.birthDate");
    }

    @Test
    void acceptsLeapDayAndTheEarliestBirthDate() {
        assertThat(IdNumber.parse(withCheck("11010520000229002")).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
        assertThat(IdNumber.parse(withCheck("11010518000101002")).birthDate()).isEqualTo(LocalDate.of(1800, 1, 1));
    }

    @Test
    void readsBirthDateAndSex() {
        var female = IdNumber.parse(FEMALE_1949);
        assertThat(female.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(female.sex()).isEqualTo(Sex.FEMALE);
        var male = IdNumber.parse(MALE_1880);
        assertThat(male.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
        assertThat(male.sex()).isEqualTo(Sex.MALE);
    }

    @Test
    void oddSequenceIsMaleAndEvenIsFemale() {
        assertThat(IdNumber.parse(withCheck("11010519491231019")).sex()).isEqualTo(Sex.MALE);
        assertThat(IdNumber.parse(withCheck("11010519491231010")).sex()).isEqualTo(Sex.FEMALE);
    }

    @Test
    void masksAllButFirstFourAndLastFour() {
        assertThat(IdNumber.parse(FEMALE_1949).masked()).isEqualTo("1101**********002X");
        assertThat(IdNumber.parse(MALE_1880).masked()).isEqualTo("4405**********0014");
    }

    @Test
    void toStringNeverRevealsTheFullNumber() {
        var id = IdNumber.parse(FEMALE_1949);
        assertThat(id.toString()).isEqualTo("1101**********002X").doesNotContain("19491231");
        assertThat("person " + id).doesNotContain(FEMALE_1949);
    }

    @Test
    void constructorRejectsInvalidValuesSoNoInvalidInstanceExists() {
        assertThatThrownBy(() -> new IdNumber("11010519491231002Y"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.idNumber.format"));
        assertThatThrownBy(() -> new IdNumber("110105194912310021"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.idNumber.checksum"));
        // The constructor takes the canonical form only; parse() is the lenient entry point.
        assertThatThrownBy(() -> new IdNumber("11010519491231002x")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new IdNumber(" " + FEMALE_1949)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void rejectionMessagesDoNotContainTheNumber() {
        assertThatThrownBy(() -> IdNumber.parse("110105194912310021"))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("110105194912310021");
    }

    @Test
    void checkCharRejectsAnythingButSeventeenDigits() {
        assertThatThrownBy(() -> IdNumber.checkChar("1101051949123100"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.idNumber.format"));
        assertThatThrownBy(() -> IdNumber.checkChar("1101051949123100X")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void equalityIsByValue() {
        assertThat(IdNumber.parse("11010519491231002x")).isEqualTo(IdNumber.parse(FEMALE_1949));
    }
}
