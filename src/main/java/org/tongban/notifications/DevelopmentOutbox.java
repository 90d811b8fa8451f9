package org.tongban.notifications;

import java.util.Optional;

/**
 * What the development SMS channel "sent", per phone number, for developers and tests that must read a one-time
 * code without a gateway. Present only while {@code tongban.notifications.sms=development}; the production profile
 * refuses that setting.
 */
public interface DevelopmentOutbox {

    /** The newest text sent to this address, if any. */
    Optional<String> lastTextTo(String address);
}
