package org.tongban.healthcode.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A person's records as the health department's system answers them through the exchange (three fields of JSON
 * arrays: {@code tests}, {@code vaccinations}, {@code exposures}), parsed; a record the parser cannot read is left out
 * rather than guessed.
 */
record HealthRecords(List<Test> tests, List<Vaccination> vaccinations, List<Exposure> exposures) {

    static final List<String> FIELDS = List.of("tests", "vaccinations", "exposures");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Test(String kind, boolean positive, Instant at, String institution) {}

    record Vaccination(int dose, LocalDate on) {}

    record Exposure(String kind, LocalDate on, String place) {}

    static final HealthRecords NONE = new HealthRecords(List.of(), List.of(), List.of());

    static HealthRecords parse(Map<String, String> fields) {
        var tests = new ArrayList<Test>();
        for (var n : array(fields.get("tests"))) {
            try {
                tests.add(new Test(
                        n.path("kind").asString(),
                        "POSITIVE".equals(n.path("result").asString()),
                        OffsetDateTime.parse(n.path("at").asString()).toInstant(),
                        n.path("institution").asString()));
            } catch (RuntimeException e) {
                // unreadable: left out
            }
        }
        var vaccinations = new ArrayList<Vaccination>();
        for (var n : array(fields.get("vaccinations"))) {
            try {
                vaccinations.add(new Vaccination(
                        n.path("dose").asInt(), LocalDate.parse(n.path("on").asString())));
            } catch (RuntimeException e) {
                // unreadable: left out
            }
        }
        var exposures = new ArrayList<Exposure>();
        for (var n : array(fields.get("exposures"))) {
            try {
                exposures.add(new Exposure(
                        n.path("kind").asString(),
                        LocalDate.parse(n.path("on").asString()),
                        n.path("place").asString()));
            } catch (RuntimeException e) {
                // unreadable: left out
            }
        }
        return new HealthRecords(List.copyOf(tests), List.copyOf(vaccinations), List.copyOf(exposures));
    }

    private static List<JsonNode> array(@org.jspecify.annotations.Nullable String text) {
        if (text == null || text.isBlank()) return List.of();
        try {
            var node = JSON.readTree(text);
            var out = new ArrayList<JsonNode>();
            if (node.isArray()) node.forEach(out::add);
            return out;
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
