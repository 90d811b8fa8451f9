package org.tongban.notifications.web;

import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.tongban.notifications.MessageLinks;
import org.tongban.notifications.NotificationManagement;
import org.tongban.shared.CurrentAccount;

/** The message centre of the signed-in person. */
@Controller
class MessagesController {

    private final NotificationManagement notifications;
    private final List<MessageLinks> links;

    MessagesController(NotificationManagement notifications, List<MessageLinks> links) {
        this.notifications = notifications;
        this.links = links;
    }

    @GetMapping("/messages")
    @PreAuthorize("hasAuthority('notifications:read-own')")
    String messages(@CurrentAccount UUID me, Model model) {
        var messages = notifications.messagesFor(me, 100);
        var pages = new HashMap<UUID, String>();
        for (var m : messages) {
            for (var l : links) {
                var page = l.linkFor(me, m);
                if (page != null) {
                    pages.put(m.id(), page);
                    break;
                }
            }
        }
        model.addAttribute("messages", messages);
        model.addAttribute("links", pages);
        return "notifications/messages";
    }

    @PostMapping("/messages/read")
    @PreAuthorize("hasAuthority('notifications:read-own')")
    String markRead(@CurrentAccount UUID me) {
        notifications.markAllRead(me);
        return "redirect:/messages";
    }
}
