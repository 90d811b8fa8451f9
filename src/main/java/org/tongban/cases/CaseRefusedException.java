package org.tongban.cases;

/** A submission that cannot be accepted; {@link #messageKey} says why. */
public class CaseRefusedException extends RuntimeException {

    private final String messageKey;

    public CaseRefusedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
