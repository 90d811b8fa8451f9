package org.tongban.notices.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.notifications.MessageLinks;
import org.tongban.notifications.MessageView;

/** The message centre's links for this module's messages: the notice or the meeting (its id is the first argument). */
@Component
class NoticeLinks implements MessageLinks {

    @Override
    public @Nullable String linkFor(UUID reader, MessageView message) {
        var key = message.templateKey();
        if (!key.startsWith("notices.message.") || message.args().isEmpty()) return null;
        var id = Meetings.uuid(message.args().getFirst());
        if (id == null) return null;
        return (key.equals("notices.message.notice") || key.equals("notices.message.remind"))
                ? "/office/notices/" + id
                : "/office/meetings/" + id;
    }
}
