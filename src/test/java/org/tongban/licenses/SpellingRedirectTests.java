package org.tongban.licenses;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;

/**
 * The addresses of the old spelling keep working after the rename (ADR 0018): QR codes on paper copies point to
 * {@code /verify/licences/{id}}, bookmarks to {@code /citizen/licences}, and offline verifiers fetch the trust list
 * from {@code /.well-known/tongban/licences/…}.
 */
class SpellingRedirectTests extends IntegrationTest {

    static final HttpClient NO_REDIRECTS =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static final HttpClient FOLLOWING =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPrintedQrCodeOfTheOldSpellingStillReachesTheLicenseStatus() throws Exception {
        var identifier = jdbc.sql("select identifier from licenses.license order by id limit 1")
                .query(String.class)
                .single();
        var old = send(NO_REDIRECTS, "GET", "/verify/licences/" + identifier + "?lang=en");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location")).contains("/verify/licenses/" + identifier + "?lang=en");

        var followed = send(FOLLOWING, "GET", "/verify/licences/" + identifier);
        assertThat(followed.statusCode()).isEqualTo(200);
        assertThat(followed.uri().getPath()).isEqualTo("/verify/licenses/" + identifier);
        assertThat(followed.body()).contains(identifier);
    }

    @Test
    void readsAreMovedPermanentlyAndWritesKeepTheirMethod() throws Exception {
        var head = send(NO_REDIRECTS, "HEAD", "/citizen/licences");
        assertThat(head.statusCode()).isEqualTo(301);
        assertThat(head.headers().firstValue("Location")).contains("/citizen/licenses");

        // A form posted to the old address is re-sent by the browser, with its body, to the new one, where the
        // URL rules and CSRF apply as to any request: the filter itself does nothing but point the way.
        var post = send(NO_REDIRECTS, "POST", "/office/licences/new");
        assertThat(post.statusCode()).isEqualTo(308);
        assertThat(post.headers().firstValue("Location")).contains("/office/licenses/new");
    }

    @Test
    void onlyWholeSegmentsOfTheOldSpellingAreRedirected() throws Exception {
        assertThat(send(NO_REDIRECTS, "GET", "/verify/licencesX").statusCode()).isNotIn(301, 308);
        assertThat(send(NO_REDIRECTS, "GET", "/citizen/licences-old").statusCode())
                .isNotIn(301, 308);
    }

    @Test
    void offlineVerifiersFindTheTrustListRootAndStatusListAtBothSpellingsWithoutARedirect() throws Exception {
        for (var name : new String[] {"trust-list", "root.pem", "status-list"}) {
            var now = send(NO_REDIRECTS, "GET", "/.well-known/tongban/licenses/" + name);
            var old = send(NO_REDIRECTS, "GET", "/.well-known/tongban/licences/" + name);
            assertThat(now.statusCode()).as(name).isEqualTo(200);
            assertThat(old.statusCode()).as(name).isEqualTo(200);
            if (!name.equals("status-list")) { // the status list is re-signed with its time of issue
                assertThat(old.body()).as(name).isEqualTo(now.body());
            }
        }
    }

    static HttpResponse<String> send(HttpClient client, String method, String path) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(BASE + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
