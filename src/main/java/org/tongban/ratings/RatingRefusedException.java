package org.tongban.ratings;

/** A rating or rectification step that cannot be done now; {@link #messageKey} says why. */
public class RatingRefusedException extends RuntimeException {

    private final String messageKey;
    private final boolean conflict;

    public RatingRefusedException(String messageKey, boolean conflict) {
        super(messageKey);
        this.messageKey = messageKey;
        this.conflict = conflict;
    }

    public String messageKey() {
        return messageKey;
    }

    /** True when the state of the object, not the request, is the reason (already rated, already closed). */
    public boolean conflict() {
        return conflict;
    }
}
