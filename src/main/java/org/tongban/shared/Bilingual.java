package org.tongban.shared;

import java.util.Locale;

/** Picks the Chinese or the English form of a name held in both, for the reader's locale (Chinese by default). */
public final class Bilingual {

    private Bilingual() {}

    public static String pick(Locale locale, String zh, String en) {
        return "en".equals(locale.getLanguage()) ? en : zh;
    }
}
