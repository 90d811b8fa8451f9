package org.tongban.notifications.web;

import java.security.Principal;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.tongban.notifications.NotificationManagement;

/** The message centre of the signed-in person. */
@Controller
class MessagesController {

    private final NotificationManagement notifications;

    MessagesController(NotificationManagement notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/messages")
    @PreAuthorize("hasAuthority('notifications:read-own')")
    String messages(Principal me, Model model) {
        model.addAttribute("messages", notifications.messagesFor(UUID.fromString(me.getName()), 100));
        return "notifications/messages";
    }

    @PostMapping("/messages/read")
    @PreAuthorize("hasAuthority('notifications:read-own')")
    String markRead(Principal me) {
        notifications.markAllRead(UUID.fromString(me.getName()));
        return "redirect:/messages";
    }
}
