package org.tongban.ratings;

import java.util.Map;

/** Input that failed its checks: field name to message key. */
public class InvalidRatingException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidRatingException(Map<String, String> fieldErrors) {
        super("Invalid fields " + fieldErrors.keySet());
        this.fieldErrors = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fieldErrors));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
