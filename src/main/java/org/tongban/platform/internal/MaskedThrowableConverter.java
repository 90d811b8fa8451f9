package org.tongban.platform.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Spring Boot's stack trace converter ({@code %wEx}) with ID numbers and mobile numbers in messages masked. */
public class MaskedThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return org.tongban.shared.Masking.inText(super.convert(event));
    }
}
