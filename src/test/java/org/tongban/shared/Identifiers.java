package org.tongban.shared;

import static org.quicktheories.generators.SourceDSL.integers;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators of valid identifiers for the property tests (ADR 0021), built from their standards rather than from
 * the classes under test: a region, a birth date and a sequence for an ID number, then only the check character
 * from {@code checkChar}, whose own correctness the published vectors in the example tests pin down.
 */
public final class Identifiers {

    private Identifiers() {}

    /** Province codes of GB/T 2260 in use on ID numbers, and 83 for residence permits of Taiwan residents. */
    static final List<String> PROVINCES = List.of(
            "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41", "42", "43",
            "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83", "91");

    /** The GB 32100 code alphabet: no I, O, S, V, Z. */
    static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    static final String LICENCE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** {@code n} characters drawn from the alphabet. */
    static Gen<String> chars(String alphabet, int n) {
        return org.quicktheories.generators.SourceDSL.lists()
                .of(integers().between(0, alphabet.length() - 1).map(alphabet::charAt))
                .ofSize(n)
                .map(list -> list.stream().map(String::valueOf).reduce("", String::concat));
    }

    /** Between {@code min} and {@code max} characters drawn from the alphabet. */
    static Gen<String> chars(String alphabet, int min, int max) {
        return integers().between(min, max).flatMap(n -> chars(alphabet, n));
    }

    /** A valid citizen ID number: a known province, a birth date from 1800 to today, any sequence. */
    public static Gen<String> idNumbers() {
        var today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        var births = Generate.longRange(LocalDate.of(1800, 1, 1).toEpochDay(), today.toEpochDay())
                .map(LocalDate::ofEpochDay);
        return Generate.pick(PROVINCES)
                .zip(chars("0123456789", 4), births, chars("0123456789", 3), (province, area, birth, sequence) -> {
                    var first17 = province
                            + area
                            + "%04d%02d%02d".formatted(birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                            + sequence;
                    return first17 + IdNumber.checkChar(first17);
                });
    }

    /** A valid mainland mobile number: 1, then 3–9, then nine digits. */
    public static Gen<String> phoneNumbers() {
        return integers().between(3, 9).zip(chars("0123456789", 9), (second, rest) -> "1" + second + rest);
    }

    /** A valid unified social credit code: the GB 32100 layout with its check character. */
    public static Gen<String> creditCodes() {
        return chars(CREDIT_ALPHABET, 2)
                .zip(
                        chars("0123456789", 6),
                        chars(CREDIT_ALPHABET, 9),
                        (head, region, body) -> head + region + body + CreditCode.checkChar(head + region + body));
    }
}
