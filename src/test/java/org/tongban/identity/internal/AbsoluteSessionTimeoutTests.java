package org.tongban.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

class AbsoluteSessionTimeoutTests {

    final IdentityProperties properties = new IdentityProperties(
            5,
            Duration.ofMinutes(15),
            Duration.ofHours(12),
            Duration.ofMinutes(5),
            new IdentityProperties.Passkeys("localhost", "Tongban", List.of()),
            "http://localhost");
    final AbsoluteSessionTimeoutFilter filter = new AbsoluteSessionTimeoutFilter(properties);

    @Test
    void aSessionOlderThanTwelveHoursEndsHoweverActiveItIs() throws Exception {
        var session = new AgedSession(Duration.ofHours(12).plusMinutes(1));
        var request = new MockHttpServletRequest("GET", "/citizen");
        request.setSession(session);
        var response = new MockHttpServletResponse();
        var chain = new MockFilterChain();
        filter.doFilter(request, response, chain);
        assertThat(session.isInvalid()).isTrue();
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(chain.getRequest()).isNull();
    }

    @Test
    void aYoungerSessionGoesOn() throws Exception {
        var session = new AgedSession(Duration.ofHours(11));
        var request = new MockHttpServletRequest("GET", "/citizen");
        request.setSession(session);
        var chain = new MockFilterChain();
        filter.doFilter(request, new MockHttpServletResponse(), chain);
        assertThat(session.isInvalid()).isFalse();
        assertThat(chain.getRequest()).isSameAs(request);
    }

    /** A session that began some time ago. */
    static final class AgedSession extends MockHttpSession {
        private final long created;

        AgedSession(Duration age) {
            this.created = System.currentTimeMillis() - age.toMillis();
        }

        @Override
        public long getCreationTime() {
            return created;
        }
    }
}
