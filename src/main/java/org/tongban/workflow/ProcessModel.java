package org.tongban.workflow;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A process model as the console lists it: its latest version and how many instances are running (of any version).
 *
 * @param builtIn shipped with Tongban ({@code src/main/resources/processes}); uploads cannot replace it
 * @param deployedBy the manager who uploaded the latest version, or null for a built-in model
 */
public record ProcessModel(
        String key,
        String name,
        int latestVersion,
        Instant deployedAt,
        long runningInstances,
        boolean builtIn,
        @Nullable UUID deployedBy) {}
