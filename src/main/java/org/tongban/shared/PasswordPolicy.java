package org.tongban.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Password complexity for 等保 2.0 level 3 (GB/T 22239-2019, identity authentication a): length, character classes,
 * and no personal data an attacker can look up (ID number, phone, login name). Pure rules, no storage or history.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 64;
    public static final int MIN_CLASSES = 3;
    /** Login names shorter than this are too common as substrings to forbid. */
    private static final int MIN_LOGIN_NAME = 4;
    /** The tail of an ID number or phone that people reuse as a "personal" suffix. */
    private static final int TAIL = 8;

    private PasswordPolicy() {}

    /**
     * The rules the password breaks, as i18n keys in a fixed order; empty when it is acceptable. Personal data that is
     * {@code null} or blank is skipped.
     */
    public static List<String> violations(
            String password, @Nullable String idNumber, @Nullable String phone, @Nullable String loginName) {
        var violations = new ArrayList<String>();
        // Code points, so that a character outside the BMP counts once, as the user sees it.
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            violations.add("validation.password.length");
        }
        if (characterClasses(password) < MIN_CLASSES) {
            violations.add("validation.password.classes");
        }
        var upper = password.toUpperCase(Locale.ROOT);
        if (idNumber != null
                && !idNumber.isBlank()
                && containsWholeOrTail(upper, idNumber.strip().toUpperCase(Locale.ROOT))) {
            violations.add("validation.password.containsIdNumber");
        }
        if (phone != null && containsWholeOrTail(password, nationalDigits(phone))) {
            violations.add("validation.password.containsPhone");
        }
        if (loginName != null
                && loginName.strip().length() >= MIN_LOGIN_NAME
                && upper.contains(loginName.strip().toUpperCase(Locale.ROOT))) {
            violations.add("validation.password.containsLoginName");
        }
        return List.copyOf(violations);
    }

    private static int characterClasses(String password) {
        boolean lower = false, upper = false, digit = false, other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'a' && c <= 'z') lower = true;
            else if (c >= 'A' && c <= 'Z') upper = true;
            else if (c >= '0' && c <= '9') digit = true;
            else other = true;
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    private static boolean containsWholeOrTail(String haystack, String value) {
        if (value.length() < TAIL) {
            return false;
        }
        return haystack.contains(value) || haystack.contains(value.substring(value.length() - TAIL));
    }

    /** The digits of the phone without a +86/0086 prefix, so that raw, unparsed input is checked the same way. */
    private static String nationalDigits(String phone) {
        var digits = PhoneNumber.normalise(phone.strip()).replaceAll("\\D", "");
        return digits.length() > 11 ? digits.substring(digits.length() - 11) : digits;
    }
}
