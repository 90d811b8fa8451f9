package org.tongban.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.tongban.identity.FamilyOutOfScopeException;

/**
 * A page a relative may not open for the family member (ADR 0043) says why, in words, with status 403; the API's
 * advice comes first and answers it as a problem.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(0)
class FamilyRefusedAdvice {

    static final String REASON = FamilyRefusedAdvice.class.getName() + ".reason";

    @ExceptionHandler(FamilyOutOfScopeException.class)
    ModelAndView refused(FamilyOutOfScopeException e, HttpServletRequest request) {
        request.setAttribute(REASON, e.reason());
        return new ModelAndView("forward:" + FamilyController.REFUSED);
    }
}
