package org.tongban.notifications.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.tongban.notifications.NotificationManagement;
import org.tongban.shared.CurrentAccount;

/** The message centre of the signed-in person. */
@Controller
class MessagesController {

    private final NotificationManagement notifications;

    MessagesController(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/messages")
    @PreAuthorize("hasAuthority('notifications:read-own')")
    String messages(@CurrentAccount UUID me, Model model) {
        model.addAttribute("messages", notifications.messagesFor(me, 100));
        return "notifications/messages";
    }

    @PostMapping("/messages/read")
    @PreAuthorize("hasAuthority('notifications:read-own')")
    String markRead(@CurrentAccount UUID me) {
        notifications.markAllRead(me);
        return "redirect:/messages";
    }
}
