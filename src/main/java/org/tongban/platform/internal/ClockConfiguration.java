package org.tongban.platform.internal;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The platform's one clock, in the zone that {@code tongban.time-zone} names (China's by default): "today" for
 * deadlines, validity dates and the dates on documents is a day in that zone, whatever zone the server's operating
 * system is in. Services take this {@link Clock} and ask it for the zone ({@code clock.getZone()}), so that a test
 * can stop or move time in one place. The offline verifier keeps its own zone: it runs without Spring.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(@Value("${tongban.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }
}
