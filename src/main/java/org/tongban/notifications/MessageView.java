package org.tongban.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A message in the message centre; {@link #templateKey} and {@link #args} are rendered in the reader's language. */
public record MessageView(
        UUID id,
        String templateKey,
        List<String> args,
        Instant createdAt,
        @Nullable Instant readAt) {}
