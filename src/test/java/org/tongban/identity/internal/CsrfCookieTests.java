package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The review's low finding: the CSRF cookie had no {@code __Host-} prefix, so a sibling sub-domain could plant one. */
class CsrfCookieTests {

    @Test
    void overHttpsTheCsrfCookieIsAHostCookie() {
        var repository = BrowserProtections.csrfTokens(true);
        var request = new MockHttpServletRequest();
        var response = new MockHttpServletResponse();
        repository.saveToken(repository.generateToken(request), request, response);
        var cookie = response.getHeader("Set-Cookie");
        assertThat(cookie)
                .startsWith("__Host-XSRF-TOKEN=")
                .contains("Path=/")
                .contains("Secure")
                .doesNotContain("Domain=");
    }

    @Test
    void overPlainHttpInDevelopmentItIsAnOrdinaryCookie() {
        var repository = BrowserProtections.csrfTokens(false);
        var request = new MockHttpServletRequest();
        var response = new MockHttpServletResponse();
        repository.saveToken(repository.generateToken(request), request, response);
        assertThat(response.getHeader("Set-Cookie")).startsWith("XSRF-TOKEN=").doesNotContain("Secure");
    }
}
