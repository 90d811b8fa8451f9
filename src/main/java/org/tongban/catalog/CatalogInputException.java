package org.tongban.catalog;

import java.util.Map;
import org.tongban.shared.InvalidInput;

/** An item change that cannot be accepted, field by field (each field maps to a message key). */
public class CatalogInputException extends InvalidInput {

    private static final long serialVersionUID = 1L;

    public CatalogInputException(Map<String, String> fieldErrors) {
        super(fieldErrors);
    }
}
