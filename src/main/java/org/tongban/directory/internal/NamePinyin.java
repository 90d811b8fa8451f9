package org.tongban.directory.internal;

import java.util.ArrayList;
import java.util.Map;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The pinyin of a person's name with pinyin4j: 张三 → "zhangsan" and "zs". A character with several readings takes
 * its first, except a surname whose reading as a surname differs (曾 is zēng, not céng; 单 shàn, 区 ōu...).
 */
final class NamePinyin {

    record Spelling(String full, String initials) {}

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    private static final Map<Character, String> SURNAMES = Map.ofEntries(
            Map.entry('曾', "zeng"),
            Map.entry('单', "shan"),
            Map.entry('区', "ou"),
            Map.entry('解', "xie"),
            Map.entry('仇', "qiu"),
            Map.entry('朴', "piao"),
            Map.entry('查', "zha"),
            Map.entry('覃', "qin"),
            Map.entry('缪', "miao"),
            Map.entry('翟', "zhai"),
            Map.entry('乐', "yue"),
            Map.entry('万', "wan"),
            Map.entry('沈', "shen"),
            Map.entry('柏', "bai"),
            Map.entry('盖', "ge"));

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    private NamePinyin() {}

    static Spelling of(String name) {
        var syllables = new ArrayList<String>(name.length());
        var chars = name.strip().toCharArray();
        for (int i = 0; i < chars.length; i++) {
            var syllable = i == 0 ? SURNAMES.get(chars[i]) : null;
            syllables.add(syllable != null ? syllable : reading(chars[i]));
        }
        var kept = syllables.stream().filter(s -> !s.isEmpty()).toList();
        var initials = new StringBuilder();
        for (var s : kept) initials.append(s.charAt(0));
        return new Spelling(String.join("", kept), initials.toString());
    }

    private static String reading(char c) {
        String[] readings;
        try {
            readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
        if (readings != null && readings.length > 0) return readings[0];
        return Character.isLetterOrDigit(c) ? String.valueOf(Character.toLowerCase(c)) : "";
    }
}
