package org.tongban.identity;

import java.util.Map;
import org.tongban.shared.InvalidInput;

/**
 * Input that cannot be accepted, field by field: each field maps to a message key, so that a page shows the
 * message next to the field and an API answers an RFC 9457 problem listing them.
 */
public class InvalidInputException extends InvalidInput {

    private static final long serialVersionUID = 1L;

    public InvalidInputException(Map<String, String> fieldErrors) {
        super(fieldErrors);
    }

    public static InvalidInputException of(String field, String messageKey) {
        return new InvalidInputException(Map.of(field, messageKey));
    }
}
