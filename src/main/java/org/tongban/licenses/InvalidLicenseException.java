package org.tongban.licenses;

import java.util.Map;
import org.tongban.shared.InvalidInput;

/** The license data failed its checks: message keys by field, all problems at once. Nothing was issued. */
public class InvalidLicenseException extends InvalidInput {

    private static final long serialVersionUID = 1L;

    public InvalidLicenseException(Map<String, String> fieldErrors) {
        super(fieldErrors);
    }
}
