package org.tongban;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the integration tests: the whole platform on a real port and real PostgreSQL (embedded, or the server
 * named by TONGBAN_TEST_DB_URL). One port for the whole run, so that every test class shares one application
 * context, and so that the passkey relying party can name its origin before the server starts.
 */
// Inherited by every subclass: the quick profile (-Pquick) leaves these out (ADR 0021).
@Tag("platform")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    protected static final int PORT = freePort();
    protected static final String BASE = "http://localhost:" + PORT;
    protected static final String DEMO_PASSWORD = "Tongban@2026";
    /** Where e-mail goes in the tests: the SMTP server (GreenMail) that a test starts when it needs one. */
    protected static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("tongban.security.passkeys.allowed-origins", () -> BASE);
        registry.add("tongban.security.issuer", () -> BASE);
        registry.add("tongban.notifications.email", () -> "smtp");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    /**
     * Lets the sign-in helpers (here, {@link WebClient#signIn} and the browser tests') complete a staff account's
     * second factor as a person would: by reading the code sent to the account's phone.
     */
    @org.springframework.beans.factory.annotation.Autowired
    void secondFactorFromThePhone(
            org.tongban.notifications.DevelopmentOutbox outbox,
            org.tongban.identity.internal.AccountStore accounts,
            org.tongban.identity.internal.PersonStore persons) {
        WebClient.secondFactorCodes = identifier -> {
            var account = accounts.findByIdentifier(identifier).orElseThrow();
            var phone = persons.phoneOf(account.personId()).orElseThrow(() -> new AssertionError("no phone"));
            return lastCodeTo(outbox, phone.value());
        };
    }

    /** The newest code sent to the phone of the account named by this identifier (login name, ID number...). */
    protected static String secondFactorCode(String identifier) {
        return WebClient.secondFactorCodes.apply(identifier);
    }

    /** A browser signed in as a demo account (staff accounts with their second factor too). */
    protected static WebClient signedIn(String login) {
        var web = new WebClient(BASE);
        org.assertj.core.api.Assertions.assertThat(
                        web.signIn(login, DEMO_PASSWORD).location())
                .isEqualTo("/home");
        return web;
    }

    /**
     * The six-digit code in the newest development SMS to this phone. Use this, not the message centre: one-time
     * codes go to the phone only.
     */
    protected static String lastCodeTo(org.tongban.notifications.DevelopmentOutbox outbox, String phone) {
        var text = outbox.lastTextTo(phone).orElseThrow(() -> new AssertionError("no SMS to " + phone));
        var m = java.util.regex.Pattern.compile("(?<!\\d)\\d{6}(?!\\d)").matcher(text);
        if (!m.find()) throw new AssertionError("no code in: " + text);
        return m.group();
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
