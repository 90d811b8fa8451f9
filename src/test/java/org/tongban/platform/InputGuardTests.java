package org.tongban.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.audit.AuditManagement;
import org.tongban.identity.Persons;
import org.tongban.identity.internal.RegisterCitizen;
import org.tongban.identity.internal.Registration;

/**
 * Hostile input is refused at the edge with 400 or 413, as a problem on the API and as the error page for a
 * browser, and never reaches PostgreSQL as a NUL; a read of personal data whose audit entry cannot be written
 * does not happen.
 */
class InputGuardTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.tongban.notifications.DevelopmentOutbox outbox;

    @Autowired
    Persons identity;

    @Autowired
    Registration registration;

    @Autowired
    AuditManagement audit;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Autowired
    org.tongban.cases.CaseManagement cases;

    @Autowired
    org.tongban.catalog.CatalogManagement catalog;

    @Test
    void aNulInThePurposeIsRefusedBeforeThePersonIsRead() {
        var person = org.tongban.TestRegistration.register(
                registration,
                outbox,
                new RegisterCitizen(TestPeople.idNumber(), "丁某", TestPeople.phone(), TestPeople.PASSWORD));
        var official = signedIn("official");
        var read = official.json("GET", "/api/v1/persons/" + person + "?purpose=evade%00", null);
        assertThat(read.status()).isEqualTo(400);
        assertThat(read.body()).contains("\"status\":400").doesNotContain("丁某").doesNotContain("**********");
        assertThat(audit.recent(50, "PERSONAL_DATA_READ", null))
                .noneMatch(e -> e.subject().equals(person.toString()));
    }

    @Test
    void aReadOfPersonalDataWhoseAuditEntryCannotBeWrittenDoesNotHappen() {
        // A reader with need-to-know: an official of the department that has the person's case.
        var person = org.tongban.TestRegistration.levelThree(context, TestPeople.idNumber(), "戊某");
        org.tongban.identity.PersonNeedToKnowTests.fileMarketCase(cases, catalog, person);
        var official = UUID.fromString(signedIn("official")
                .json("GET", "/api/v1/me", null)
                .body()
                .replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1"));
        // Past the edge (as a caller inside the platform could pass it), PostgreSQL refuses the NUL in the entry.
        assertThatThrownBy(() -> identity.readPerson(person, official, "evade\u0000"))
                .isInstanceOf(RuntimeException.class)
                .isNotInstanceOf(org.tongban.identity.PersonReadRefusedException.class);
        assertThat(audit.recent(50, "PERSONAL_DATA_READ", null))
                .noneMatch(e -> e.subject().equals(person.toString()));
    }

    @Test
    void anEncodedSurrogateInTheQueryIsAProblemOnTheApiAndTheErrorPageOnPages() {
        var api = RawHttp.send(
                PORT,
                ascii("GET /api/v1/catalog/items?q=%ED%A0%80 HTTP/1.1\r\nHost: localhost\r\n"
                        + "Accept: application/json\r\nConnection: close"),
                new byte[0]);
        assertThat(api.status()).isEqualTo(400);
        assertThat(api.head()).containsIgnoringCase("application/problem+json");
        assertThat(api.body()).contains("\"status\":400").contains("UTF-8");
        var page = RawHttp.send(
                PORT,
                ascii("GET /?q=%ED%A0%80 HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                        + "Cookie: tongban_lang=en\r\nConnection: close"),
                new byte[0]);
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.body()).contains("Bad request").doesNotContain("Exception");
        var malformed = RawHttp.send(
                PORT, ascii("GET /?q=%E4%B8 HTTP/1.1\r\nHost: localhost\r\nConnection: close"), new byte[0]);
        assertThat(malformed.status()).isEqualTo(400);
    }

    @Test
    void aNulInAFormFieldIsRefusedBeforeSignIn() {
        var body = ascii("identifier=citizen%00&password=x");
        var answer = RawHttp.send(
                PORT,
                ascii("POST /login HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                        + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
                        + "\r\nConnection: close"),
                body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("请求有误");
    }

    @Test
    void aNulEscapeOrInvalidUtf8InAJsonBodyIsA400() {
        var nul = ascii("{\"token\":\"TB1.a\\u0000\"}");
        assertThat(post("/api/v1/licenses/verify", "application/json", nul).status())
                .isEqualTo(400);
        var escapedBackslash = ascii("{\"token\":\"TB1.a\\\\u0000\"}");
        assertThat(post("/api/v1/licenses/verify", "application/json", escapedBackslash)
                        .status())
                .isNotEqualTo(400);
        var surrogate = new byte[] {
            '{', '"', 't', 'o', 'k', 'e', 'n', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'
        };
        assertThat(post("/api/v1/licenses/verify", "application/json", surrogate)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        var json = RawHttp.chunked(PORT, "/api/v1/licenses/verify", "application/json", 20L * 1024 * 1024, (byte) 'a');
        assertThat(json.status()).isEqualTo(413);
        assertThat(json.body()).contains("\"status\":413");
        var form = RawHttp.chunked(PORT, "/login", "application/x-www-form-urlencoded", 3L * 1024 * 1024, (byte) 'a');
        assertThat(form.status()).isEqualTo(413);
    }

    @Test
    void aNonAsciiIdempotencyKeyIsA400() {
        var body = ascii("{}");
        var head = new java.io.ByteArrayOutputStream();
        head.writeBytes(ascii("POST /api/v1/cases HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nConnection: close\r\nIdempotency-Key: "));
        head.writeBytes("键".getBytes(StandardCharsets.UTF_8));
        var answer = RawHttp.send(PORT, head.toByteArray(), body);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("Idempotency-Key");
    }

    @Test
    void aBrokenMultipartBodyIsA400() {
        var body = ascii("--b\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\r\nabc");
        var answer = RawHttp.send(
                PORT,
                ascii("POST /verify HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                        + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + body.length
                        + "\r\nConnection: close"),
                body);
        assertThat(answer.status()).isEqualTo(400);
        var noBoundary = RawHttp.send(
                PORT,
                ascii("POST /api/v1/cases/uploads HTTP/1.1\r\nHost: localhost\r\n"
                        + "Content-Type: multipart/form-data\r\nContent-Length: 3\r\nConnection: close"),
                ascii("abc"));
        assertThat(noBoundary.status()).isEqualTo(400);
    }

    @Test
    void aNulInAnUploadedFileNameIsA400NotADatabaseError() {
        var citizen = signedIn("citizen2");
        citizen.get("/");
        var answer = citizen.multipart(
                "/api/v1/cases/uploads",
                java.util.Map.of(),
                "file",
                "a\u0000.pdf",
                "application/pdf",
                org.tongban.cases.Applications.PDF);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("\"status\":400");
    }

    private static RawHttp.Answer post(String path, String type, byte[] body) {
        return RawHttp.send(
                PORT,
                ascii("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type + "\r\nContent-Length: "
                        + body.length + "\r\nConnection: close"),
                body);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
