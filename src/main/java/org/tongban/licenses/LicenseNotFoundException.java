package org.tongban.licenses;

/**
 * No such licence, or not one the caller may see: another holder's licence is "not found" too, so that an identifier
 * does not reveal that it exists.
 */
// On a page, a 404 with the friendly error page; the JSON APIs map it themselves (their advices come first).
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class LicenseNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LicenseNotFoundException() {
        super("licence not found", null, false, false);
    }
}
