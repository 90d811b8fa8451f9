package org.tongban.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.ItemSearch;

/**
 * One template, two answers (CONVENTIONS 10, ADR 0022): each page that htmx swaps answers an htmx request
 * ({@code HX-Request: true}) with its fragment alone, and a plain request or a history restore with the whole page,
 * both marked {@code Vary: HX-Request}. An htmx request that lands on a page without a fragment (the sign-in page
 * after the session expired) is sent there instead of nesting a page in the page.
 */
class HtmxPagesTests extends IntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern WALLET_LINK = Pattern.compile("href=\"/citizen/licenses/([^\"/?]+)\"");

    @Autowired
    CatalogManagement catalog;

    @Test
    void theInboxFiltersSwapTheListAndItsCounts() {
        var official = new Browser(signedIn("official").sessionCookie());
        var page = official.get("/office/inbox", Map.of());
        assertWholePage(page);
        assertThat(page.body()).contains("id=\"inbox-results\"", "id=\"only-mine\"", "hx-get=\"/office/inbox?");

        var swap = official.get("/office/inbox?mine=true", Map.of("HX-Request", "true"));
        assertFragment(swap, "<div id=\"inbox-results\"");
        assertThat(swap.body()).contains("显示本部门全部待办", "id=\"tab-all\"").doesNotContain("只看我签收的");

        var back = official.get(
                "/office/inbox?mine=true", Map.of("HX-Request", "true", "HX-History-Restore-Request", "true"));
        assertWholePage(back);
    }

    @Test
    void addingAGroupEntryAndSavingTheDraftSwapTheFormOnly() {
        var item = catalog.search(ItemSearch.of("出生医学证明首次签发")).getFirst().code();
        var citizen = new Browser(signedIn("citizen").sessionCookie());
        var path = "/citizen/apply/" + item;
        var page = citizen.get(path, Map.of());
        assertWholePage(page);
        assertThat(page.body()).contains("id=\"add-guardians\"").doesNotContain("guardians[1].name");

        var added = citizen.post(path, Map.of("_action", "add:guardians", "childName", "陈小明"), true);
        assertFragment(added, "<div id=\"application-area\"");
        assertThat(added.body()).contains("guardians[1].name", "value=\"陈小明\"");

        var plain = citizen.post(path, Map.of("_action", "add:guardians"), false);
        assertWholePage(plain);
        assertThat(plain.body()).contains("guardians[1].name");

        // Saving answers with the PRG redirect; htmx follows it with the same header and gets the form with its notice.
        var saved = citizen.post(path, Map.of("_action", "save", "childName", "陈小明"), true);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).endsWith(path);
        var after = citizen.get(path, Map.of("HX-Request", "true"));
        assertFragment(after, "<div id=\"application-area\"");
        assertThat(after.body()).contains("草稿已保存", "value=\"陈小明\"");
    }

    @Test
    void anotherDisclosureChoiceSwapsTheQrOnly() {
        var citizen = new Browser(signedIn("citizen").sessionCookie());
        var wallet =
                WALLET_LINK.matcher(citizen.get("/citizen/licenses", Map.of()).body());
        assertThat(wallet.find()).isTrue();
        var path = "/citizen/licenses/" + wallet.group(1) + "/show";
        var page = citizen.get(path, Map.of());
        assertWholePage(page);
        assertThat(page.body()).contains("id=\"show-live\"", "hx-trigger=\"load delay:");

        var swap = citizen.post(path, Map.of(), true);
        assertFragment(swap, "<div id=\"show-live\"");
        assertThat(swap.body()).contains("id=\"show-qr\"", "<svg", "id=\"show-token\"", "hx-trigger=\"load delay:");
        assertThat(swap.header("Vary")).contains("HX-Request");
    }

    @Test
    void anHtmxRequestForAPageWithoutAFragmentIsSentToThePage() {
        var anonymous = new Browser("");
        var expired = anonymous.get("/office/inbox", Map.of("HX-Request", "true"));
        assertThat(expired.status()).isEqualTo(302);
        var login = anonymous.get("/login", Map.of("HX-Request", "true"));
        assertThat(login.header("HX-Redirect")).isEqualTo("/login");
        assertThat(anonymous.get("/login", Map.of()).header("HX-Redirect")).isEmpty();
    }

    private static void assertWholePage(Answer page) {
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<html", "<header class=\"top\"", "<footer");
        assertThat(page.header("Vary")).contains("HX-Request");
    }

    private static void assertFragment(Answer swap, String start) {
        assertThat(swap.status()).isEqualTo(200);
        assertThat(swap.body().strip()).startsWith(start);
        assertThat(swap.body()).doesNotContain("<html", "<header", "<footer", "<script");
        assertThat(swap.header("Vary")).contains("HX-Request");
    }

    record Answer(int status, String body, HttpResponse<String> response) {
        String header(String name) {
            return String.join(", ", response.headers().allValues(name));
        }
    }

    /** A browser of the signed-in session that can send htmx's headers (the shared test client sends none). */
    static final class Browser {

        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        private String csrf = "";

        Browser(String session) {
            if (!session.isEmpty()) {
                var cookie = new HttpCookie("SESSION", session);
                cookie.setPath("/");
                cookie.setVersion(0);
                cookies.getCookieStore().add(URI.create(BASE), cookie);
            }
        }

        Answer get(String path, Map<String, String> headers) {
            var request = HttpRequest.newBuilder(URI.create(BASE + path)).GET();
            headers.forEach(request::header);
            return send(request);
        }

        /** Posts like the page's form; as htmx when {@code htmx} (fetch a page of the form first, for its token). */
        Answer post(String path, Map<String, String> form, boolean htmx) {
            if (csrf.isEmpty()) get(path, Map.of());
            var fields = new LinkedHashMap<>(form);
            fields.putIfAbsent("_csrf", csrf);
            var body = fields.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            var request = HttpRequest.newBuilder(URI.create(BASE + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (htmx) request.header("HX-Request", "true");
            return send(request);
        }

        private Answer send(HttpRequest.Builder request) {
            try {
                var response = http.send(
                        request.header("Accept-Language", "zh-CN").build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                var token = CSRF.matcher(response.body());
                if (token.find()) csrf = token.group(1);
                return new Answer(response.statusCode(), response.body(), response);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
