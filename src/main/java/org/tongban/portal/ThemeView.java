package org.tongban.portal;

/** A service theme (life event or enterprise stage) on the portal. */
public record ThemeView(
        String code, String audience, String nameZh, String nameEn, String icon, int sortOrder, boolean visible) {

    public String name(java.util.Locale locale) {
        return org.tongban.shared.Bilingual.pick(locale, nameZh, nameEn);
    }
}
