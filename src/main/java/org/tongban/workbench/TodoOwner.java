package org.tongban.workbench;

import java.util.Locale;
import java.util.UUID;

/**
 * Whose to-do is asked for: the official's account, her department (identity's code) and the reader's language,
 * in which providers write titles and actions.
 */
public record TodoOwner(UUID account, String department, Locale locale) {

    public boolean english() {
        return locale.getLanguage().equals("en");
    }
}
