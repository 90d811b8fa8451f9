package org.tongban.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.server.ResponseStatusException;
import org.tongban.portal.internal.Confirmations;

/**
 * The confirmation page of an action that cannot be undone, reached only by the forward of {@link Confirmations}:
 * asked for directly it has nothing to show and is not found.
 */
@Controller
class ConfirmController {

    @RequestMapping(
            path = "/confirm",
            method = {RequestMethod.GET, RequestMethod.POST})
    String confirm(HttpServletRequest request, Model model) {
        if (!(request.getAttribute(Confirmations.QUESTION) instanceof Confirmations.Question question)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("ask", question);
        return "portal/confirm";
    }
}
