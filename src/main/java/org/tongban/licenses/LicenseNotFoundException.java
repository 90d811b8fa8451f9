package org.tongban.licenses;

/**
 * No such licence, or not one the caller may see: another holder's licence is "not found" too, so that an identifier
 * does not reveal that it exists.
 */
public class LicenseNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LicenseNotFoundException() {
        super("licence not found", null, false, false);
    }
}
