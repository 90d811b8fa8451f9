package org.tongban.catalog.internal;

import java.util.ArrayList;
import java.util.List;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
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
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private Pinyin() {}

    /** Initials and full pinyin, separated by a space: 社保卡 → "sbk shebaoka". */
    static String of(String chinese) {
        var syllables = syllables(chinese);
        var initials = new StringBuilder();
        for (var syllable : syllables) initials.append(syllable.charAt(0));
        return initials + " " + String.join("", syllables);
    }

    /**
     * The initials and the full pinyin from each character on, so that a prefix search over them finds a name by
     * pinyin typed from any character: 社会保障卡 → shbzk, hbzk, …, shehuibaozhangka, huibaozhangka, ….
     */
    static List<String> suffixes(String chinese) {
        var syllables = syllables(chinese);
        var suffixes = new ArrayList<String>(syllables.size() * 2);
        for (int i = 0; i < syllables.size(); i++) {
            var initials = new StringBuilder();
            var full = new StringBuilder();
            for (var syllable : syllables.subList(i, syllables.size())) {
                initials.append(syllable.charAt(0));
                full.append(syllable);
            }
            suffixes.add(initials.toString());
            suffixes.add(full.toString());
        }
        return suffixes;
    }

    /** Each character's first reading; a letter or digit as itself, in lower case; anything else left out. */
    private static List<String> syllables(String chinese) {
        var syllables = new ArrayList<String>(chinese.length());
        for (char c : chinese.toCharArray()) {
            String[] readings;
            try {
                readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
            if (readings != null && readings.length > 0) {
                syllables.add(readings[0]);
            } else if (Character.isLetterOrDigit(c)) {
                syllables.add(String.valueOf(Character.toLowerCase(c)));
            }
        }
        return syllables;
    }
}
