package org.tongban.shared;

/**
 * A value that fails its format or check rule. It carries an i18n message key so that the web layer can show a
 * localised message next to the right field without parsing English text.
 *
 * <p>The English detail is for logs: it must never contain the rejected value itself, which is often personal
 * information (an ID number, a phone number).
 */
public class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String messageKey;

    public InvalidValueException(String messageKey, String englishDetail) {
        super(englishDetail);
        this.messageKey = messageKey;
    }

    /** The i18n key, e.g. {@code validation.idNumber.checksum}. */
    public String messageKey() {
        return messageKey;
    }
}
