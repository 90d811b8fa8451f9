package org.tongban.appeals;

import java.util.Map;
import org.tongban.shared.InvalidInput;

/** A request form whose fields fail their checks: message keys by field, all at once. Nothing was written. */
public class InvalidAppealException extends InvalidInput {

    private static final long serialVersionUID = 1L;

    public InvalidAppealException(Map<String, String> fieldErrors) {
        super(fieldErrors);
    }
}
