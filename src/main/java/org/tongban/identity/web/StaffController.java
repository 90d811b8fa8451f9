package org.tongban.identity.web;

import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.internal.StaffAppointments;
import org.tongban.shared.ConfirmFirst;
import org.tongban.shared.CurrentAccount;
import org.tongban.shared.FormPage;
import org.tongban.shared.RedirectOnError;

/** The department admin's staff page: who works here, appoint an official, withdraw the role. */
@Controller
class StaffController {

    private final StaffAppointments identity;

    StaffController(StaffAppointments identity) {
        this.identity = identity;
    }

    @GetMapping("/office/staff")
    @PreAuthorize("hasAuthority('identity:department-manage')")
    String staff(@CurrentAccount UUID me, Model model) {
        model.addAttribute("staff", identity.staff(me));
        model.addAttribute("me", me);
        return "identity/staff";
    }

    @PostMapping("/office/staff")
    @PreAuthorize("hasAuthority('identity:department-manage')")
    @FormPage("appointRefused")
    String appoint(
            @RequestParam String identifier,
            @RequestParam String staffNo,
            @RequestParam String post,
            @CurrentAccount UUID admin,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        identity.appointOfficial(admin, identifier, staffNo, post);
        return "redirect:/office/staff?appointed";
    }

    /** The staff page again, with what was typed and the errors by field. */
    private String appointRefused(
            @RequestParam String identifier,
            @RequestParam String staffNo,
            @RequestParam String post,
            @CurrentAccount UUID admin,
            Model model) {
        model.addAttribute("identifier", identifier);
        model.addAttribute("staffNo", staffNo);
        model.addAttribute("post", post);
        model.addAttribute("staff", identity.staff(admin));
        model.addAttribute("me", admin);
        return "identity/staff";
    }

    @PostMapping("/office/staff/withdraw")
    @PreAuthorize("hasAuthority('identity:department-manage')")
    @ConfirmFirst(
            value = "staff.confirm.withdraw",
            detail = "staff.confirm.withdraw.detail",
            button = "staff.withdraw",
            back = "/office/staff")
    @RedirectOnError("/office/staff")
    String withdraw(@RequestParam UUID accountId, @CurrentAccount UUID me, RedirectAttributes redirect) {
        boolean done = identity.withdrawOfficial(me, accountId);
        redirect.addFlashAttribute("notice", done ? "identity.staff.withdrawn" : "identity.staff.notInDepartment");
        return "redirect:/office/staff";
    }
}
