package org.tongban.documents;

import java.util.Map;
import org.tongban.shared.InvalidInput;

/** A draft whose elements fail their checks: message keys by field, all at once. Nothing was written. */
public class InvalidDocumentException extends InvalidInput {

    private static final long serialVersionUID = 1L;

    public InvalidDocumentException(Map<String, String> fieldErrors) {
        super(fieldErrors);
    }
}
