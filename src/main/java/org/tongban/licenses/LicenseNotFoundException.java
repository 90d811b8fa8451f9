package org.tongban.licenses;

import java.util.Map;
import org.tongban.shared.Refusal;

/**
 * No such licence, or not one the caller may see: another holder's licence is "not found" too, so that an identifier
 * does not reveal that it exists.
 */
public class LicenseNotFoundException extends Refusal {

    private static final long serialVersionUID = 1L;

    public LicenseNotFoundException() {
        super(Kind.NOT_FOUND, "licenses.error.notFound", null, "licence not found", Map.of());
    }
}
