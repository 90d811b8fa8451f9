package org.tongban.notifications;

/**
 * Delivers a rendered text to an outside address. A gateway adapter (SMS provider, mail server) implements this
 * for production; {@code DevelopmentMessageSender} only writes to the log, since the message centre already holds
 * the text.
 */
public interface MessageSender {

    Channel channel();

    /** Sends, or throws; the caller records the delivery either way. */
    void send(String address, String text);
}
