package org.tongban.appeals.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.tongban.appeals.InvalidAppealException;
import org.tongban.appeals.internal.AppealStore;
import org.tongban.appeals.internal.AppealViews;
import org.tongban.appeals.internal.Appeals;
import org.tongban.appeals.internal.Category;

/** What the business and citizen channels' request pages share: the list, the form and one request. */
@Component
class RequesterPages {

    private final Appeals appeals;
    private final AppealViews views;
    private final MessageSource messages;

    RequesterPages(Appeals appeals, AppealViews views, MessageSource messages) {
        this.appeals = appeals;
        this.views = views;
        this.messages = messages;
    }

    String list(String channel, UUID me, @Nullable String creditCode, Locale locale, Model model) {
        model.addAttribute("channel", channel);
        model.addAttribute("requests", views.views(appeals.mine(me, creditCode), locale));
        return "appeals/mine";
    }

    String form(
            String channel,
            Map<String, String> values,
            @Nullable InvalidAppealException e,
            Locale locale,
            Model model) {
        var categories = new LinkedHashMap<String, String>();
        for (var c : Category.values()) categories.put(c.name(), messages.getMessage(c.messageKey(), null, locale));
        model.addAttribute("channel", channel);
        model.addAttribute("categories", categories);
        model.addAttribute("f", new HashMap<>(values));
        model.addAttribute("problems", problems(e, locale));
        return "appeals/form";
    }

    String one(String channel, AppealStore.Row row, @Nullable InvalidAppealException e, Locale locale, Model model) {
        model.addAttribute("channel", channel);
        model.addAttribute("r", views.view(row, locale));
        model.addAttribute("steps", views.steps(appeals.history(row.id()), locale));
        model.addAttribute("problems", problems(e, locale));
        return "appeals/request";
    }

    Map<String, String> problems(@Nullable InvalidAppealException e, Locale locale) {
        var out = new HashMap<String, String>();
        if (e != null)
            e.fieldErrors().forEach((field, key) -> out.put(field, messages.getMessage(key, null, key, locale)));
        return out;
    }
}
