package org.tongban.platform;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A rate limit was reached: answered 429 with {@code Retry-After} in whole seconds, as an RFC 9457 problem on the
 * API and the error page on pages (Spring MVC maps an {@link ErrorResponseException} to both); the rate-limit filter
 * does the same for anything thrown below it.
 */
public class TooManyRequestsException extends ErrorResponseException {

    private final Duration retryAfter;

    public TooManyRequestsException(Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(retryAfter), null);
        this.retryAfter = retryAfter;
        getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** The value of {@code Retry-After}: whole seconds, rounded up, at least one. */
    public static long seconds(Duration retryAfter) {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }

    private static ProblemDetail problem(Duration retryAfter) {
        var problem = ProblemDetail.forStatus(HttpStatus.TOO_MANY_REQUESTS);
        problem.setTitle("Too Many Requests");
        problem.setDetail("Too many requests; try again in " + seconds(retryAfter) + " seconds.");
        problem.setProperty("retryAfterSeconds", seconds(retryAfter));
        return problem;
    }
}
