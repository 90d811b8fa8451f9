package org.tongban.shared;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015) of a legal person or other organisation.
 *
 * <p>The canonical constructor checks only the format, not the check character, because some legal early pilot codes
 * fail the check (e.g. {@code 91350100M0001TGQXM}) and must stay loadable from storage and from an allow-list. User
 * input goes through {@link #parse}, which also verifies the check character; {@link #trusted} is the audited
 * exception. Credit codes are public, so {@link #toString()} returns the value unmasked.
 */
public record CreditCode(String value) {

    /** The 31 characters of the code alphabet; a character's value is its index. No I, O, S, V, Z. */
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final Pattern FORMAT = Pattern.compile("^[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}$");
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    public CreditCode {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("validation.creditCode.required", "credit code is required");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValueException(
                    "validation.creditCode.format", "credit code must be 18 characters of the GB 32100 alphabet");
        }
    }

    /**
     * Parses user input: trims and upper-cases it, then checks format and check character.
     *
     * @throws InvalidValueException with key {@code validation.creditCode.required}, {@code .format} or
     *     {@code .checksum}
     */
    public static CreditCode parse(@Nullable String raw) {
        var code = new CreditCode(normalise(raw));
        if (checkChar(code.value.substring(0, 17)) != code.value.charAt(17)) {
            throw new InvalidValueException("validation.creditCode.checksum", "credit code check character is wrong");
        }
        return code;
    }

    /**
     * For codes on an audited allow-list only: accepts a code whose check character is wrong (legal early pilot
     * codes such as {@code 91350100M0001TGQXM}), checking just the format. The caller owns the allow-list and its
     * audit trail; never call this with unvetted user input.
     *
     * @throws InvalidValueException with key {@code validation.creditCode.required} or {@code .format}
     */
    public static CreditCode trusted(String value) {
        return new CreditCode(normalise(value));
    }

    /** Whether {@link #parse} would accept the input; {@code false} for pilot codes that fail the check. */
    public static boolean isValid(@Nullable String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /**
     * The check character for the first 17 characters: {@code (31 − Σ Ci·Wi mod 31) mod 31} in the code alphabet.
     *
     * @throws InvalidValueException with key {@code validation.creditCode.format} unless given 17 characters of the
     *     code alphabet
     */
    public static char checkChar(String first17) {
        if (first17.length() != 17) {
            throw new InvalidValueException("validation.creditCode.format", "expected 17 characters");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new InvalidValueException(
                        "validation.creditCode.format",
                        "character outside the GB 32100 alphabet at position " + (i + 1));
            }
            sum += v * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /**
     * Composes a code from its parts and computes both check characters: the embedded 组织机构代码's (GB 11714,
     * position 17: weights 3 7 9 10 5 8 4 2 over values 0–35, {@code 11 − Σ mod 11}, 10 → X, 11 → 0) and the code's
     * own (GB 32100, position 18).
     *
     * @param authority the registration authority (position 1, e.g. {@code 9} 市场监管)
     * @param category the entity category (position 2, e.g. {@code 1} 企业, {@code 2} 个体工商户)
     * @param region the six-digit administrative division code (GB/T 2260)
     * @param body the organisation code's first eight characters, of the code alphabet
     * @throws InvalidValueException with key {@code validation.creditCode.format} when a part does not fit
     */
    public static CreditCode compose(char authority, char category, String region, String body) {
        if (!region.matches("\\d{6}") || body.length() != 8) {
            throw new InvalidValueException("validation.creditCode.format", "region or body of the wrong length");
        }
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            int v = Character.digit(body.charAt(i), 36);
            if (v < 0 || ALPHABET.indexOf(body.charAt(i)) < 0) {
                throw new InvalidValueException("validation.creditCode.format", "body outside the code alphabet");
            }
            sum += v * weights[i];
        }
        int check = 11 - sum % 11;
        var first17 = "" + authority + category + region + body
                + (check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
        return parse(first17 + checkChar(first17));
    }

    /** The number written in base 31 with the code alphabet, zero-padded to this many characters. */
    public static String base31(long number, int width) {
        if (number < 0) throw new IllegalArgumentException("negative");
        var out = new StringBuilder();
        for (long n = number; n > 0; n /= 31) out.insert(0, ALPHABET.charAt((int) (n % 31)));
        while (out.length() < width) out.insert(0, '0');
        if (out.length() > width) throw new IllegalArgumentException("does not fit in " + width + " characters");
        return out.toString();
    }

    @Override
    public String toString() {
        return value;
    }

    private static String normalise(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("validation.creditCode.required", "credit code is required");
        }
        return raw.strip().toUpperCase(Locale.ROOT);
    }
}
