package org.tongban.licenses;

import java.util.Map;
import org.tongban.shared.Refusal;

/**
 * No such license, or not one the caller may see: another holder's license is "not found" too, so that an identifier
 * does not reveal that it exists.
 */
public class LicenseNotFoundException extends Refusal {

    private static final long serialVersionUID = 1L;

    public LicenseNotFoundException() {
        super(Kind.NOT_FOUND, "licenses.error.notFound", null, "license not found", Map.of());
    }
}
