package org.tongban.platform.internal;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.tongban.platform.RateLimit;

/**
 * Rate limits (issue 9, finding 9), see ADR 0011.
 *
 * @param factor every limit allows this many times its requests; 1 in production. The test profile raises it so
 *               that a whole test run from one address does not trip the limits; the limit tests set it back to 1.
 * @param perIp  rules counted per client address: each names the requests it covers, {@code METHOD /path/pattern}
 */
@ConfigurationProperties(prefix = "tongban.rate-limits", ignoreUnknownFields = false)
public record RateLimitProperties(int factor, Map<String, PathRule> perIp) {

    public RateLimitProperties {
        if (factor < 1) throw new IllegalArgumentException("tongban.rate-limits.factor must be at least 1");
        perIp = perIp == null ? Map.of() : Map.copyOf(perIp);
    }

    /** A per-address limit on some requests, such as {@code POST /login} or {@code GET /verify/licenses/*}. */
    public record PathRule(List<String> paths, int requests, java.time.Duration per) {

        public RateLimit limit() {
            return new RateLimit(requests, per);
        }
    }
}
