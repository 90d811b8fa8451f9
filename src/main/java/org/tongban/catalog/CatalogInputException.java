package org.tongban.catalog;

import java.util.Map;

/** An item change that cannot be accepted, field by field (each field maps to a message key). */
public class CatalogInputException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public CatalogInputException(Map<String, String> fieldErrors) {
        super("Invalid item: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
