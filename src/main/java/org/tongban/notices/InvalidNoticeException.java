package org.tongban.notices;

import java.util.Map;
import org.tongban.shared.InvalidInput;

/** A notice or meeting form whose fields fail their checks: message keys by field, all at once. Nothing was written. */
public class InvalidNoticeException extends InvalidInput {

    private static final long serialVersionUID = 1L;

    public InvalidNoticeException(Map<String, String> fieldErrors) {
        super(fieldErrors);
    }
}
