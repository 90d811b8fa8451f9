package org.tongban.shared;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Display masking for personal information (Tongban convention, DOMAIN §11.4), in one place so that every screen,
 * message and log line masks the same way. Methods accept anything, including invalid or {@code null} input, and
 * never throw: masking is used on error paths too. Short input is masked entirely rather than partly revealed.
 */
public final class Masking {

    /** Two-character surnames: without them 欧阳娜娜 would show as 欧*** and hide the surname users recognise. */
    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "太史", "端木", "上官", "司马", "东方", "独孤", "南宫", "万俟", "闻人", "夏侯", "诸葛", "尉迟", "公羊", "赫连", "澹台", "皇甫", "宗政",
            "濮阳", "公冶", "太叔", "申屠", "公孙", "慕容", "仲孙", "钟离", "长孙", "宇文", "司徒", "鲜于", "司空", "令狐");

    private Masking() {}

    /**
     * Surname followed by one {@code *} per remaining character: 张三 → 张*, 欧阳娜娜 → 欧阳**; a one-character name
     * becomes {@code *}. A two-character name is always read as surname + given name (欧阳 → 欧*).
     */
    public static String name(@Nullable String fullName) {
        if (fullName == null) {
            return "";
        }
        // Code points, not chars: rare characters in names (e.g. 𠮷) lie outside the BMP.
        int[] cps = fullName.strip().codePoints().toArray();
        if (cps.length <= 1) {
            return "*".repeat(cps.length);
        }
        int surname = cps.length >= 3 && COMPOUND_SURNAMES.contains(new String(cps, 0, 2)) ? 2 : 1;
        return new String(cps, 0, surname) + "*".repeat(cps.length - surname);
    }

    /** First 4 and last 4 characters, {@code *} in between: {@code 1101**********002X}. */
    public static String idNumber(@Nullable String idNumber) {
        return keepEnds(idNumber == null ? "" : idNumber.strip(), 4, 4);
    }

    /** First 3 and last 4 digits of the national number, {@code *} in between: {@code 138****5678}. */
    public static String phone(@Nullable String phone) {
        return keepEnds(phone == null ? "" : PhoneNumber.normalise(phone.strip()), 3, 4);
    }

    // An ID number (17 digits and a check character) or a mainland mobile number (with or without +86), standing alone.
    private static final java.util.regex.Pattern ID_IN_TEXT =
            java.util.regex.Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])");
    private static final java.util.regex.Pattern PHONE_IN_TEXT =
            java.util.regex.Pattern.compile("(?<![0-9A-Za-z])(?:\\+?86[- ]?)?1[3-9]\\d{9}(?![0-9A-Za-z])");

    /**
     * Free text (a log line, an exception message) with every ID number and mobile number in it masked, so that
     * no log line carries one in full whatever put it there (a driver's error detail, a framework's message).
     */
    public static String inText(@Nullable String text) {
        if (text == null || text.length() < 11) return text == null ? "" : text;
        var masked =
                ID_IN_TEXT.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(idNumber(m.group())));
        return PHONE_IN_TEXT
                .matcher(masked)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(phone(m.group())));
    }

    private static String keepEnds(String s, int head, int tail) {
        // Keep ends only if at least as many characters are hidden as shown at the end; otherwise mask it all.
        if (s.length() < head + 2 * tail) {
            return "*".repeat(s.length());
        }
        return s.substring(0, head) + "*".repeat(s.length() - head - tail) + s.substring(s.length() - tail);
    }
}
