package org.tongban.ratings.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongban.cases.CaseConcluded;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;

/** Opens every concluded case for rating and invites the applicant to rate it (邀评). */
@Component
class ConcludedCases {

    private final RatingStore store;
    private final NotificationManagement notifications;

    ConcludedCases(RatingStore store, NotificationManagement notifications) {
        this.store = store;
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(CaseConcluded event) {
        // Redelivered after a restart, maybe on two nodes at once: the case number is the key, and the invitation
        // goes out only with the row that was actually inserted, in the same transaction.
        if (store.recordConcluded(event)) {
            notifications.send(SendNotification.inApp(event.applicant(), "ratings.message.invite", event.number()));
        }
    }
}
