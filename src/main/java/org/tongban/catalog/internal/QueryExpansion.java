package org.tongban.catalog.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a search text may also mean, by the managers' synonym list (ADR 0025): every word of the list found in the
 * text is replaced by each of its expansions (社保卡 → 社会保障卡, 我要开公司 → 我要企业设立), and a text typed in
 * pinyin that spells a word of the list (shebao, sb) stands for that word. The lookup walks the text's substrings,
 * so its cost does not grow with the list.
 */
final class QueryExpansion {

    /** At most this many readings of one text, the text itself first. */
    static final int MAX_ALTERNATIVES = 12;

    private static final int MAX_TERM = 20;

    private final Map<String, List<String>> synonyms;
    private final Map<String, String> byPinyin = new HashMap<>();

    QueryExpansion(Map<String, List<String>> synonyms) {
        this.synonyms = synonyms;
        for (var term : synonyms.keySet()) {
            var pinyin = Pinyin.of(term).split(" ");
            if (pinyin.length == 2 && pinyin[1].length() > 1) {
                byPinyin.putIfAbsent(pinyin[1], term);
                if (pinyin[0].length() > 1) byPinyin.putIfAbsent(pinyin[0], term);
            }
        }
    }

    /** Full-width folded (ＡＢＣ, １２３), lower case, spaces collapsed; null is empty. */
    static String normalize(@Nullable String text) {
        if (text == null) return "";
        return Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .strip()
                .replaceAll("\\s+", " ");
    }

    /** Whether the text is pinyin or English: Latin letters, digits and spaces only. */
    static boolean latin(String text) {
        return text.matches("[a-z0-9 ]+");
    }

    /**
     * Words of a question that say nothing about the item (社保卡怎么办 is about 社保卡), longest first. Left out of a
     * second reading of the text; a fixed list, as these are the language's and not the catalogue's.
     */
    private static final List<String> FILLERS = List.of(
            "需要什么材料", "需要哪些材料", "要什么材料", "在哪里办理", "怎么办理", "如何办理", "怎样办理", "在哪里办", "去哪里办", "办理流程", "怎么申请", "如何申请", "在哪里",
            "去哪里", "哪里办", "怎么办", "怎么弄", "怎么", "如何", "怎样", "我要", "我想", "想要", "请问", "网上", "在线", "手续", "流程");

    /** The text without the words of a question; the text itself when there are none or nothing else is left. */
    static String withoutFillers(String text) {
        var rest = text;
        for (var filler : FILLERS) rest = rest.replace(filler, " ");
        rest = rest.strip().replaceAll("\\s+", " ");
        return rest.isEmpty() ? text : rest;
    }

    /** The text first, then the text without the words of a question, then what the synonym list reads into them. */
    List<String> alternatives(String text) {
        var found = new LinkedHashSet<String>();
        found.add(text);
        found.add(withoutFillers(text));
        if (latin(text)) {
            var term = byPinyin.get(text.replace(" ", ""));
            if (term != null) found.add(term);
        }
        var queue = new ArrayList<>(found);
        for (int next = 0; next < queue.size() && found.size() < MAX_ALTERNATIVES; next++) {
            var s = queue.get(next);
            for (int i = 0; i < s.length(); i++) {
                for (int j = Math.min(s.length(), i + MAX_TERM); j > i; j--) {
                    var expansions = synonyms.get(s.substring(i, j));
                    if (expansions == null) continue;
                    for (var expansion : expansions) {
                        if (within(s, i, j, expansion)) continue;
                        var replaced = s.substring(0, i) + expansion + s.substring(j);
                        if (found.size() < MAX_ALTERNATIVES && found.add(replaced)) queue.add(replaced);
                    }
                }
            }
        }
        return List.copyOf(found);
    }

    /** Whether the word from i to j already stands inside the expansion there (驾驶证 in 机动车驾驶证). */
    private static boolean within(String s, int i, int j, String expansion) {
        var term = s.substring(i, j);
        int at = expansion.indexOf(term);
        if (at < 0) return false;
        int start = i - at;
        return start >= 0 && s.startsWith(expansion, start);
    }
}
