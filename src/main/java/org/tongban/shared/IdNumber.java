package org.tongban.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A citizen ID number (公民身份号码, GB 11643-1999): 18 characters, upper-case check character, valid province
 * prefix, possible birth date and correct ISO 7064 MOD 11-2 check character. Both {@link #parse} and the canonical
 * constructor validate, so an instance is never invalid.
 *
 * <p>The number is personal information: {@link #toString()} returns the masked form so that it never reaches a log
 * in full. Use {@link #value()} only where the full number is really needed.
 */
public record IdNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("^\\d{17}[\\dX]$");
    private static final Pattern FIRST_17 = Pattern.compile("^\\d{17}$");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final Set<String> PROVINCES = Set.of(
            "11",
            "12",
            "13",
            "14",
            "15",
            "21",
            "22",
            "23",
            "31",
            "32",
            "33",
            "34",
            "35",
            "36",
            "37",
            "41",
            "42",
            "43",
            "44",
            "45",
            "46",
            "50",
            "51",
            "52",
            "53",
            "54",
            "61",
            "62",
            "63",
            "64",
            "65",
            // 83: residence permits of Taiwan residents (since 2018) carry 830000 as their region.
            "71",
            "81",
            "82",
            "83",
            "91");
    // 1800, not 1900: numbers of people born in the 1880s were issued and still sit in registers (440524188001010014).
    private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1800, 1, 1);
    // Birth dates are Beijing dates; "in the future" must not depend on the server's time zone.
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    public IdNumber {
        validate(value);
    }

    /**
     * Parses user input: trims it and accepts a lower-case {@code x} as check character.
     *
     * @throws InvalidValueException with key {@code validation.idNumber.required}, {@code .format}, {@code .region},
     *     {@code .birthDate} or {@code .checksum}
     */
    public static IdNumber parse(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("validation.idNumber.required", "ID number is required");
        }
        var trimmed = raw.strip();
        if (trimmed.endsWith("x")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1) + 'X';
        }
        return new IdNumber(trimmed);
    }

    /** Whether {@link #parse} would accept the input. */
    public static boolean isValid(@Nullable String raw) {
        try {
            parse(raw);
            return true;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    /**
     * The ISO 7064 MOD 11-2 check character for the first 17 digits.
     *
     * @throws InvalidValueException with key {@code validation.idNumber.format} unless given exactly 17 digits
     */
    public static char checkChar(String first17) {
        if (!FIRST_17.matcher(first17).matches()) {
            throw new InvalidValueException("validation.idNumber.format", "expected 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    /** From the parity of the 3-digit sequence number: odd = male, even = female. */
    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** First 4 and last 4 characters, the rest as {@code *}: {@code 1101**********002X}. */
    public String masked() {
        return Masking.idNumber(value);
    }

    /** The masked form, so that logging an {@code IdNumber} never leaks the full number. */
    @Override
    public String toString() {
        return masked();
    }

    private static void validate(@Nullable String value) {
        // The detail messages never include the value: they end up in logs.
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("validation.idNumber.required", "ID number is required");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValueException(
                    "validation.idNumber.format", "ID number must be 17 digits and a digit or X");
        }
        if (!PROVINCES.contains(value.substring(0, 2))) {
            throw new InvalidValueException("validation.idNumber.region", "ID number has an unknown province code");
        }
        LocalDate birth;
        try {
            birth = birthDateOf(value);
        } catch (DateTimeException e) {
            throw new InvalidValueException("validation.idNumber.birthDate", "ID number has an impossible birth date");
        }
        if (birth.isBefore(EARLIEST_BIRTH) || birth.isAfter(LocalDate.now(CHINA))) {
            throw new InvalidValueException("validation.idNumber.birthDate", "ID number has a birth date out of range");
        }
        if (checkChar(value.substring(0, 17)) != value.charAt(17)) {
            throw new InvalidValueException("validation.idNumber.checksum", "ID number check character is wrong");
        }
    }

    private static LocalDate birthDateOf(String value) {
        return LocalDate.of(
                Integer.parseInt(value.substring(6, 10)),
                Integer.parseInt(value.substring(10, 12)),
                Integer.parseInt(value.substring(12, 14)));
    }
}
