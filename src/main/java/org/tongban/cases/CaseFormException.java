package org.tongban.cases;

import java.util.Map;

/**
 * Answers or materials that cannot be accepted, each with a message key: form answers by their key, materials as
 * {@code material.<n>}. Nothing was written.
 */
public class CaseFormException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public CaseFormException(Map<String, String> fieldErrors) {
        super("Invalid application: " + fieldErrors.keySet());
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
