package org.tongban.browser;

import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every page a browser test visits must pass, in the standard and the elderly mode (ADR 0026): no horizontal
 * scrolling at the phone's width, no identifier, constant or missing message key in the text a person reads, and no
 * WCAG 2.1 A/AA violation found by axe-core. The elderly mode is only CSS
 * (the class {@code elderly} on html and body; the server renders nothing else differently but the toggle's label),
 * so the other mode is checked by switching the class in place and back, without a request.
 *
 * <p>axe runs once per page structure: a page whose elements (tags, ids and classes, digits left out) were checked
 * before in the same mode and language is not checked again, so the sign-in page visited by every test costs one run.
 * The scroll check is cheap and runs at every check point, since long text in a known structure is what breaks it.
 */
final class PageChecks {

    /** WCAG 2.0 and 2.1, levels A and AA: what the brief and GB/T 37668 ask. */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** Only the WCAG rules, and only the violations back (passes and the rest are not sent over the wire). */
    private static final AxeRunOptions OPTIONS = new AxeRunOptions();

    static {
        var only = new AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(TAGS);
        OPTIONS.setRunOnly(only);
        OPTIONS.setResultTypes(List.of("violations"));
    }

    private static final String AXE_SOURCE = axeSource();

    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();
    private static final AtomicLong NANOS = new AtomicLong();
    private static final AtomicInteger AXE_RUNS = new AtomicInteger();
    private static final AtomicInteger CHECK_POINTS = new AtomicInteger();

    /** What the checks cost so far in this run (printed after each test class, ADR 0026). */
    static String cost() {
        return String.format(
                "[page checks] %d check points, %d axe runs, %.1f s so far",
                CHECK_POINTS.get(), AXE_RUNS.get(), NANOS.get() / 1e9);
    }

    private static final String SIGNATURE = """
            var s = location.pathname + '|' + document.documentElement.lang + '|';
            document.querySelectorAll('body *').forEach(function (e) {
              s += e.tagName + '#' + e.id + '.' + (typeof e.className === 'string' ? e.className : '')
                + (e.hidden ? '!' : '') + (e.getAttribute('aria-invalid') === 'true' ? '?' : '') + ';';
            });
            s = s.replace(/[0-9]+/g, '0');
            var h = 0;
            for (var i = 0; i < s.length; i++) { h = (h * 31 + s.charCodeAt(i)) | 0; }
            return location.pathname.replace(/[0-9]+/g, '0') + ' ' + h;""";

    private static final String ELDERLY = "return document.body.classList.contains('elderly');";

    private static final String SET_MODE = """
            var on = arguments[0];
            document.documentElement.classList.toggle('elderly', on);
            document.body.classList.toggle('elderly', on);
            return document.body.offsetWidth;""";

    /** The elements that reach past the right edge, the outermost first: what to fix when the page scrolls. */
    private static final String OVERFLOW = """
            var w = window.innerWidth;
            // A part that scrolls sideways on its own (a wide table in a scrolling box) is as hard to read.
            var inner = Array.prototype.find.call(document.querySelectorAll('body *'), function (e) {
              var x = getComputedStyle(e).overflowX;
              return (x === 'auto' || x === 'scroll') && e.scrollWidth > e.clientWidth + 1 && e.tagName !== 'TEXTAREA';
            });
            if (inner) return inner.tagName.toLowerCase() + (inner.id ? '#' + inner.id : '') + ' scrolls sideways: '
              + inner.scrollWidth + ' > ' + inner.clientWidth;
            if (document.documentElement.scrollWidth <= w) return null;
            // The outermost elements past the edge; where none is, those whose text runs out of them.
            function past(text) {
              var out = [];
              document.querySelectorAll('body *').forEach(function (e) {
                var r = e.getBoundingClientRect();
                var right = r.right + (text ? Math.max(0, e.scrollWidth - e.clientWidth) : 0);
                if (right > w + 0.5 && r.width > 0 && !out.some(function (o) { return o.el.contains(e); })) {
                  out.push({ el: e, d: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                    + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().replace(/\\s+/g, '.') : '')
                    + ' right=' + Math.round(right) });
                }
              });
              return out;
            }
            var out = past(false);
            if (!out.length) out = past(true);
            return 'scrollWidth ' + document.documentElement.scrollWidth + ' > innerWidth ' + w + ': '
              + out.slice(0, 5).map(function (o) { return o.d; }).join(', ');""";

    /**
     * What a person must never read on a page (issue 11, finding 6): an identifier (UUID), a department's code where
     * its name belongs, a constant of the code
     * (two or more capitals joined by '_', as {@code IN_REVIEW} or {@code LICENCE_ISSUED}), a message key Thymeleaf
     * could not find ({@code ??key_zh_CN??}), or the English word for a signature's check on a Chinese page. The text
     * read is what is shown: hidden parts, form values and the attributes are not text, and neither is what an element
     * marked {@code data-machine-text} holds (a credential or a code a person copies into another system). Returns the first finding
     * with what surrounds it, or null.
     */
    private static final String LEAK = """
            // TEST_EVENT is the tests' own audit code (TestAudited), on their class path only and without a label.
            var text = (document.body.innerText || '').replace(/\\?\\?audit\\.code\\.TEST_EVENT_[A-Za-z_]+\\?\\?/g, '');
            // Text a person copies into another system (a client's identifier, an example of a code to type) is
            // marked data-machine-text on the element that holds it, and is left out.
            document.querySelectorAll('[data-machine-text]').forEach(function (e) {
              if (e.innerText) text = text.split(e.innerText).join(' ');
            });
            var zh = (document.documentElement.lang || '').indexOf('zh') === 0;
            var kinds = [
              ['an identifier', /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i],
              ['a constant', /\\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\\b/],
              // A department's code (440100-SCJG) alone; an item's code or a case number begins with one.
              ['a department code', /\\b[0-9]{6}-[A-Z]{2,8}\\b(?!-)/],
              ['a missing message', /\\?\\?[A-Za-z0-9_.-]+\\?\\?/]
            ];
            if (zh) kinds.push(['English on a Chinese page', /\\b(?:in)?valid signature\\b/i]);
            for (var i = 0; i < kinds.length; i++) {
              var m = kinds[i][1].exec(text);
              if (m) return kinds[i][0] + ' "' + m[0] + '" in "'
                + text.substring(Math.max(0, m.index - 40), m.index + m[0].length + 40).replace(/\\s+/g, ' ') + '"';
            }
            return null;""";

    private final ChromeDriver driver;

    PageChecks(ChromeDriver driver) {
        this.driver = driver;
    }

    /** Checks the page as it is now, in both modes, and leaves it in the mode it was in. */
    void check() {
        long start = System.nanoTime();
        CHECK_POINTS.incrementAndGet();
        try {
            settle();
            boolean elderly = Boolean.TRUE.equals(driver.executeScript(ELDERLY));
            try {
                checkIn(elderly);
                driver.executeScript(SET_MODE, !elderly);
                checkIn(!elderly);
            } finally {
                driver.executeScript(SET_MODE, elderly);
            }
        } catch (JavascriptException e) {
            // The page went away under the check (a navigation started by the test): the next check point sees it.
            if (!String.valueOf(e.getMessage()).contains("context")) throw e;
        } finally {
            NANOS.addAndGet(System.nanoTime() - start);
        }
    }

    private void checkIn(boolean elderly) {
        var mode = elderly ? "elderly mode" : "standard mode";
        var overflow = driver.executeScript(OVERFLOW);
        if (overflow != null) {
            throw new AssertionError(
                    "Horizontal scrolling at " + width() + " px on " + url() + " in " + mode + ": " + overflow);
        }
        var leak = driver.executeScript(LEAK);
        if (leak != null) throw new AssertionError("Technical text shown on " + url() + ": " + leak);
        var key = driver.executeScript(SIGNATURE) + (elderly ? " elderly" : "");
        if (!CHECKED.add(key)) return;
        AXE_RUNS.incrementAndGet();
        // axe.min.js (560 kB) goes into a document once, not at every run: the second mode reuses it.
        if (Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'undefined';"))) {
            driver.executeScript(AXE_SOURCE);
        }
        // Legacy mode: axe.run in the page itself. The default mode runs each frame's part, then opens a window of
        // its own to merge them, which costs a window per run; our pages have no frames to merge.
        var builder =
                new AxeBuilder().withOptions(OPTIONS).disableIframeTesting().setLegacyMode(true);
        builder.setInjectAxe(d -> {}, false);
        var results = builder.analyze(driver);
        if (results.isErrored())
            throw new AssertionError("axe-core failed on " + url() + ": " + results.getErrorMessage());
        var violations = results.getViolations();
        if (!violations.isEmpty()) {
            CHECKED.remove(key); // reported once per test, not hidden from the next one
            throw new AssertionError("WCAG 2.1 AA violations on " + url() + " in " + mode + ":\n"
                    + violations.stream().map(PageChecks::describe).collect(Collectors.joining("\n")));
        }
    }

    /** The axe-core that Deque's artifact ships, read from its jar. */
    private static String axeSource() {
        try (var in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) throw new IllegalStateException("axe.min.js not on the test class path");
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String describe(Rule rule) {
        return "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + "\n"
                + rule.getNodes().stream()
                        .limit(6)
                        .map(n -> "    " + n.getTarget() + "  "
                                + String.valueOf(n.getFailureSummary()).replace('\n', ' '))
                        .collect(Collectors.joining("\n"));
    }

    /** The document loaded, and no htmx request under way (its part is dimmed while it is). */
    private void settle() {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(
                        driver.executeScript("return document.readyState === 'complete' && !!document.body"
                                + " && !document.querySelector('.htmx-request');")));
    }

    private String url() {
        return driver.getCurrentUrl();
    }

    private Object width() {
        return driver.executeScript("return window.innerWidth;");
    }
}
