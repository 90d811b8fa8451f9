package org.tongban.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.WebClient;
import org.tongban.bench.SoftwareAuthenticator;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;

/**
 * Passkey sign-in (issue 9, finding 2) held to the rules of the other methods: lock and disabled state, a new
 * session id, failures counted and audited, user verification required. Through the real endpoints, with a
 * software authenticator standing in for the phone.
 */
class PasskeySignInTests extends IntegrationTest {

    private static final Pattern CHALLENGE = Pattern.compile("\"challenge\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern USER_ID = Pattern.compile("\"user\"\\s*:\\s*\\{[^}]*\"id\"\\s*:\\s*\"([^\"]+)\"");

    @Autowired
    Registration registration;

    @Autowired
    JdbcClient jdbc;

    record Holder(UUID account, String idNumber, SoftwareAuthenticator passkey) {}

    /** A new citizen who signs in with the password and registers a passkey at once (a fresh sign-in). */
    private Holder citizenWithPasskey() throws Exception {
        var idNumber = TestPeople.idNumber();
        var account = org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "刷脸人", TestPeople.phone(), TestPeople.PASSWORD));
        var passkey = new SoftwareAuthenticator(URI.create(BASE).getHost(), BASE);
        var web = new WebClient(BASE);
        assertThat(web.signIn(idNumber, TestPeople.PASSWORD).location()).isEqualTo("/home");
        assertThat(register(web, passkey).body()).contains("\"success\":true");
        return new Holder(account, idNumber, passkey);
    }

    static WebClient.Page register(WebClient web, SoftwareAuthenticator passkey) throws Exception {
        web.get("/account");
        var options = web.json("POST", "/webauthn/register/options", null).body();
        if (!CHALLENGE.matcher(options).find()) return new WebClient.Page(403, options, "");
        return web.json(
                "POST",
                "/webauthn/register",
                passkey.registration(find(CHALLENGE, options), find(USER_ID, options), "测试手机"));
    }

    /** Signs in with the passkey in a fresh browser; returns the JSON answer. */
    static WebClient.Page signInWithPasskey(WebClient web, SoftwareAuthenticator passkey) throws Exception {
        web.get("/login");
        var options = web.json("POST", "/webauthn/authenticate/options", null).body();
        return web.json("POST", "/login/webauthn", passkey.assertion(find(CHALLENGE, options)));
    }

    private int auditRows(String code, String subject, String detail) {
        return jdbc.sql("select count(*) from audit.audit_event where code = :c and subject = :s and details like :d")
                .param("c", code)
                .param("s", subject)
                .param("d", "%" + detail + "%")
                .query(Integer.class)
                .single();
    }

    @Test
    void aPasskeySignsInAndTheSignInIsAudited() throws Exception {
        var holder = citizenWithPasskey();
        var web = new WebClient(BASE);
        assertThat(signInWithPasskey(web, holder.passkey()).body()).contains("\"authenticated\":true");
        assertThat(web.get("/citizen").status()).isEqualTo(200);
        assertThat(auditRows("SIGN_IN_SUCCEEDED", holder.account().toString(), "PASSKEY"))
                .isEqualTo(1);
    }

    @Test
    void aLockedAccountCannotSignInWithAPasskey() throws Exception {
        var holder = citizenWithPasskey();
        for (int i = 0; i < 5; i++) new WebClient(BASE).signIn(holder.idNumber(), "Wrong#Password" + i);

        var web = new WebClient(BASE);
        var answer = signInWithPasskey(web, holder.passkey());
        assertThat(answer.body()).doesNotContain("\"authenticated\":true");
        assertThat(web.get("/citizen").location()).endsWith("/login");
        assertThat(auditRows("SIGN_IN_FAILED", holder.account().toString(), "LOCKED"))
                .isEqualTo(1);
    }

    @Test
    void passkeySignInChangesTheSessionId() throws Exception {
        var holder = citizenWithPasskey();
        var web = new WebClient(BASE);
        web.get("/login");
        var options = web.json("POST", "/webauthn/authenticate/options", null).body();
        var before = web.sessionCookie();
        assertThat(before).isNotEmpty();
        assertThat(web.json("POST", "/login/webauthn", holder.passkey().assertion(find(CHALLENGE, options)))
                        .body())
                .contains("\"authenticated\":true");
        assertThat(web.sessionCookie()).isNotEmpty().isNotEqualTo(before);
    }

    @Test
    void passwordAndCodeSignInsChangeTheSessionIdToo() throws Exception {
        var idNumber = TestPeople.idNumber();
        var phone = TestPeople.phone();
        org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "换号人", phone, TestPeople.PASSWORD));
        var web = new WebClient(BASE);
        web.get("/login");
        web.json("POST", "/webauthn/authenticate/options", null);
        var before = web.sessionCookie();
        assertThat(web.signIn(idNumber, TestPeople.PASSWORD).location()).isEqualTo("/home");
        assertThat(web.sessionCookie()).isNotEqualTo(before);

        var byCode = new WebClient(BASE);
        byCode.get("/login");
        byCode.json("POST", "/webauthn/authenticate/options", null);
        var anonymous = byCode.sessionCookie();
        byCode.post("/login/code/send", Map.of("identifier", idNumber));
        byCode.get("/login?method=code");
        assertThat(byCode.post("/login/code", Map.of("identifier", idNumber, "code", lastCodeTo(outbox, phone)))
                        .location())
                .isEqualTo("/home");
        assertThat(byCode.sessionCookie()).isNotEqualTo(anonymous);
    }

    @Autowired
    org.tongban.notifications.DevelopmentOutbox outbox;

    @Test
    void aFailedPasskeyAssertionIsCountedAndAudited() throws Exception {
        var holder = citizenWithPasskey();
        var web = new WebClient(BASE);
        web.get("/login");
        var options = web.json("POST", "/webauthn/authenticate/options", null).body();
        // Signed for another challenge: a replayed or forged assertion.
        assertThat(options).contains("challenge");
        var other = new byte[32];
        new java.security.SecureRandom().nextBytes(other);
        var forged = holder.passkey()
                .assertion(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(other));
        assertThat(web.json("POST", "/login/webauthn", forged).body()).doesNotContain("\"authenticated\":true");
        var failures = jdbc.sql("select failed_attempts from identity.account where id = :id")
                .param("id", holder.account())
                .query(Integer.class)
                .single();
        assertThat(failures).isEqualTo(1);
        assertThat(auditRows("SIGN_IN_FAILED", holder.account().toString(), "PASSKEY"))
                .isEqualTo(1);
    }

    @Test
    void anAssertionWithoutUserVerificationIsRefused() throws Exception {
        var holder = citizenWithPasskey();
        holder.passkey().withoutUserVerification();
        var web = new WebClient(BASE);
        assertThat(signInWithPasskey(web, holder.passkey()).body()).doesNotContain("\"authenticated\":true");
        assertThat(web.get("/citizen").location()).endsWith("/login");
    }

    @Test
    void aPasskeyWithoutUserVerificationCannotBeRegistered() throws Exception {
        var idNumber = TestPeople.idNumber();
        org.tongban.TestRegistration.register(
                registration, outbox, new RegisterCitizen(idNumber, "无验证", TestPeople.phone(), TestPeople.PASSWORD));
        var web = new WebClient(BASE);
        web.signIn(idNumber, TestPeople.PASSWORD);
        var passkey = new SoftwareAuthenticator(URI.create(BASE).getHost(), BASE).withoutUserVerification();
        assertThat(register(web, passkey).body()).doesNotContain("\"success\":true");
    }

    static String find(Pattern pattern, String text) {
        var m = pattern.matcher(text);
        if (!m.find()) throw new AssertionError("not found in: " + text);
        return m.group(1);
    }
}
