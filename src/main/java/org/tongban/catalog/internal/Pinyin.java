package org.tongban.catalog.internal;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin of an item name, so that "sbk" or "shebaoka" finds 社会保障卡's items on a phone keyboard. A character
 * with several readings contributes its first, the most common.
 */
final class Pinyin {

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
    }

    private Pinyin() {}

    /** Initials and full pinyin, separated by a space: 社保卡 → "sbk shebaoka". */
    static String of(String chinese) {
        var initials = new StringBuilder();
        var full = new StringBuilder();
        for (char c : chinese.toCharArray()) {
            String[] readings;
            try {
                readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
            if (readings != null && readings.length > 0) {
                initials.append(readings[0].charAt(0));
                full.append(readings[0]);
            } else if (Character.isLetterOrDigit(c)) {
                initials.append(Character.toLowerCase(c));
                full.append(Character.toLowerCase(c));
            }
        }
        return initials + " " + full;
    }
}
