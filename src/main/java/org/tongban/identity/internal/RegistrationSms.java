package org.tongban.identity.internal;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.tongban.notifications.Channel;
import org.tongban.notifications.MessageSender;

/**
 * Sends a registration code to the phone being registered. There is no account yet, hence no message centre: the
 * text goes to the SMS channel only, in Chinese like every outside message.
 */
@Component
public class RegistrationSms {

    private final List<MessageSender> senders;
    private final MessageSource messages;

    RegistrationSms(List<MessageSender> senders, MessageSource messages) {
        this.senders = senders;
        this.messages = messages;
    }

    public void send(String phone, String code) {
        var sender = senders.stream()
                .filter(s -> s.channel() == Channel.SMS)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no SMS sender"));
        sender.send(
                phone,
                messages.getMessage("notifications.registrationCode", new Object[] {code}, Locale.SIMPLIFIED_CHINESE));
    }
}
