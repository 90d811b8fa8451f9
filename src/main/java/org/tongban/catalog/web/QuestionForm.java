package org.tongban.catalog.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.catalog.CatalogInputException;
import org.tongban.catalog.FormDefinition;
import org.tongban.catalog.FormDefinition.Field;
import org.tongban.catalog.FormDefinition.Option;

/**
 * One question as the form builder's page sends it: options as rows of Chinese and English labels (a row left empty
 * is no option; an option keeps its stored value, a new one gets one), limits as typed; an unticked "required"
 * is not sent at all.
 */
record QuestionForm(
        @Nullable String name,
        @Nullable String zh,
        @Nullable String en,
        @Nullable String type,
        @Nullable Boolean required,
        @Nullable String hintZh,
        @Nullable String hintEn,
        @Nullable String min,
        @Nullable String max,
        @Nullable String prefill,
        @Nullable List<String> optValue,
        @Nullable List<String> optZh,
        @Nullable List<String> optEn) {

    /** Empty option rows the page offers below the existing ones. */
    static final int SPARE_ROWS = 3;

    static QuestionForm empty() {
        return new QuestionForm("", "", "", "TEXT", false, "", "", "", "", "", List.of(), List.of(), List.of());
    }

    static QuestionForm of(Field f) {
        return new QuestionForm(
                f.name(),
                f.zh(),
                f.en(),
                f.type().name(),
                f.required(),
                f.hintZh(),
                f.hintEn(),
                f.min() == null ? "" : f.min().toString(),
                f.max() == null ? "" : f.max().toString(),
                f.prefill() == null ? "" : f.prefill(),
                f.choices().stream().map(Option::value).toList(),
                f.choices().stream().map(Option::zh).toList(),
                f.choices().stream().map(Option::en).toList());
    }

    /** The option rows to draw: those sent or stored, then spare empty ones. */
    public List<String[]> rows() {
        var rows = new ArrayList<String[]>();
        int n = Math.max(size(optZh), size(optEn));
        for (int i = 0; i < n; i++) {
            if (at(optZh, i).isBlank() && at(optEn, i).isBlank()) continue;
            rows.add(new String[] {at(optValue, i), at(optZh, i), at(optEn, i)});
        }
        for (int i = 0; i < SPARE_ROWS; i++) rows.add(new String[] {"", "", ""});
        return rows;
    }

    /**
     * The question, keeping what the builder does not edit (a condition, a group's members) from {@code kept};
     * limits that are not whole numbers are refused on their field.
     */
    Field toField(@Nullable Field kept) {
        var kind = type(type);
        var errors = new java.util.HashMap<String, String>();
        var low = number(min, "min", errors);
        var high = number(max, "max", errors);
        if (kind == null || !errors.isEmpty()) {
            if (kind == null) errors.put("type", "catalog.error.choice");
            throw new CatalogInputException(errors);
        }
        boolean limited = kind == FormDefinition.Type.TEXT
                || kind == FormDefinition.Type.TEXTAREA
                || kind == FormDefinition.Type.NUMBER;
        return new Field(
                strip(name),
                kind,
                strip(zh),
                strip(en),
                optional(hintZh),
                optional(hintEn),
                Boolean.TRUE.equals(required),
                limited ? low : null,
                limited ? high : null,
                optional(prefill),
                kind == FormDefinition.Type.SELECT ? options() : null,
                kept == null ? null : kept.showIf(),
                null,
                null);
    }

    private List<Option> options() {
        var options = new ArrayList<Option>();
        var used = new HashSet<String>();
        for (var row : rows()) if (!row[0].isBlank()) used.add(row[0]);
        int next = 1;
        for (var row : rows()) {
            if (row[1].isBlank() && row[2].isBlank()) continue;
            var value = row[0];
            if (value.isBlank()) {
                do value = "o" + next++;
                while (used.contains(value));
                used.add(value);
            }
            options.add(new Option(value, row[1].strip(), row[2].strip()));
        }
        return options;
    }

    private static FormDefinition.@Nullable Type type(@Nullable String text) {
        if (text == null) return null;
        try {
            var t = FormDefinition.Type.valueOf(text);
            return t == FormDefinition.Type.GROUP ? null : t;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static @Nullable Integer number(@Nullable String text, String field, Map<String, String> errors) {
        if (text == null || text.isBlank()) return null;
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.put(field, "catalog.builder.error.limit");
            return null;
        }
    }

    private static int size(@Nullable List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String at(@Nullable List<String> list, int i) {
        if (list == null || i >= list.size() || list.get(i) == null) return "";
        return list.get(i);
    }

    private static String strip(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static @Nullable String optional(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
