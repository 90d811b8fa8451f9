package org.tongban.healthcode;

import java.util.Map;
import org.tongban.shared.InvalidInput;

/** Input to the health code that cannot be accepted, field by field; nothing was written. */
public class InvalidHealthCodeInputException extends InvalidInput {

    private static final long serialVersionUID = 1L;

    public InvalidHealthCodeInputException(Map<String, String> fieldErrors) {
        super(fieldErrors);
    }
}
