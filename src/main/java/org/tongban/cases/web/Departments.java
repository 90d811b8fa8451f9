package org.tongban.cases.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.tongban.catalog.CatalogManagement;

/** Department names by code in the reader's language, for timelines. */
final class Departments {

    private Departments() {}

    static Map<String, String> names(CatalogManagement catalog, Locale locale) {
        var names = new HashMap<String, String>();
        catalog.departments().forEach(d -> names.put(d[0], locale.getLanguage().equals("en") ? d[2] : d[1]));
        return names;
    }
}
