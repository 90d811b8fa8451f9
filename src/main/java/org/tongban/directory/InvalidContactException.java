package org.tongban.directory;

import java.util.Map;
import org.tongban.shared.InvalidInput;

/** Contact details whose fields fail their checks: message keys by field, all at once. Nothing was written. */
public class InvalidContactException extends InvalidInput {

    private static final long serialVersionUID = 1L;

    public InvalidContactException(Map<String, String> fieldErrors) {
        super(fieldErrors);
    }
}
