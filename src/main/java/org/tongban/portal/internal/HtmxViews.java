package org.tongban.portal.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.tongban.shared.HtmxFragment;

/**
 * One template, two answers (CONVENTIONS 10, ADR 0022): for a handler marked {@link HtmxFragment}, an htmx swap gets
 * the named fragment of the page and every other request the whole page, both with {@code Vary: HX-Request} so that
 * no cache hands one answer to the other kind of request. A history restore ({@code HX-History-Restore-Request})
 * needs the whole page and gets it.
 *
 * <p>A view resolver rather than a handler interceptor, because an interceptor's {@code postHandle} does not run
 * when an exception advice draws the page: the form drawn again with its errors must be cut to the fragment too.
 *
 * <p>An htmx swap answered with a whole page that has no fragment for it (the sign-in page after the session
 * expired, an error page) would put a page inside the page; instead the browser is told to go there
 * ({@code HX-Redirect}), or, after a POST, to load the current page again ({@code HX-Refresh}).
 */
@Component
class HtmxViews implements ViewResolver, Ordered {

    static final String HX_REQUEST = "HX-Request";

    private final ObjectProvider<ThymeleafViewResolver> thymeleaf;

    HtmxViews(ObjectProvider<ThymeleafViewResolver> thymeleaf) {
        this.thymeleaf = thymeleaf;
    }

    @Override
    public @Nullable View resolveViewName(String viewName, Locale locale) throws Exception {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) return null;
        var request = attributes.getRequest();
        var response = attributes.getResponse();
        var wanted = wanted(request);
        if (wanted != null) vary(response);
        // Redirects and forwards stay the template engine's; so do names with a dot, which the content negotiation
        // tries beside the real name ("cases/inbox.html").
        if (!swap(request) || viewName.contains(":") || viewName.contains(".")) return null;
        if (wanted != null && viewName.equals(wanted.template())) {
            return thymeleaf.getObject().resolveViewName(viewName + " :: " + wanted.fragment(), locale);
        }
        if (response != null && !response.isCommitted() && request.getHeader("HX-Boosted") == null) {
            vary(response);
            if (request.getMethod().equals("GET")) response.setHeader("HX-Redirect", originalUrl(request));
            else response.setHeader("HX-Refresh", "true");
        }
        return null;
    }

    @Override
    public int getOrder() {
        // Before the template engine's own resolver, which would draw the whole page.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** A swap asked for by htmx; going back in history (a restore) wants the whole page. */
    static boolean swap(HttpServletRequest request) {
        return "true".equals(request.getHeader(HX_REQUEST))
                && !"true".equals(request.getHeader("HX-History-Restore-Request"));
    }

    private static @Nullable HtmxFragment wanted(HttpServletRequest request) {
        return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE) instanceof HandlerMethod method
                ? method.getMethodAnnotation(HtmxFragment.class)
                : null;
    }

    private static void vary(@Nullable HttpServletResponse response) {
        if (response == null
                || response.isCommitted()
                || response.getHeaders(HttpHeaders.VARY).contains(HX_REQUEST)) return;
        response.addHeader(HttpHeaders.VARY, HX_REQUEST);
    }

    /** The address the browser asked for; on an error page, the one that failed rather than {@code /error}. */
    private static String originalUrl(HttpServletRequest request) {
        var failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        var path = failed instanceof String uri ? uri : request.getRequestURI();
        var query = failed instanceof String ? null : request.getQueryString();
        return query == null ? path : path + "?" + query;
    }
}
