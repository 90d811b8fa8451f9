package org.tongban.shared;

import java.time.Duration;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A value a node keeps for a short time and then reads again (ADR 0002): public reference data that every page
 * shows and that changes rarely. A change made on this node calls {@link #invalidate}; other nodes see it when
 * their copy expires.
 */
public final class ShortLived<T> {

    private final Duration ttl;
    private final Supplier<T> source;
    private volatile @Nullable Copy<T> copy;

    private record Copy<T>(T value, long readAt) {}

    public ShortLived(Duration ttl, Supplier<T> source) {
        this.ttl = ttl;
        this.source = source;
    }

    public T get() {
        var current = copy;
        if (current != null && System.nanoTime() - current.readAt() < ttl.toNanos()) return current.value();
        var fresh = new Copy<>(source.get(), System.nanoTime());
        copy = fresh;
        return fresh.value();
    }

    public void invalidate() {
        copy = null;
    }
}
