package org.tongban.shared;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A mainland China mobile number in its 11-digit national form, the form SMS gateways and the population register
 * use. It is personal information: {@link #toString()} returns the masked form.
 */
public record PhoneNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("^1[3-9]\\d{9}$");
    // \h covers the no-break and ideographic spaces that pasted and IME input brings along.
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\h-]");

    public PhoneNumber {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("validation.phone.required", "phone number is required");
        }
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("validation.phone.format", "not a mainland mobile number");
        }
    }

    /**
     * Parses user input: removes spaces and dashes and a leading {@code +86} or {@code 0086}.
     *
     * @throws InvalidValueException with key {@code validation.phone.required} or {@code validation.phone.format}
     */
    public static PhoneNumber parse(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("validation.phone.required", "phone number is required");
        }
        return new PhoneNumber(normalise(raw));
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

    /** {@code 138****5678}. */
    public String masked() {
        return Masking.phone(value);
    }

    /** The masked form, so that logging a {@code PhoneNumber} never leaks the full number. */
    @Override
    public String toString() {
        return masked();
    }

    /** Separators and the country prefix removed; no validation. */
    static String normalise(String raw) {
        var s = SEPARATORS.matcher(raw).replaceAll("");
        if (s.startsWith("+86")) {
            return s.substring(3);
        }
        if (s.startsWith("0086")) {
            return s.substring(4);
        }
        return s;
    }
}
