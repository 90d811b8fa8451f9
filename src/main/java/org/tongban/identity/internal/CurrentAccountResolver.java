package org.tongban.identity.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.tongban.shared.CurrentAccount;

/**
 * Resolves {@link CurrentAccount}: every principal of Tongban (the session's {@code TongbanUser}, a bearer token's
 * subject, a passkey's user) is named by the account id, so this is the one place that reads it. The refusals are
 * Spring Security's own exceptions, so that its filter answers them as it answers any other: 401 (the sign-in page
 * on a page) without a signed-in account, 403 for a principal that is no account. A request in which a relative
 * acts for a family member ({@link FamilyActing}) resolves to the member in its handler.
 */
@Component
class CurrentAccountResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(CurrentAccount.class) && parameter.getParameterType() == UUID.class;
    }

    @Override
    public @Nullable UUID resolveArgument(
            MethodParameter parameter,
            @Nullable ModelAndViewContainer container,
            NativeWebRequest request,
            @Nullable WebDataBinderFactory binders) {
        var annotation = parameter.getParameterAnnotation(CurrentAccount.class);
        // A relative acting for a family member in an area the grant opens (ADR 0043): the handler acts as the
        // member. The layout's model methods still see the one signed in.
        var servlet = request.getNativeRequest(jakarta.servlet.http.HttpServletRequest.class);
        var acting = servlet == null ? null : FamilyActing.of(servlet);
        if (acting != null
                && parameter.getMethod() != null
                && !parameter
                        .getMethod()
                        .isAnnotationPresent(org.springframework.web.bind.annotation.ModelAttribute.class)) {
            return acting.principal();
        }
        if (annotation != null && !annotation.required()) {
            try {
                return account();
            } catch (AuthenticationCredentialsNotFoundException | AccessDeniedException e) {
                return null;
            }
        }
        return account();
    }

    UUID account() {
        var authentication = holder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new AuthenticationCredentialsNotFoundException("No signed-in account");
        }
        try {
            return UUID.fromString(authentication.getName());
        } catch (IllegalArgumentException e) {
            throw new AccessDeniedException("The principal names no account");
        }
    }
}
