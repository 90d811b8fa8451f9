package org.tongban.catalog;

import java.util.List;
import java.util.Locale;
import org.tongban.shared.Bilingual;

/**
 * The electronic license types a material can be replaced by, for the materials editor: implemented by the licenses
 * module (which depends on the catalogue, not the other way round). Without it no material names a license type.
 */
public interface LicenseTypeChoices {

    /** The license types in the order to offer them. */
    List<Choice> licenseTypes();

    /** A license type by its short code and names. */
    record Choice(String code, String zh, String en) {
        public String name(Locale locale) {
            return Bilingual.pick(locale, zh, en);
        }
    }
}
