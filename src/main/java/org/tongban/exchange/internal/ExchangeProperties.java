package org.tongban.exchange.internal;

import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code tongban.exchange.*}: how often the call log's head is signed, and the department systems reached over HTTP
 * (each: code, department, subject kind, base URL, fields as {@code code:label}).
 */
@ConfigurationProperties("tongban.exchange")
record ExchangeProperties(
        @Nullable Duration signEvery, @Nullable List<Remote> restSources) {

    record Remote(
            String code,
            String department,
            SubjectKind subjectKind,
            String baseUrl,
            List<String> fields,
            @Nullable Duration timeout) {}

    Duration signInterval() {
        return signEvery == null ? Duration.ofMinutes(5) : signEvery;
    }

    List<Remote> remotes() {
        return restSources == null ? List.of() : restSources;
    }
}
