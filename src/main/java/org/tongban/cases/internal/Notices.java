package org.tongban.cases.internal;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.tongban.catalog.CatalogManagement;
import org.tongban.notifications.NotificationManagement;
import org.tongban.notifications.SendNotification;

/**
 * Messages about cases in the message centre: to the applicant at each status change (办件进度), to officials when
 * a task is handed to them, a co-signature is asked, a case is urged or its time limit is near or past.
 */
@Component
class Notices {

    private final NotificationManagement notifications;
    private final CatalogManagement catalog;

    Notices(NotificationManagement notifications, CatalogManagement catalog) {
        this.notifications = notifications;
        this.catalog = catalog;
    }

    /** Tells the applicant the case's new status: {@code cases.notice.status.<STATUS>} with number and item name. */
    void status(UUID applicant, String number, String itemCode, int itemVersion, String status) {
        notifications.send(SendNotification.inApp(
                applicant, "cases.notice.status." + status, number, itemName(itemCode, itemVersion)));
    }

    /** Tells officials about a case: {@code cases.notice.<kind>} with number and item name. */
    void officials(List<UUID> officials, String kind, String number, String itemCode, int itemVersion) {
        var name = itemName(itemCode, itemVersion);
        for (var official : officials) {
            notifications.send(SendNotification.inApp(official, "cases.notice." + kind, number, name));
        }
    }

    private String itemName(String itemCode, int itemVersion) {
        return catalog.version(itemCode, itemVersion).map(i -> i.nameZh()).orElse(itemCode);
    }
}
