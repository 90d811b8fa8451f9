package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;
import static org.tongban.shared.Identifiers.idNumbers;
import static org.tongban.shared.Identifiers.phoneNumbers;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of {@link Masking} (ADR 0021): it takes anything and never throws, since it runs on error paths; it
 * keeps the length, so that a masked value still looks like what it stands for; and free text keeps no ID number or
 * mobile number in full.
 */
class MaskingPropertyTests {

    /** Any text at all: every code point, surrogate pairs and blanks included. */
    private static Gen<String> anything() {
        return strings().allPossible().ofLengthBetween(0, 40);
    }

    @Test
    void maskingTakesAnyInputWithoutThrowingAndKeepsItsLength() {
        qt().forAll(anything()).checkAssert(s -> {
            var stripped = s.strip();
            assertThat(Masking.idNumber(s)).hasSize(stripped.length());
            assertThat(Masking.name(s).codePointCount(0, Masking.name(s).length()))
                    .isEqualTo(stripped.codePointCount(0, stripped.length()));
            assertThat(Masking.phone(s)).isNotNull();
            assertThat(Masking.inText(s)).isNotNull();
        });
    }

    @Test
    void aNameKeepsItsSurnameAndHidesEveryOtherCharacter() {
        var surnames = Generate.pick(List.of("张", "王", "李", "欧阳", "司马", "诸葛", "𠮷"));
        var given = strings().betweenCodePoints(0x4E00, 0x9FA5).ofLengthBetween(1, 3);
        qt().forAll(surnames, given).checkAssert((surname, rest) -> {
            var masked = Masking.name(surname + rest);
            // A compound surname shows both its characters; 𠮷 is one character in two UTF-16 units.
            int shown = surname.codePointCount(0, surname.length());
            assertThat(masked.codePoints().skip(shown).allMatch(c -> c == '*'))
                    .as(masked)
                    .isTrue();
            assertThat(masked)
                    .startsWith(new String(
                            (surname + rest).codePoints().limit(shown).toArray(), 0, shown));
        });
    }

    /** Text around the numbers: Chinese, letters, punctuation and blanks, never a digit next to a number. */
    private static Gen<String> prose() {
        return strings()
                .betweenCodePoints(0x4E00, 0x4E40)
                .ofLengthBetween(0, 6)
                .zip(
                        Generate.pick(List.of(" ", "：", "，", "(", ")", " id=", " phone: ", "\n", "号码 ")),
                        (a, b) -> b + a + b);
    }

    @Test
    void freeTextKeepsNoIdNumberAndNoMobileNumberInFull() {
        var numbers = Generate.oneOf(
                idNumbers(),
                phoneNumbers(),
                phoneNumbers().map(p -> "+86" + p),
                phoneNumbers().map(p -> "+86 " + p),
                idNumbers().map(n -> n.replace('X', 'x')));
        qt().forAll(
                        lists().of(prose().zip(numbers, (text, number) -> new String[] {text, number}))
                                .ofSizeBetween(1, 4),
                        prose())
                .checkAssert((parts, tail) -> {
                    var text = new StringBuilder();
                    for (var part : parts) text.append(part[0]).append(part[1]);
                    text.append(tail);
                    var masked = Masking.inText(text.toString());
                    for (var part : parts) {
                        var digits = part[1].replaceFirst("^\\+86 ?", "");
                        assertThat(masked).as(text.toString()).doesNotContain(digits);
                    }
                    // Masking masked text changes nothing more.
                    assertThat(Masking.inText(masked)).isEqualTo(masked);
                });
    }

    @Test
    void textWithoutLongDigitRunsIsLeftAsItIs() {
        var runs = integers().between(0, 9_999_999).map(i -> Integer.toString(i));
        qt().forAll(lists().of(prose().zip(runs, (a, b) -> a + b)).ofSizeBetween(0, 5))
                .checkAssert(parts -> {
                    var text = String.join("", parts);
                    assertThat(Masking.inText(text)).isEqualTo(text);
                });
    }
}
