package org.tongban.workbench.web;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tongban.identity.Persons;
import org.tongban.notifications.NotificationManagement;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.HtmxFragment;
import org.tongban.workbench.internal.UnifiedTodo;

/**
 * The office channel's home, {@code /office}: the official's post and department as its header, the unified to-do
 * as its body (filtered by source, with what was done today), and the links to the office's other pages below.
 */
@Controller
class OfficeController {

    private final UnifiedTodo todo;
    private final Persons identity;
    private final NotificationManagement notifications;

    OfficeController(UnifiedTodo todo, Persons identity, NotificationManagement notifications) {
        this.todo = todo;
        this.identity = identity;
        this.notifications = notifications;
    }

    @GetMapping("/office")
    @PreAuthorize("hasAuthority('workbench:todo')")
    @HtmxFragment(template = "workbench/office", fragment = "todo")
    String office(
            @RequestParam(required = false) @Nullable String source,
            @CurrentAccount UUID me,
            Model model,
            Locale locale) {
        model.addAttribute("profile", identity.profile(me));
        model.addAttribute("unread", notifications.unreadCount(me));
        model.addAttribute("todo", todo.of(me, source, locale));
        return "workbench/office";
    }
}
