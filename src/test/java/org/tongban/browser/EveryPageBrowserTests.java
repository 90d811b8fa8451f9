package org.tongban.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every page a person can reach by links, for each demo role: each one opened at 390 px and checked by the base
 * class in both modes (ADR 0026: no sideways scrolling, no WCAG 2.1 AA violation). A role visits a page once per
 * shape of its address (codes, digits and query left out), so that a list of forty cases costs one visit.
 */
class EveryPageBrowserTests extends BrowserTest {

    /** Most pages a role's walk opens: enough for every kind of page, few enough for a short run. */
    private static final int MOST = 30;

    private static final Set<String> SEEN = ConcurrentHashMap.newKeySet();

    private static final String LINKS = """
            return Array.prototype.map.call(document.querySelectorAll('main a[href], header a[href]'), function (a) {
              return a.href; });""";

    @ParameterizedTest
    @CsvSource({
        ",/",
        "citizen,/citizen",
        "enterprise,/business",
        "official,/office",
        "deptadmin,/office",
        "manager,/console",
        "operator,/console",
        "auditor,/console"
    })
    void everyPageReachedByLinksPassesTheChecks(String login, String home) {
        if (login != null) signIn(login, DEMO_PASSWORD);
        var queue = new ArrayDeque<String>(List.of(home, "/messages", "/account"));
        var opened = new LinkedHashSet<String>();
        while (!queue.isEmpty() && opened.size() < MOST) {
            var next = queue.poll();
            if (!SEEN.add(login + " " + shape(next))) continue;
            open(next);
            opened.add(next);
            screenshot("walk-" + (login == null ? "anonymous" : login)
                    + shape(next).replace('/', '-'));
            @SuppressWarnings("unchecked")
            var links = (List<String>) driver.executeScript(LINKS);
            for (var link : links) {
                if (!link.startsWith(BASE)) continue;
                var path = link.substring(BASE.length()).replaceAll("#.*", "");
                if (walkable(path)) queue.add(path);
            }
        }
        System.out.println("[walk] " + login + ": " + opened.size() + " pages " + opened);
        assertThat(opened).isNotEmpty();
    }

    /** Pages, not files, APIs, the language switch or sign-out; and the channel the walk is about. */
    private static boolean walkable(String path) {
        return !path.isEmpty()
                && !path.contains("lang=")
                && !path.endsWith(".pdf")
                && !path.replaceAll("[?].*", "").endsWith(".csv")
                && !path.startsWith("/api")
                && !path.startsWith("/swagger")
                && !path.startsWith("/webjars")
                && !path.startsWith("/assets")
                && !path.contains("/materials/")
                && !path.startsWith("/logout");
    }

    private static String shape(String path) {
        // Codes and identifiers (an item's code, a license's identifier) name one thing of a kind: one of each kind.
        return path.replaceAll("[?].*", "").replaceAll("[0-9A-Z._-]{8,}", "X").replaceAll("[0-9]+", "0");
    }
}
