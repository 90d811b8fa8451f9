package org.tongban.notifications.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.tongban.notifications.Channel;
import org.tongban.notifications.DevelopmentOutbox;
import org.tongban.notifications.MessageSender;

/**
 * The development SMS channel: keeps the newest text per phone in memory (for tests and {@link DevelopmentOutbox})
 * and writes it to the log, so that a developer can sign in with a one-time code without a gateway. Disabled by
 * setting {@code tongban.notifications.sms=gateway} once a real gateway adapter is present.
 */
@Component
@ConditionalOnProperty(name = "tongban.notifications.sms", havingValue = "development", matchIfMissing = true)
class DevelopmentMessageSender implements MessageSender, DevelopmentOutbox {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentMessageSender.class);
    private static final int KEPT = 10_000;

    private final Map<String, String> lastText = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > KEPT;
        }
    });

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(String address, String text) {
        lastText.put(address, text);
        log.info("[development SMS to {}] {}", org.tongban.shared.Masking.phone(address), text);
    }

    @Override
    public Optional<String> lastTextTo(String address) {
        return Optional.ofNullable(lastText.get(address));
    }
}
