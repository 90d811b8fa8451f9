package org.tongban.notifications;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message for one account: a message key (see messages.properties) with its arguments, so that the reader sees
 * it in their own language; optionally also sent to an outside address (a phone for SMS).
 */
public record SendNotification(
        UUID recipient,
        String templateKey,
        List<String> args,
        @Nullable Channel channel,
        @Nullable String address) {

    public static SendNotification inApp(UUID recipient, String templateKey, String... args) {
        return new SendNotification(recipient, templateKey, List.of(args), null, null);
    }

    public static SendNotification sms(UUID recipient, String phone, String templateKey, String... args) {
        return new SendNotification(recipient, templateKey, List.of(args), Channel.SMS, phone);
    }

    public static SendNotification email(UUID recipient, String address, String templateKey, String... args) {
        return new SendNotification(recipient, templateKey, List.of(args), Channel.EMAIL, address);
    }
}
