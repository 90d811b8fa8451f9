package org.tongban.notifications.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.tongban.notifications.Channel;
import org.tongban.notifications.MessageSender;

/**
 * The development SMS channel: the message is already in the recipient's message centre; this writes it to the
 * log as well, so that a developer can sign in with a one-time code without a gateway. Disabled by setting
 * {@code tongban.notifications.sms=gateway} once a real gateway adapter is present.
 */
@Component
@ConditionalOnProperty(name = "tongban.notifications.sms", havingValue = "development", matchIfMissing = true)
class DevelopmentMessageSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentMessageSender.class);

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(String address, String text) {
        log.info("[development SMS to {}] {}", org.tongban.shared.Masking.phone(address), text);
    }
}
