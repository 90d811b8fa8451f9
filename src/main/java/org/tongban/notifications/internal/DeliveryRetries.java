package org.tongban.notifications.internal;

import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every few seconds, each node tries the deliveries that are due again ({@link Deliveries#retryDue}); the rows are
 * locked with SKIP LOCKED, so nodes share the work without sending anything twice.
 */
@Component
class DeliveryRetries {

    private final Deliveries deliveries;
    private final Clock clock;

    DeliveryRetries(Deliveries deliveries, Clock clock) {
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${tongban.notifications.retry.poll:PT10S}",
            initialDelayString = "${tongban.notifications.retry.poll:PT10S}")
    void retryDue() {
        deliveries.retryDue(clock.instant(), 50);
    }
}
