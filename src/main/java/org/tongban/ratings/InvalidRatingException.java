package org.tongban.ratings;

import java.util.Map;
import org.tongban.shared.InvalidInput;

/** Input that failed its checks: field name to message key. */
public class InvalidRatingException extends InvalidInput {

    private static final long serialVersionUID = 1L;

    public InvalidRatingException(Map<String, String> fieldErrors) {
        super(fieldErrors);
    }
}
