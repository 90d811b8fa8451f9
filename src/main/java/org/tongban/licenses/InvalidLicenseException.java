package org.tongban.licenses;

import java.util.Map;

/** The licence data failed its checks: message keys by field, all problems at once. Nothing was issued. */
public class InvalidLicenseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Map<String, String> fieldErrors;

    public InvalidLicenseException(Map<String, String> fieldErrors) {
        super("invalid licence data: " + fieldErrors.keySet(), null, false, false);
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
