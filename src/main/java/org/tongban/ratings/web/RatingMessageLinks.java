package org.tongban.ratings.web;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.notifications.MessageLinks;
import org.tongban.notifications.MessageView;

/**
 * 好差评 messages (the invitation to rate a case, the department's answer to a rating) lead to the case's rating
 * page, which checks that the reader is the applicant.
 */
@Component
class RatingMessageLinks implements MessageLinks {

    @Override
    public @Nullable String linkFor(UUID reader, MessageView message) {
        if (!message.templateKey().startsWith("ratings.message.")
                || message.args().isEmpty()) return null;
        return "/ratings/cases/" + message.args().getFirst();
    }
}
