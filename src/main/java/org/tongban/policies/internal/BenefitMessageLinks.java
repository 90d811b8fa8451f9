package org.tongban.policies.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.notifications.MessageLinks;
import org.tongban.notifications.MessageView;

/** A 免申即享 message leads to the enterprise's benefits. */
@Component
class BenefitMessageLinks implements MessageLinks {

    @Override
    public @Nullable String linkFor(UUID reader, MessageView message) {
        return "policies.message.benefit".equals(message.templateKey()) ? "/business/policies/benefits" : null;
    }
}
