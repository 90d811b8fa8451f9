package org.tongban.licenses.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.tongban.shared.IdNumber;

/**
 * Which license an approved case of an item issues, to whom, and with which face data
 * ({@code licenses/case-results.properties}, whose header explains the format).
 */
@Component
public class CaseResults {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9.]*)}");

    /** Where the holder comes from. */
    public enum HolderSource {
        APPLICANT,
        FORM_ENTERPRISE,
        NEW_ENTERPRISE,
        /** A newly registered 个体工商户: as {@link #NEW_ENTERPRISE}, its credit code of category 2 (92…). */
        NEW_SOLE_PROPRIETOR
    }

    /** One item's result: the license type, the holder's source and the face data templates by field. */
    public record Result(String type, HolderSource holder, Map<String, String> fields) {

        /**
         * The face data for a case: each template with its placeholders filled; a field whose placeholder has no value
         * is left out (so that the current license's value, or the required-field check, applies).
         *
         * @param answer the applicant's answer to a form question, a choice as its label; null when unanswered
         */
        public Map<String, String> data(
                java.util.function.Function<String, @Nullable String> answer,
                @Nullable IdNumber holderId,
                LocalDate today) {
            var data = new LinkedHashMap<String, String>();
            fields.forEach((field, template) -> {
                var m = PLACEHOLDER.matcher(template);
                var out = new StringBuilder();
                boolean complete = true;
                while (m.find()) {
                    var value = switch (m.group(1)) {
                        case "today" -> today.toString();
                        case "holder.id" -> holderId == null ? null : holderId.value();
                        case "holder.birthDate" ->
                            holderId == null ? null : holderId.birthDate().toString();
                        case "holder.sex" ->
                            holderId == null ? null : holderId.sex().name();
                        default -> answer.apply(m.group(1));
                    };
                    if (value == null || value.isBlank()) {
                        complete = false;
                        break;
                    }
                    m.appendReplacement(out, Matcher.quoteReplacement(value));
                }
                if (!complete) return;
                m.appendTail(out);
                if (!out.isEmpty()) data.put(field, out.toString());
            });
            return data;
        }
    }

    private final Map<String, Result> byItem;

    CaseResults() {
        this.byItem = load("licenses/case-results.properties");
    }

    public Optional<Result> forItem(String itemCode) {
        return Optional.ofNullable(byItem.get(itemCode));
    }

    /** Every item's result, by item code. */
    public Map<String, Result> all() {
        return byItem;
    }

    static Map<String, Result> load(String resource) {
        var properties = new Properties();
        try (var in = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var results = new LinkedHashMap<String, Result>();
        for (var item : properties.stringPropertyNames()) {
            var parts = properties.getProperty(item).split("\\|", -1);
            if (parts.length != 3) throw new IllegalStateException("bad line in " + resource + ": " + item);
            var fields = new LinkedHashMap<String, String>();
            for (var pair : parts[2].split(";")) {
                if (pair.isBlank()) continue;
                int eq = pair.indexOf('=');
                if (eq < 1) throw new IllegalStateException("bad field in " + resource + ": " + item);
                fields.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
            results.put(item, new Result(parts[0].strip(), HolderSource.valueOf(parts[1].strip()), Map.copyOf(fields)));
        }
        return Map.copyOf(results);
    }
}
