package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tongban.platform.TooManyRequestsException;

/** A flood of sign-ins computes no more password hashes at once than the cap, with the platform's real Argon2. */
class BoundedPasswordEncoderTests {

    private static final PasswordEncoder ARGON2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    @Test
    void noMoreHashesRunAtOnceThanTheCap() throws Exception {
        var hash = ARGON2.encode("Tongban@2026");
        var counting = new Counting(ARGON2);
        var bounded = new BoundedPasswordEncoder(counting, 2, Duration.ofSeconds(30));
        var results = new ArrayList<Future<Boolean>>();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) results.add(threads.submit(() -> bounded.matches("Tongban@2026", hash)));
        }
        for (var result : results) assertThat(result.get()).isTrue();
        assertThat(counting.most.get()).isBetween(1, 2);
        assertThat(bounded.availableTurns()).isEqualTo(2);
    }

    @Test
    void aCheckThatCannotGetItsTurnInTimeIsRefusedWith429() throws Exception {
        var started = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var blocking = new PasswordEncoder() {
            @Override
            public String encode(@Nullable CharSequence raw) {
                return "x";
            }

            @Override
            public boolean matches(@Nullable CharSequence raw, @Nullable String encoded) {
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
        };
        var bounded = new BoundedPasswordEncoder(blocking, 1, Duration.ofMillis(100));
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = threads.submit(() -> bounded.matches("a", "x"));
            started.await(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> bounded.matches("b", "x"))
                    .isInstanceOfSatisfying(
                            TooManyRequestsException.class,
                            e -> assertThat(e.getHeaders().getFirst("Retry-After"))
                                    .isEqualTo("1"));
            release.countDown();
            assertThat(first.get()).isTrue();
        }
        assertThat(bounded.availableTurns()).isEqualTo(1);
    }

    /** The real encoder, counting how many of its checks run at the same time. */
    private static final class Counting implements PasswordEncoder {
        private final PasswordEncoder delegate;
        private final AtomicInteger now = new AtomicInteger();
        private final AtomicInteger most = new AtomicInteger();

        Counting(PasswordEncoder delegate) {
            this.delegate = delegate;
        }

        @Override
        public @Nullable String encode(@Nullable CharSequence raw) {
            return delegate.encode(raw);
        }

        @Override
        public boolean matches(@Nullable CharSequence raw, @Nullable String encoded) {
            most.accumulateAndGet(now.incrementAndGet(), Math::max);
            try {
                return delegate.matches(raw, encoded);
            } finally {
                now.decrementAndGet();
            }
        }
    }
}
