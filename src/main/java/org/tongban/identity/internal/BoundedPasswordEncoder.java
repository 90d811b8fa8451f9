package org.tongban.identity.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.tongban.platform.TooManyRequestsException;

/**
 * Computes at most a few password hashes at once. Argon2 is slow on purpose; a flood of sign-ins (virtual threads
 * take them all at once) would otherwise put every core to hashing and starve every other request. A check that
 * does not get its turn in time fails with {@link TooManyRequestsException}, answered 429 with Retry-After.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final Semaphore turns;
    private final Duration wait;

    BoundedPasswordEncoder(PasswordEncoder delegate, int concurrent, Duration wait) {
        this.delegate = delegate;
        this.turns = new Semaphore(concurrent, true);
        this.wait = wait;
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return inTurn(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        return inTurn(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** How many checks may start now; for tests. */
    int availableTurns() {
        return turns.availablePermits();
    }

    private <T> T inTurn(Supplier<T> hashing) {
        boolean got;
        try {
            got = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            got = false;
        }
        if (!got) throw new TooManyRequestsException(Duration.ofSeconds(1));
        try {
            return hashing.get();
        } finally {
            turns.release();
        }
    }
}
