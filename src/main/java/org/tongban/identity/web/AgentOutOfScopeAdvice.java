package org.tongban.identity.web;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.tongban.identity.AgentOutOfScopeException;

/**
 * A page an agent may not open (ADR 0031) says why, in words, with status 403, rather than the generic error page;
 * the API's advice comes first and answers it as a problem.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(0)
class AgentOutOfScopeAdvice {

    @ExceptionHandler(AgentOutOfScopeException.class)
    ModelAndView outOfScope() {
        // Forwarded, so that the page is drawn by a handler with the layout's model, and answered 403 there.
        return new ModelAndView("forward:" + AgentController.OUT_OF_SCOPE);
    }
}
