package org.tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;

/**
 * The hit rate of the catalogue search on 100 everyday searches (src/test/resources/catalog/everyday-queries.tsv) over
 * the demo catalogue with the seeded synonym list (ADR 0025). A search hits when its first result is one of the items
 * the list names and every item named is among its first ten results. The rate stated in ADR 0025 is the floor.
 */
class EverydayQueriesTests extends IntegrationTest {

    /** The hit rate stated in ADR 0025 and docs/search.md; the test fails below it. */
    static final double STATED_RATE = 0.95;

    @Autowired
    CatalogManagement catalog;

    private record Expected(String query, List<String> items) {}

    @Test
    void atLeastTheStatedShareOfEverydaySearchesFindWhatTheyShould() throws IOException {
        var expected = read();
        assertThat(expected).hasSize(100);
        var codes = demoCodes();
        var misses = new ArrayList<String>();
        int measured = 0;
        for (var e : expected) {
            var wanted = e.items().stream().map(codes::get).toList();
            assertThat(wanted).as("items of %s are demo items", e.query()).doesNotContainNull();
            // Other platform tests on the same database withdraw or rename a demo item (CatalogTests): a search
            // whose items are not all published is left out, and one renamed is still known by its code.
            if (wanted.stream().anyMatch(code -> catalog.guide(code).isEmpty())) continue;
            measured++;
            var found = catalog.search(ItemSearch.of(e.query())).stream()
                    .map(ItemSummary::code)
                    .toList();
            var top = found.subList(0, Math.min(10, found.size()));
            boolean hit = !found.isEmpty() && wanted.contains(found.getFirst()) && top.containsAll(wanted);
            if (!hit) misses.add(e.query() + " → " + top + " (expected " + e.items() + ")");
        }
        assertThat(measured).isGreaterThanOrEqualTo(95);
        double rate = (measured - misses.size()) / (double) measured;
        System.out.printf(
                "Everyday search hit rate: %d of %d (%.0f %%)%n", measured - misses.size(), measured, rate * 100);
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertThat(rate).as("hit rate; misses: %s", misses).isGreaterThanOrEqualTo(STATED_RATE);
    }

    /** The demo items' codes by name: department and number in file order, as DemoCatalog gives them. */
    private static Map<String, String> demoCodes() throws IOException {
        var codes = new HashMap<String, String>();
        var sequence = new HashMap<String, Integer>();
        for (var line : lines("/catalog/demo-items.psv")) {
            var f = line.split("\\|", -1);
            int n = sequence.merge(f[0], 1, Integer::sum);
            codes.put(f[1], f[0] + "-" + "%03d".formatted(n));
        }
        return codes;
    }

    private static List<Expected> read() throws IOException {
        var list = new ArrayList<Expected>();
        for (var line : lines("/catalog/everyday-queries.tsv")) {
            var parts = line.split("\t");
            list.add(new Expected(parts[0], Arrays.asList(parts[1].split("\\|"))));
        }
        return list;
    }

    private static List<String> lines(String resource) throws IOException {
        var lines = new ArrayList<String>();
        try (var in = new BufferedReader(new InputStreamReader(
                EverydayQueriesTests.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) lines.add(line);
            }
        }
        return lines;
    }
}
