package org.tongban.notifications;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where a message in the message centre leads. A module whose messages are about one of its objects (a case, a
 * rating) implements this; the message centre asks each implementation and links the first answer.
 */
public interface MessageLinks {

    /** The page this message is about for its reader, or null when the message is not this module's or has none. */
    @Nullable
    String linkFor(UUID reader, MessageView message);
}
