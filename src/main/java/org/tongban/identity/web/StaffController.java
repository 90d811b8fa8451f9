package org.tongban.identity.web;

import java.security.Principal;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tongban.identity.InvalidInputException;
import org.tongban.identity.internal.StaffAppointments;

/** The department admin's staff page: who works here, appoint an official, withdraw the role. */
@Controller
class StaffController {

    private final StaffAppointments identity;

    StaffController(StaffAppointments identity) {
        this.identity = identity;
    }

    @GetMapping("/office/staff")
    @PreAuthorize("hasAuthority('identity:department-manage')")
    String staff(Principal me, Model model) {
        model.addAttribute("staff", identity.staff(UUID.fromString(me.getName())));
        return "identity/staff";
    }

    @PostMapping("/office/staff")
    @PreAuthorize("hasAuthority('identity:department-manage')")
    String appoint(@RequestParam String identifier, @RequestParam String staffNo, @RequestParam String post,
            Principal me, Model model, jakarta.servlet.http.HttpServletResponse response) {
        var admin = UUID.fromString(me.getName());
        try {
            identity.appointOfficial(admin, identifier, staffNo, post);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.fieldErrors());
            model.addAttribute("identifier", identifier);
            model.addAttribute("staffNo", staffNo);
            model.addAttribute("post", post);
            model.addAttribute("staff", identity.staff(admin));
            response.setStatus(422);
            return "identity/staff";
        }
        return "redirect:/office/staff?appointed";
    }

    @PostMapping("/office/staff/withdraw")
    @PreAuthorize("hasAuthority('identity:department-manage')")
    String withdraw(@RequestParam UUID accountId, Principal me, RedirectAttributes redirect) {
        boolean done = identity.withdrawOfficial(UUID.fromString(me.getName()), accountId);
        redirect.addFlashAttribute("notice", done ? "identity.staff.withdrawn" : "identity.staff.notInDepartment");
        return "redirect:/office/staff";
    }
}
