package org.tongban.notifications;

/**
 * Delivers a rendered text to an outside address. A gateway adapter (SMS provider, mail server) implements this
 * for production; {@code DevelopmentMessageSender} only keeps the newest text per address in memory and writes it
 * to the log, for development and tests.
 */
public interface MessageSender {

    Channel channel();

    /** Sends, or throws; the caller records the delivery either way. */
    void send(String address, String text);
}
