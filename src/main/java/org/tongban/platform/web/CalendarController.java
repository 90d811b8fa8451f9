package org.tongban.platform.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.platform.PlatformCalendar;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.RedirectOnError;
import org.tongban.shared.Refusal;

/** The manager's working-day calendar: holidays and adjusted working days of a year. */
@Controller
class CalendarController {

    private final PlatformCalendar calendar;

    CalendarController(PlatformCalendar calendar) {
        this.calendar = calendar;
    }

    @GetMapping("/console/calendar")
    @PreAuthorize("hasAuthority('platform:calendar-write')")
    String days(@RequestParam(defaultValue = "2026") int year, Model model) {
        model.addAttribute("year", year);
        model.addAttribute("days", calendar.days(year));
        return "platform/calendar";
    }

    @PostMapping("/console/calendar")
    @PreAuthorize("hasAuthority('platform:calendar-write')")
    @RedirectOnError("/console/calendar")
    String set(
            @RequestParam String day,
            @RequestParam String kind,
            @RequestParam String name,
            @CurrentAccount UUID me,
            RedirectAttributes redirect) {
        var date = date(day);
        calendar.setDay(date, kind, name, me);
        redirect.addFlashAttribute("notice", "platform.calendar.saved");
        return "redirect:/console/calendar?year=" + date.getYear();
    }

    /** A day as the form sends it; anything else is refused with the message that says how to write one. */
    private static LocalDate date(String day) {
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw new Refusal(Refusal.Kind.UNPROCESSABLE, "platform.calendar.date");
        }
    }

    @PostMapping("/console/calendar/remove")
    @PreAuthorize("hasAuthority('platform:calendar-write')")
    @ConfirmFirst(
            value = "platform.calendar.confirm.remove",
            detail = "platform.calendar.confirm.remove.detail",
            button = "platform.calendar.remove",
            back = "/console/calendar")
    String remove(@RequestParam LocalDate day, @CurrentAccount UUID me, RedirectAttributes redirect) {
        calendar.removeDay(day, me);
        redirect.addFlashAttribute("notice", "platform.calendar.saved");
        return "redirect:/console/calendar?year=" + day.getYear();
    }
}
