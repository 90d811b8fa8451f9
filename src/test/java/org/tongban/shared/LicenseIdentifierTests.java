package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB/T 36904 identifiers with the ISO 7064 MOD 37,36 check character, against the published samples (DOMAIN.md 4.4). */
class LicenseIdentifierTests {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private static String keyOf(String raw) {
        try {
            LicenseIdentifier.parse(raw);
        } catch (InvalidValueException e) {
            return e.messageKey();
        }
        throw new AssertionError("accepted " + raw);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U",
                "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F",
                "1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0",
                "1.2.156.3005.2.11100000MB03271699022.340100.000000016.001.9"
            })
    void acceptsThePublishedIdentifiersAndComputesTheirCheckCharacter(String sample) {
        var id = LicenseIdentifier.parse(sample);
        assertThat(id.value()).isEqualTo(sample);
        assertThat(id.toString()).isEqualTo(sample);
        var body = id.typeCode() + id.issuerCode() + id.serial() + id.version();
        assertThat(LicenseIdentifier.checkChar(body)).isEqualTo(sample.charAt(sample.length() - 1));
        assertThat(LicenseIdentifier.of(id.typeCode(), id.issuerCode(), id.serial(), id.versionNumber()))
                .isEqualTo(id);
    }

    @Test
    void theWorkedExampleEndsInF() {
        // DOMAIN.md 4.4: 49 characters, last step S = 11, P = 22; (37 − 22) mod 36 = 15 → F.
        var input = "11100000000013338W03211220000013544541J2430599001";
        assertThat(input).hasSize(49);
        assertThat(LicenseIdentifier.checkChar(input)).isEqualTo('F');
    }

    @Test
    void theOffByOneVendorMappingWouldFailTheSamples() {
        // A utility that maps A to 11 instead of 10 computes another character for the first sample.
        var input = "11100000000013338W01111430000006122244L20230000403001";
        int p = 36;
        for (char c : input.toCharArray()) {
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 11;
            int s = (p + v) % 36;
            if (s == 0) s = 36;
            p = (2 * s) % 37;
        }
        assertThat(ALPHABET.charAt((37 - p) % 36)).isNotEqualTo('U');
        assertThat(LicenseIdentifier.checkChar(input)).isEqualTo('U');
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U",
                "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F"
            })
    void everyOtherCheckCharacterIsRefused(String sample) {
        var head = sample.substring(0, sample.length() - 1);
        for (char c : ALPHABET.toCharArray()) {
            if (c == sample.charAt(sample.length() - 1)) continue;
            assertThat(keyOf(head + c)).as("check %s", c).isEqualTo("validation.licenseId.checksum");
        }
    }

    @Test
    void aChangedCharacterAnywhereIsDetected() {
        var sample = "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F";
        // Every single-character substitution in the checked body changes the check character (MOD 37,36 catches all
        // single substitutions).
        int start = LicenseIdentifier.ROOT.length() + 1;
        for (int i = start; i < sample.length() - 2; i++) {
            if (sample.charAt(i) == '.') continue;
            var original = sample.charAt(i);
            var replacement = original == '1' ? '2' : '1';
            var changed = sample.substring(0, i) + replacement + sample.substring(i + 1);
            assertThat(LicenseIdentifier.isValid(changed)).as("position %d", i).isFalse();
        }
    }

    @Test
    void twoAdjacentCharactersSwappedAreDetected() {
        var sample = "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F";
        var swapped = sample.replace("2430599", "4230599");
        assertThat(keyOf(swapped)).isEqualTo("validation.licenseId.checksum");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void blankIsRequired(String raw) {
        assertThat(keyOf(raw)).isEqualTo("validation.licenseId.required");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.2.156.3005.3.11100000000013338W032.11220000013544541J.2430599.001.F",
                "11100000000013338W032.11220000013544541J.2430599.001.F",
                "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001",
                "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.01.F",
                "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.000.F",
                "1.2.156.3005.2.11100000000013338W032..2430599.001.F",
                "1.2.156.3005.2.11100000000013338W032.11220000013544541J.24305-99.001.F",
                "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.FF",
                "1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F.X"
            })
    void malformedIdentifiersAreRefusedAsFormat(String raw) {
        assertThat(keyOf(raw)).isEqualTo("validation.licenseId.format");
    }

    @Test
    void lowerCaseAndBlanksAreNormalised() {
        var id = LicenseIdentifier.parse("  1.2.156.3005.2.11100000000013338w032.11220000013544541j.2430599.001.f ");
        assertThat(id.value()).isEqualTo("1.2.156.3005.2.11100000000013338W032.11220000013544541J.2430599.001.F");
    }

    @Test
    void theNextVersionKeepsTheSerialAndComputesANewCheck() {
        var first = LicenseIdentifier.of("11100000000013338W032", "11220000013544541J", "2430599", 1);
        assertThat(first.value()).endsWith(".2430599.001.F");
        var second = first.nextVersion();
        assertThat(second.serial()).isEqualTo("2430599");
        assertThat(second.version()).isEqualTo("002");
        assertThat(LicenseIdentifier.parse(second.value())).isEqualTo(second);
        assertThatThrownBy(() -> LicenseIdentifier.of("A", "B", "C", 1000)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void theCanonicalConstructorRefusesAWrongCheck() {
        assertThatThrownBy(() ->
                        new LicenseIdentifier("11100000000013338W032", "11220000013544541J", "2430599", "001", 'G'))
                .isInstanceOfSatisfying(
                        InvalidValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("validation.licenseId.checksum"));
    }
}
