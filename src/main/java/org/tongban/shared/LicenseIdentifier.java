package org.tongban.shared;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An electronic-license identifier (电子证照标识, GB/T 36904-2018):
 * {@code 1.2.156.3005.2.<type code>.<issuer code>.<serial>.<version>.<check>}.
 *
 * <ul>
 *   <li>type code (证照类型代码): the defining authority's credit code and a 3-digit sequence, e.g.
 *       {@code 11100000000013338W032};
 *   <li>issuer code (证照颁发机构代码): the issuing department's credit code (one real-estate deployment uses a region
 *       code, {@code 340100}, so the format is checked, not the GB 32100 check character);
 *   <li>serial (流水号): chosen by the issuer; its maximum length is not settled (DOMAIN.md 15), so up to 64;
 *   <li>version (版本号): 3 digits, {@code 001} at first issue, incremented on re-issue;
 *   <li>check (校验位): ISO/IEC 7064 MOD 37,36 over type code, issuer code, serial and version with the dots removed.
 * </ul>
 *
 * The canonical constructor checks everything, the check character included: an identifier never exists in an
 * invalid state. Identifiers are not personal data, so {@link #toString()} gives the value.
 */
public record LicenseIdentifier(String typeCode, String issuerCode, String serial, String version, char check) {

    /** The root OID of electronic licenses (GB/T 36904). */
    public static final String ROOT = "1.2.156.3005.2";

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern PART = Pattern.compile("^[0-9A-Z]{1,64}$");
    private static final Pattern VERSION = Pattern.compile("^\\d{3}$");

    public LicenseIdentifier {
        if (typeCode == null || !PART.matcher(typeCode).matches()) throw format("type code");
        if (issuerCode == null || !PART.matcher(issuerCode).matches()) throw format("issuer code");
        if (serial == null || !PART.matcher(serial).matches()) throw format("serial");
        if (version == null || !VERSION.matcher(version).matches() || version.equals("000")) throw format("version");
        if (checkChar(typeCode + issuerCode + serial + version) != check) {
            throw new InvalidValueException(
                    "validation.licenseId.checksum", "license identifier check character is wrong");
        }
    }

    /** A new identifier with its check character computed. */
    public static LicenseIdentifier of(String typeCode, String issuerCode, String serial, int version) {
        if (version < 1 || version > 999) throw format("version");
        var v = "%03d".formatted(version);
        return new LicenseIdentifier(typeCode, issuerCode, serial, v, checkChar(typeCode + issuerCode + serial + v));
    }

    /**
     * Parses an identifier as written, {@code 1.2.156.3005.2.…}; surrounding blanks are ignored, letters upper-cased.
     *
     * @throws InvalidValueException {@code validation.licenseId.required}, {@code .format} or {@code .checksum}
     */
    public static LicenseIdentifier parse(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("validation.licenseId.required", "license identifier is required");
        }
        var value = raw.strip().toUpperCase(Locale.ROOT);
        if (!value.startsWith(ROOT + ".")) throw format("root");
        var parts = value.substring(ROOT.length() + 1).split("\\.", -1);
        if (parts.length != 5 || parts[4].length() != 1) throw format("parts");
        return new LicenseIdentifier(parts[0], parts[1], parts[2], parts[3], parts[4].charAt(0));
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
     * The ISO/IEC 7064 MOD 37,36 check character (hybrid system, modulus 36) of {@code 0-9A-Z} input, where
     * {@code 0}–{@code 9} are worth 0–9 and {@code A}–{@code Z} 10–35. Some vendor utilities take a letter's
     * position plus one; the published identifiers in the tests show that is wrong.
     *
     * @throws InvalidValueException {@code validation.licenseId.format} for an empty input or a character outside
     *     the alphabet
     */
    public static char checkChar(String input) {
        if (input.isEmpty()) throw format("empty");
        int p = 36;
        for (int i = 0; i < input.length(); i++) {
            int value = ALPHABET.indexOf(input.charAt(i));
            if (value < 0) throw format("character");
            int s = (p + value) % 36;
            if (s == 0) s = 36;
            p = (2 * s) % 37;
        }
        return ALPHABET.charAt((37 - p) % 36);
    }

    /** The identifier as written: root, type code, issuer code, serial, version and check, separated by dots. */
    public String value() {
        return ROOT + "." + typeCode + "." + issuerCode + "." + serial + "." + version + "." + check;
    }

    /** The version as a number (1 at first issue). */
    public int versionNumber() {
        return Integer.parseInt(version);
    }

    /** The identifier of the next version of the same license (re-issue, renewal, change). */
    public LicenseIdentifier nextVersion() {
        return of(typeCode, issuerCode, serial, versionNumber() + 1);
    }

    @Override
    public String toString() {
        return value();
    }

    private static InvalidValueException format(String what) {
        return new InvalidValueException("validation.licenseId.format", "license identifier has a malformed " + what);
    }
}
