package org.tongban.platform;

import java.time.Duration;

/**
 * A rate limit: at most {@code requests} in a window of {@code per}, counted from the first request of the window.
 * Bound from configuration, e.g. {@code {requests: 20, per: 5m}}.
 */
public record RateLimit(int requests, Duration per) {

    public RateLimit {
        if (requests < 1) throw new IllegalArgumentException("A rate limit allows at least one request");
        if (per.isNegative() || per.isZero()) throw new IllegalArgumentException("A rate limit needs a window");
    }
}
