package org.tongban.platform.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.NoSuchElementException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * The last word on a page's exception before it becomes a 500: what a page did not find (an empty
 * {@code Optional} it asked for) is a 404, and a form that is not the multipart body the page expects is a 400,
 * both on the friendly error page. It runs after the controllers' advices and Spring's own resolvers, so the JSON
 * APIs, whose advices answer every exception, never reach it.
 */
@Component
class PageErrorResolver implements HandlerExceptionResolver, Ordered {

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception e) {
        int status;
        if (e instanceof NoSuchElementException) status = HttpServletResponse.SC_NOT_FOUND;
        else if (e instanceof MultipartException) status = HttpServletResponse.SC_BAD_REQUEST;
        else return null;
        try {
            response.sendError(status);
        } catch (IOException ignored) {
            // The client has gone; there is nobody to show the page to.
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
