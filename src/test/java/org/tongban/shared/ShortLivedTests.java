package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ShortLivedTests {

    @Test
    void aValueIsReadOnceUntilItExpiresOrIsInvalidated() throws InterruptedException {
        var reads = new AtomicInteger();
        var value = new ShortLived<>(Duration.ofMillis(200), reads::incrementAndGet);
        assertThat(value.get()).isEqualTo(1);
        assertThat(value.get()).isEqualTo(1);
        value.invalidate();
        assertThat(value.get()).isEqualTo(2);
        Thread.sleep(250);
        assertThat(value.get()).isEqualTo(3);
        assertThat(reads).hasValue(3);
    }
}
