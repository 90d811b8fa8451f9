package org.tongban.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.UriTemplate;
import org.tongban.shared.ConfirmFirst;

/**
 * Asks before an action that cannot be undone ({@link ConfirmFirst}): a POST to such a handler without
 * {@code confirm=yes} is forwarded to the confirmation page ({@code /confirm}), which draws the question in the
 * layout and posts the same fields back with {@code confirm=yes}. The handler, its security and its CSRF check are
 * those of the action itself; the page only repeats what the person sent.
 */
public class Confirmations implements HandlerInterceptor {

    /** The request attribute that carries what the confirmation page shows; absent, {@code /confirm} is 404. */
    public static final String QUESTION = Confirmations.class.getName() + ".question";

    /** What the confirmation page shows and posts. */
    public record Question(
            String question, String detail, String button, String action, String back, List<Field> fields) {}

    public record Field(String name, String value) {}

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method) || !"POST".equals(request.getMethod())) return true;
        var ask = method.getMethodAnnotation(ConfirmFirst.class);
        if (ask == null || "yes".equals(request.getParameter("confirm"))) return true;
        if (ask.when().length > 0
                && java.util.Arrays.stream(ask.when()).noneMatch(w -> {
                    var pair = w.split("=", 2);
                    return pair.length == 2 && pair[1].equals(request.getParameter(pair[0]));
                })) {
            return true;
        }
        var fields = new ArrayList<Field>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.equals("_csrf") || name.equals("confirm")) return;
            for (var value : values) fields.add(new Field(name, value));
        });
        @SuppressWarnings("unchecked")
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        var back = new UriTemplate(ask.back()).expand(variables == null ? Map.of() : variables);
        request.setAttribute(
                QUESTION,
                new Question(
                        ask.value(),
                        ask.detail(),
                        ask.button(),
                        request.getRequestURI(),
                        back.toString(),
                        List.copyOf(fields)));
        request.getRequestDispatcher("/confirm").forward(request, response);
        return false;
    }
}
