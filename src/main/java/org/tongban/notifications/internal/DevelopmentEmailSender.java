package org.tongban.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.tongban.notifications.Channel;
import org.tongban.notifications.MessageSender;

/**
 * The development e-mail channel (the default, {@code tongban.notifications.email=development}): writes the subject
 * line to the log, digits masked, so that the embedded run needs no mail server.
 */
@Component
@ConditionalOnProperty(name = "tongban.notifications.email", havingValue = "development", matchIfMissing = true)
class DevelopmentEmailSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentEmailSender.class);

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(String address, String text) {
        int at = address.indexOf('@');
        var masked = at <= 1 ? "***" : address.charAt(0) + "***" + address.substring(at);
        int newline = text.indexOf('\n');
        log.info(
                "[development e-mail to {}] {}",
                masked,
                DevelopmentMessageSender.maskDigits(newline < 0 ? text : text.substring(0, newline)));
    }
}
