package org.tongban.notifications.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;
import org.tongban.notifications.Channel;
import org.tongban.notifications.DevelopmentOutbox;
import org.tongban.notifications.MessageSender;

/**
 * The development SMS channel: keeps the newest text per phone in memory (for tests and {@link DevelopmentOutbox})
 * and writes it to the log, so that a developer can sign in with a one-time code without a gateway. Disabled by
 * setting {@code tongban.notifications.sms=gateway} once a real gateway adapter is present. The log shows the text
 * in full only in the default (developer) and test profiles; elsewhere its digits are masked, so that codes do not
 * end up in shipped logs. The production profile refuses to start with this channel.
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

    private final boolean logInFull;

    DevelopmentMessageSender(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of("production"))) {
            throw new IllegalStateException("The production profile refuses the development SMS channel "
                    + "(tongban.notifications.sms=development, the default): it reaches no phone and keeps codes in "
                    + "memory. Set TONGBAN_SMS=gateway and provide the SMS gateway adapter.");
        }
        // "default" is what a developer runs with no profile; both it and "test" are developers' own machines.
        this.logInFull = environment.acceptsProfiles(Profiles.of("default | test"));
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public void send(String address, String text) {
        lastText.put(address, text);
        log.info(
                "[development SMS to {}] {}",
                org.tongban.shared.Masking.phone(address),
                logInFull ? text : maskDigits(text));
    }

    /** Every digit becomes *: a code, an amount or a case number in a text are all masked alike. */
    static String maskDigits(String text) {
        return text.replaceAll("\\d", "*");
    }

    @Override
    public Optional<String> lastTextTo(String address) {
        return Optional.ofNullable(lastText.get(address));
    }
}
