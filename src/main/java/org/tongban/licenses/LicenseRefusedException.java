package org.tongban.licenses;

/**
 * A request the caller may make in general but not now: the reason is a message key. {@link #forbidden()} marks a
 * refusal on the caller's rights (an official of a department that does not issue the type: 403), {@link #conflict()}
 * one on the licence's state (409); the others are unprocessable (422).
 */
public class LicenseRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Kind { FORBIDDEN, CONFLICT, UNPROCESSABLE }

    private final String messageKey;
    private final Kind kind;

    public LicenseRefusedException(String messageKey, Kind kind) {
        super(messageKey, null, false, false);
        this.messageKey = messageKey;
        this.kind = kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Kind kind() {
        return kind;
    }

    public boolean forbidden() {
        return kind == Kind.FORBIDDEN;
    }

    public boolean conflict() {
        return kind == Kind.CONFLICT;
    }
}
