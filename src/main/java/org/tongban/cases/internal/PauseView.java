package org.tongban.cases.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A pause of the clock: a special procedure (听证, 专家评审, 检验检测) or a correction after acceptance. */
public record PauseView(
        PauseKind kind,
        String reason,
        Instant startedAt,
        @Nullable Instant endedAt,
        @Nullable String result,
        @Nullable Integer pausedDays) {}
