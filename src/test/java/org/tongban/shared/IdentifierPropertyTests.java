package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.tongban.shared.Identifiers.CREDIT_ALPHABET;
import static org.tongban.shared.Identifiers.LICENCE_ALPHABET;
import static org.tongban.shared.Identifiers.chars;
import static org.tongban.shared.Identifiers.creditCodes;
import static org.tongban.shared.Identifiers.idNumbers;
import static org.tongban.shared.Identifiers.phoneNumbers;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the identifier rules in {@code shared} (ADR 0021), over generated identifiers: what a valid one
 * looks like is built from the standard, and every single-character error and every swap of two neighbours must be
 * caught, which is what the check characters of GB 11643 (ISO 7064 MOD 11-2), GB 32100 (MOD 31) and GB/T 36904
 * (ISO 7064 MOD 37,36) are for. A failure prints the seed; {@code -DQT_SEED=…} runs the same examples again.
 */
class IdentifierPropertyTests {

    /** The string with the character at {@code i} replaced by the {@code k}-th other character of the alphabet. */
    private static String substituted(String s, int i, int k, String alphabet) {
        var others = alphabet.replace(String.valueOf(s.charAt(i)), "");
        return s.substring(0, i) + others.charAt(k % others.length()) + s.substring(i + 1);
    }

    private static String swapped(String s, int i) {
        return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
    }

    // --- 公民身份号码 GB 11643 ---

    @Test
    void aNumberWithAKnownRegionAPastBirthDateAndItsCheckCharacterIsAcceptedAndReadBack() {
        qt().forAll(idNumbers()).checkAssert(n -> {
            var id = IdNumber.parse(n);
            assertThat(id.value()).isEqualTo(n);
            assertThat(id.birthDate().toString().replace("-", "")).isEqualTo(n.substring(6, 14));
            assertThat(id.sex()).isEqualTo((n.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE);
            // Parsing is idempotent, and what a person types (a lower-case x, blanks around) means the same number.
            assertThat(IdNumber.parse(id.value())).isEqualTo(id);
            assertThat(IdNumber.parse("  " + n.toLowerCase(Locale.ROOT) + "\t")).isEqualTo(id);
        });
    }

    @Test
    void everySingleCharacterErrorInANumberIsRefused() {
        qt().forAll(idNumbers(), integers().between(0, 17), integers().between(0, 10))
                .checkAssert((n, i, k) -> {
                    var wrong = substituted(n, i, k, i == 17 ? "0123456789X" : "0123456789");
                    assertThat(IdNumber.isValid(wrong)).as(wrong).isFalse();
                });
    }

    @Test
    void everySwapOfTwoDifferentNeighboursInANumberIsRefused() {
        qt().forAll(idNumbers(), integers().between(0, 16))
                .assuming((n, i) -> n.charAt(i) != n.charAt(i + 1))
                .checkAssert((n, i) -> assertThat(IdNumber.isValid(swapped(n, i)))
                        .as(swapped(n, i))
                        .isFalse());
    }

    @Test
    void aNumberNeverShowsInFullWhereItIsPrinted() {
        qt().forAll(idNumbers()).checkAssert(n -> {
            var id = IdNumber.parse(n);
            assertThat(id.toString())
                    .doesNotContain(n)
                    .isEqualTo(id.masked())
                    .isEqualTo(n.substring(0, 4) + "*".repeat(10) + n.substring(14));
        });
    }

    // --- 统一社会信用代码 GB 32100 ---

    @Test
    void aCodeWithItsCheckCharacterIsAcceptedAsTypedInAnyCase() {
        qt().forAll(creditCodes()).checkAssert(c -> {
            assertThat(CreditCode.parse(c).value()).isEqualTo(c);
            assertThat(CreditCode.parse(" " + c.toLowerCase(Locale.ROOT) + " ").value())
                    .isEqualTo(c);
            assertThat(CreditCode.checkChar(c.substring(0, 17))).isEqualTo(c.charAt(17));
        });
    }

    @Test
    void everySingleCharacterErrorAndEverySwapOfNeighboursInACodeIsRefused() {
        qt().forAll(creditCodes(), integers().between(0, 17), integers().between(0, 30))
                .checkAssert((c, i, k) -> {
                    var wrong = substituted(c, i, k, i >= 2 && i < 8 ? "0123456789" : CREDIT_ALPHABET);
                    assertThat(CreditCode.isValid(wrong)).as(wrong).isFalse();
                    if (i < 17 && c.charAt(i) != c.charAt(i + 1)) {
                        assertThat(CreditCode.isValid(swapped(c, i)))
                                .as(swapped(c, i))
                                .isFalse();
                    }
                });
    }

    @Test
    void aCodeWithAWrongCheckCharacterIsOnlyLoadableAsTrusted() {
        qt().forAll(creditCodes(), integers().between(0, 29)).checkAssert((c, k) -> {
            var pilot = substituted(c, 17, k, CREDIT_ALPHABET);
            assertThat(CreditCode.trusted(pilot).value()).isEqualTo(pilot);
            assertThatThrownBy(() -> CreditCode.parse(pilot))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("validation.creditCode.checksum"));
        });
    }

    // --- 电子证照标识 GB/T 36904 ---

    private static Gen<LicenseIdentifier> licenseIdentifiers() {
        return chars(LICENCE_ALPHABET, 1, 24)
                .zip(
                        chars(LICENCE_ALPHABET, 1, 20),
                        chars(LICENCE_ALPHABET, 1, 64),
                        integers().between(1, 999),
                        LicenseIdentifier::of);
    }

    @Test
    void anIdentifierReadsBackFromItsWrittenFormInAnyCase() {
        qt().forAll(licenseIdentifiers()).checkAssert(id -> {
            assertThat(LicenseIdentifier.parse(id.value())).isEqualTo(id);
            assertThat(LicenseIdentifier.parse("  " + id.value().toLowerCase(Locale.ROOT) + " "))
                    .isEqualTo(id);
            assertThat(id.value()).startsWith(LicenseIdentifier.ROOT + ".");
        });
    }

    @Test
    void everySingleCharacterErrorInTheCheckedPartsIsRefused() {
        qt().forAll(licenseIdentifiers(), integers().between(0, 200), integers().between(0, 34))
                .checkAssert((id, p, k) -> {
                    // The checked parts: type code, issuer code, serial and version, with the dots between them.
                    var value = id.value();
                    int start = LicenseIdentifier.ROOT.length() + 1;
                    int end = value.length() - 2;
                    int i = start + p % (end - start);
                    if (value.charAt(i) == '.') return;
                    var wrong = substituted(value, i, k, LICENCE_ALPHABET);
                    assertThat(LicenseIdentifier.isValid(wrong)).as(wrong).isFalse();
                });
    }

    @Test
    void theNextVersionKeepsTheLicenseAndCountsUpToNineHundredNinetyNine() {
        qt().forAll(licenseIdentifiers()).checkAssert(id -> {
            if (id.versionNumber() == 999) {
                assertThatThrownBy(id::nextVersion).isInstanceOf(InvalidValueException.class);
                return;
            }
            var next = id.nextVersion();
            assertThat(next.versionNumber()).isEqualTo(id.versionNumber() + 1);
            assertThat(next.typeCode()).isEqualTo(id.typeCode());
            assertThat(next.issuerCode()).isEqualTo(id.issuerCode());
            assertThat(next.serial()).isEqualTo(id.serial());
            assertThat(LicenseIdentifier.isValid(next.value())).isTrue();
        });
    }

    // --- 手机号码 ---

    @Test
    void aMobileNumberAsPeopleWriteItParsesToItsElevenDigits() {
        // Blanks, dashes or no-break spaces between the digit groups, a country prefix or none.
        var separators = Generate.pick(java.util.List.of("", " ", "-", "\u00a0", "\u3000", " - "));
        var prefixes = Generate.pick(java.util.List.of("", "+86", "+86 ", "0086", "0086-"));
        qt().forAll(phoneNumbers(), prefixes, separators, separators).checkAssert((n, prefix, a, b) -> {
            var written = prefix + n.substring(0, 3) + a + n.substring(3, 7) + b + n.substring(7);
            assertThat(PhoneNumber.parse(written).value()).as(written).isEqualTo(n);
        });
    }

    @Test
    void aNumberOfAnotherShapeIsRefused() {
        qt().forAll(phoneNumbers(), integers().between(0, 2)).checkAssert((n, second) -> {
            assertThat(PhoneNumber.isValid("1" + second + n.substring(2))).isFalse();
            assertThat(PhoneNumber.isValid(n.substring(1))).isFalse();
            assertThat(PhoneNumber.isValid(n + second)).isFalse();
        });
    }

    @Test
    void aMobileNumberShowsOnlyItsFirstThreeAndLastFourDigits() {
        qt().forAll(phoneNumbers()).checkAssert(n -> {
            var phone = PhoneNumber.parse(n);
            assertThat(phone.toString())
                    .isEqualTo(phone.masked())
                    .isEqualTo(n.substring(0, 3) + "****" + n.substring(7));
        });
    }
}
