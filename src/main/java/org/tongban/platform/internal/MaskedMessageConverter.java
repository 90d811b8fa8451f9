package org.tongban.platform.internal;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import org.tongban.shared.Masking;

/**
 * The log message with ID numbers and mobile numbers masked (logback-spring.xml uses it for {@code %m}): whatever
 * puts one into a message, a driver's error detail or a framework's, the log line does not carry it in full.
 */
public class MaskedMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Masking.inText(super.convert(event));
    }
}
