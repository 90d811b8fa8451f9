package org.tongban.cases;

import java.util.Map;
import org.tongban.shared.InvalidInput;

/**
 * Answers or materials that cannot be accepted, each with a message key: form answers by their key, materials as
 * {@code material.<n>}. Nothing was written.
 */
public class CaseFormException extends InvalidInput {

    private static final long serialVersionUID = 1L;

    public CaseFormException(Map<String, String> fieldErrors) {
        super(fieldErrors, Map.of(), "cases.error.form");
    }
}
