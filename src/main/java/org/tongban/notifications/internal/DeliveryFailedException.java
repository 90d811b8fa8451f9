package org.tongban.notifications.internal;

/** A channel could not deliver a text; the message says why, for the operator's dead-letter view. */
class DeliveryFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DeliveryFailedException(String message) {
        super(message);
    }

    DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
