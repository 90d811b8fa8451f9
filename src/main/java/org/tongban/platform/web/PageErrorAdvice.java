package org.tongban.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ModelMap;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriTemplate;
import org.tongban.shared.FormPage;
import org.tongban.shared.InvalidInput;
import org.tongban.shared.RedirectOnError;
import org.tongban.shared.Refusal;

/**
 * The one place where a page's {@link Refusal} or {@link InvalidInput} becomes an answer, so that page controllers
 * do not catch to rethrow. The handler method says what it wants with two annotations:
 * <ul>
 *   <li>{@link RedirectOnError}: back to a page with the message as a flash attribute (and the input it names);
 *   <li>{@link FormPage}: the form drawn again in the same request, by a method of the controller that draws it,
 *       with {@code errors} and {@code error} in the model and the input read again from the request.
 * </ul>
 * A refusal that neither takes is the error page of its kind's status (a not-found is the 404 page, as before); an
 * invalid input without a form page is the 422 error page. The API's controllers never reach this advice: theirs
 * comes first.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrorAdvice implements WebMvcConfigurer {

    private static final String EXCEPTION = PageErrorAdvice.class.getName() + ".exception";

    private final ObjectProvider<RequestMappingHandlerAdapter> adapter;

    PageErrorAdvice(ObjectProvider<RequestMappingHandlerAdapter> adapter) {
        this.adapter = adapter;
    }

    @ExceptionHandler(Refusal.class)
    @Nullable
    ModelAndView refused(Refusal e, HandlerMethod handler, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        for (var redirect :
                AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), RedirectOnError.class)) {
            if (Arrays.asList(redirect.kinds()).contains(e.kind())) {
                return redirect(redirect, redirect.message().isEmpty() ? e.messageKey() : redirect.message(), request);
            }
        }
        var form = handler.getMethodAnnotation(FormPage.class);
        if (form != null && e.kind() != Refusal.Kind.NOT_FOUND) {
            var model = new ModelMap().addAttribute("error", e.messageKey());
            return redraw(handler, form, e, model, request, response);
        }
        return errorPage(e.status(), response);
    }

    @ExceptionHandler(InvalidInput.class)
    @Nullable
    ModelAndView invalid(
            InvalidInput e, HandlerMethod handler, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        for (var redirect :
                AnnotatedElementUtils.findMergedRepeatableAnnotations(handler.getMethod(), RedirectOnError.class)) {
            if (redirect.invalidInput()) {
                var message = !redirect.message().isEmpty()
                        ? redirect.message()
                        : e.fieldErrors().values().stream().findFirst().orElse(e.detailKey());
                return redirect(redirect, message, request);
            }
        }
        var form = handler.getMethodAnnotation(FormPage.class);
        if (form == null) return errorPage(HttpStatus.UNPROCESSABLE_CONTENT.value(), response);
        var model = new ModelMap().addAttribute("errors", e.fieldErrors());
        if (!form.message().isEmpty()) model.addAttribute("error", form.message());
        return redraw(handler, form, e, model, request, response);
    }

    private static ModelAndView redirect(RedirectOnError redirect, String message, HttpServletRequest request) {
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put(redirect.attribute(), message);
        for (var name : redirect.keep()) {
            var value = request.getParameter(name);
            if (value != null) flash.put(name, value);
        }
        @SuppressWarnings("unchecked")
        var variables = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        var target = new UriTemplate(redirect.value()).expand(variables == null ? Map.of() : variables);
        return new ModelAndView("redirect:" + target);
    }

    /**
     * Calls the controller's drawing method as Spring MVC calls a handler (the same adapter: the layout's model
     * attributes, the flash attributes, the argument resolvers), so that it reads the request and the caller as the
     * handler did; the model starts with the errors, and a parameter of the exception's type receives it.
     */
    private @Nullable ModelAndView redraw(
            HandlerMethod handler,
            FormPage form,
            RuntimeException e,
            ModelMap model,
            HttpServletRequest request,
            HttpServletResponse response)
            throws Exception {
        var controller = handler.getBean();
        // The target, not a security proxy: the handler was authorized already, and a private method is not proxied.
        var target = AopProxyUtils.getSingletonTarget(controller);
        if (target != null) controller = target;
        var drawing = new HandlerMethod(controller, drawingMethod(ClassUtils.getUserClass(controller), form.value()));
        // The model starts as the flash attributes did: the adapter merges this map into it before the call.
        var start = new FlashMap();
        var input = RequestContextUtils.getInputFlashMap(request);
        if (input != null) start.putAll(input);
        start.putAll(model);
        request.setAttribute(DispatcherServlet.INPUT_FLASH_MAP_ATTRIBUTE, start);
        request.setAttribute(EXCEPTION, e);
        response.setStatus(form.status());
        ModelAndView answer;
        try {
            answer = adapter.getObject().handle(request, response, drawing);
        } catch (Refusal drawingRefused) {
            // The page itself is refused now (gone meanwhile): its error page, not a 500.
            return errorPage(drawingRefused.status(), response);
        }
        if (answer == null) return new ModelAndView();
        var view = answer.getViewName();
        if (view != null && view.startsWith("redirect:")) return new ModelAndView(view);
        answer.setStatus(HttpStatus.valueOf(form.status()));
        return answer;
    }

    private static Method drawingMethod(Class<?> type, String name) {
        var found = new java.util.ArrayList<Method>();
        ReflectionUtils.doWithMethods(type, found::add, m -> m.getName().equals(name) && !m.isBridge());
        if (found.size() != 1) {
            throw new IllegalStateException(
                    "@FormPage names " + found.size() + " methods " + name + " on " + type.getName());
        }
        var method = found.getFirst();
        ReflectionUtils.makeAccessible(method);
        return method;
    }

    private static ModelAndView errorPage(int status, HttpServletResponse response) {
        try {
            response.sendError(status);
        } catch (IOException ignored) {
            // The client has gone; there is nobody to show the page to.
        }
        return new ModelAndView();
    }

    /**
     * Hands the exception to a drawing method that declares a parameter of its type (a handler never declares one,
     * so no other method is concerned).
     */
    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return RuntimeException.class.isAssignableFrom(parameter.getParameterType());
            }

            @Override
            public @Nullable Object resolveArgument(
                    MethodParameter parameter,
                    @Nullable ModelAndViewContainer container,
                    NativeWebRequest request,
                    @Nullable WebDataBinderFactory binders) {
                var e = request.getAttribute(EXCEPTION, NativeWebRequest.SCOPE_REQUEST);
                return parameter.getParameterType().isInstance(e) ? e : null;
            }
        });
    }
}
