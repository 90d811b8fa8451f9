package org.tongban.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tongban.shared.Bilingual;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application form of a service item (申请表): typed questions with hints, required or optional, simple
 * validation, options, questions shown only when an earlier answer has a value, and repeatable groups of
 * questions. Stored as JSON with the item version, so a case keeps the form it was filed with. Answers are a flat
 * map of strings; a group's answers are named {@code group[i].field}.
 */
public record FormDefinition(List<Field> fields) {

    public enum Type {
        TEXT,
        TEXTAREA,
        NUMBER,
        DATE,
        ID_NUMBER,
        PHONE,
        CREDIT_CODE,
        EMAIL,
        SELECT,
        DECLARATION,
        GROUP
    }

    public record Option(String value, String zh, String en) {
        public String label(Locale locale) {
            return Bilingual.pick(locale, zh, en);
        }
    }

    /** Shown only when the answer to {@code field} (a question outside groups) equals {@code equals}. */
    public record Condition(String field, String equals) {}

    /**
     * One question, or a repeatable group of questions ({@link Type#GROUP}, answered up to {@code maxItems} times,
     * at least once when required).
     *
     * @param prefill what the platform already knows and fills in: {@code name}, {@code idNumber}, {@code phone}
     */
    public record Field(
            String name,
            Type type,
            String zh,
            String en,
            @Nullable String hintZh,
            @Nullable String hintEn,
            boolean required,
            @Nullable Integer min,
            @Nullable Integer max,
            @Nullable String prefill,
            @Nullable List<Option> options,
            @Nullable Condition showIf,
            @Nullable List<Field> fields,
            @Nullable Integer maxItems) {

        public String label(Locale locale) {
            return Bilingual.pick(locale, zh, en);
        }

        public @Nullable String hint(Locale locale) {
            return hintZh == null ? null : Bilingual.pick(locale, hintZh, hintEn == null ? hintZh : hintEn);
        }

        public List<Option> choices() {
            return options == null ? List.of() : options;
        }

        public List<Field> members() {
            return fields == null ? List.of() : fields;
        }

        public int groupLimit() {
            return maxItems == null ? 1 : maxItems;
        }

        public boolean group() {
            return type == Type.GROUP;
        }

        /** The option's label for an answer, else the answer itself. */
        public String display(@Nullable String answer, Locale locale) {
            if (answer == null) return "";
            if (type == Type.DECLARATION) return answer.equals("true") ? "✓" : "";
            return choices().stream()
                    .filter(o -> o.value().equals(answer))
                    .map(o -> o.label(locale))
                    .findFirst()
                    .orElse(answer);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern GROUP_KEY = Pattern.compile("([a-zA-Z0-9]+)\\[(\\d{1,2})]\\.([a-zA-Z0-9]+)");
    private static final Set<String> PREFILLS = Set.of("name", "idNumber", "phone");
    /** The longest answer any question takes, whatever its own limit says. */
    static final int MAX_ANSWER = 2000;

    public FormDefinition {
        fields = List.copyOf(fields);
    }

    /** Reads a definition; a malformed one is refused with the reason under the key {@code form}. */
    public static FormDefinition parse(String json) {
        FormDefinition form;
        try {
            form = JSON.readValue(json, FormDefinition.class);
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw new CatalogInputException(Map.of("form", "catalog.form.invalidJson"));
        }
        form.verify();
        return form;
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    /** A structural check: unique names, known types, options for selections, groups only at the top level. */
    private void verify() {
        var names = new java.util.HashSet<String>();
        for (var f : fields) {
            verify(f, names, true);
            if (f.showIf() != null
                    && fields.stream().noneMatch(o -> o.name().equals(f.showIf().field()) && !o.group())) {
                throw new CatalogInputException(Map.of("form", "catalog.form.badCondition"));
            }
        }
        if (fields.isEmpty()) throw new CatalogInputException(Map.of("form", "catalog.form.empty"));
    }

    private static void verify(@Nullable Field f, Set<String> names, boolean topLevel) {
        // A null member, option or condition value would pass here and fail later, on the applicant's page.
        if (f == null
                || f.name() == null
                || !NAME.matcher(f.name()).matches()
                || !names.add(f.name())
                || f.type() == null
                || f.zh() == null
                || f.zh().isBlank()
                || f.en() == null
                || f.en().isBlank()) {
            throw new CatalogInputException(Map.of("form", "catalog.form.badField"));
        }
        if (f.type() == Type.SELECT && f.choices().isEmpty())
            throw new CatalogInputException(Map.of("form", "catalog.form.noOptions"));
        if (f.choices().stream().anyMatch(o -> o == null || blank(o.value()) || blank(o.zh()) || blank(o.en()))) {
            throw new CatalogInputException(Map.of("form", "catalog.form.badField"));
        }
        if (f.showIf() != null && f.showIf().equals() == null)
            throw new CatalogInputException(Map.of("form", "catalog.form.badCondition"));
        if (f.prefill() != null && !PREFILLS.contains(f.prefill()))
            throw new CatalogInputException(Map.of("form", "catalog.form.badField"));
        if (f.group()) {
            if (!topLevel || f.members().isEmpty() || f.groupLimit() < 1 || f.groupLimit() > 20) {
                throw new CatalogInputException(Map.of("form", "catalog.form.badGroup"));
            }
            var inner = new java.util.HashSet<String>();
            for (var m : f.members()) verify(m, inner, false);
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    /** Whether a top-level question applies to these answers (its condition holds, or it has none). */
    public boolean shown(Field f, Map<String, String> answers) {
        return f.showIf() == null
                || f.showIf().equals().equals(answers.getOrDefault(f.showIf().field(), ""));
    }

    /** How many entries of a group the answers hold (at least one is always shown). */
    public int entries(Field group, Map<String, String> answers) {
        int n = 0;
        for (var key : answers.keySet()) {
            var m = GROUP_KEY.matcher(key);
            if (m.matches() && m.group(1).equals(group.name())) n = Math.max(n, Integer.parseInt(m.group(2)) + 1);
        }
        return Math.clamp(n, 1, group.groupLimit());
    }

    /**
     * The answers this form takes, trimmed: unknown keys, questions whose condition does not hold and group entries
     * beyond the limit are dropped, so that what is stored is what the applicant was asked.
     */
    public Map<String, String> clean(Map<String, String> answers) {
        // Conditions look at the answers as they are kept (stripped), and a question that is not asked makes no other
        // question asked (conditions may chain): drop what is not asked until nothing more drops.
        var stripped = new TreeMap<String, String>();
        answers.forEach((k, v) -> {
            if (v != null) stripped.put(k, v.strip());
        });
        var result = cleanOnce(stripped);
        for (var again = cleanOnce(result); !again.equals(result); again = cleanOnce(result)) result = again;
        return result;
    }

    private Map<String, String> cleanOnce(Map<String, String> answers) {
        var result = new TreeMap<String, String>();
        for (var f : fields) {
            if (!shown(f, answers)) continue;
            if (f.group()) {
                int n = entries(f, answers);
                for (int i = 0; i < n; i++) {
                    for (var m : f.members()) put(result, answers, key(f, i, m));
                }
            } else {
                put(result, answers, f.name());
            }
        }
        // A group entry left wholly empty is not an entry.
        for (var f : fields) {
            if (!f.group()) continue;
            for (int i = f.groupLimit() - 1; i >= 0; i--) {
                int idx = i;
                if (f.members().stream()
                        .allMatch(m -> result.getOrDefault(key(f, idx, m), "").isEmpty())) {
                    f.members().forEach(m -> result.remove(key(f, idx, m)));
                }
            }
        }
        return result;
    }

    private static void put(Map<String, String> result, Map<String, String> answers, String key) {
        var v = answers.get(key);
        if (v != null && !v.strip().isEmpty()) result.put(key, v.strip());
    }

    public static String key(Field group, int index, Field member) {
        return group.name() + "[" + index + "]." + member.name();
    }

    /** Field-level errors (answer key → message key) of cleaned answers; empty when the answers are complete. */
    public Map<String, String> check(Map<String, String> answers) {
        var errors = new LinkedHashMap<String, String>();
        for (var f : fields) {
            if (!shown(f, answers)) continue;
            if (f.group()) {
                int filled = 0;
                for (int i = 0; i < f.groupLimit(); i++) {
                    int idx = i;
                    if (f.members().stream().noneMatch(m -> answers.containsKey(key(f, idx, m)))) continue;
                    filled++;
                    for (var m : f.members()) check(m, key(f, i, m), answers.get(key(f, i, m)), errors);
                }
                if (f.required() && filled == 0)
                    errors.put(key(f, 0, f.members().getFirst()), "catalog.form.error.required");
            } else {
                check(f, f.name(), answers.get(f.name()), errors);
            }
        }
        return errors;
    }

    private static void check(Field f, String key, @Nullable String value, Map<String, String> errors) {
        if (value == null || value.isEmpty()) {
            if (f.required())
                errors.put(
                        key,
                        f.type() == Type.DECLARATION
                                ? "catalog.form.error.declaration"
                                : "catalog.form.error.required");
            return;
        }
        if (value.length() > MAX_ANSWER) {
            errors.put(key, "catalog.form.error.tooLong");
            return;
        }
        var error = switch (f.type()) {
            case TEXT, TEXTAREA ->
                (f.max() != null && value.codePointCount(0, value.length()) > f.max())
                        ? "catalog.form.error.tooLong"
                        : (f.min() != null && value.codePointCount(0, value.length()) < f.min())
                                ? "catalog.form.error.tooShort"
                                : null;
            case NUMBER -> number(f, value);
            case DATE -> date(value);
            case ID_NUMBER -> IdNumber.isValid(value) ? null : "catalog.form.error.idNumber";
            case PHONE -> PhoneNumber.isValid(value) ? null : "catalog.form.error.phone";
            case CREDIT_CODE -> CreditCode.isValid(value) ? null : "catalog.form.error.creditCode";
            case EMAIL -> EMAIL.matcher(value).matches() && value.length() <= 100 ? null : "catalog.form.error.email";
            case SELECT ->
                f.choices().stream().anyMatch(o -> o.value().equals(value)) ? null : "catalog.form.error.option";
            case DECLARATION -> value.equals("true") ? null : "catalog.form.error.declaration";
            case GROUP -> null;
        };
        if (error != null) errors.put(key, error);
    }

    private static @Nullable String number(Field f, String value) {
        long n;
        try {
            n = Long.parseLong(value);
        } catch (NumberFormatException e) {
            return "catalog.form.error.number";
        }
        if ((f.min() != null && n < f.min()) || (f.max() != null && n > f.max())) return "catalog.form.error.range";
        return null;
    }

    private static @Nullable String date(String value) {
        if (!DATE.matcher(value).matches()) return "catalog.form.error.date";
        try {
            java.time.LocalDate.parse(value);
            return null;
        } catch (java.time.DateTimeException e) {
            return "catalog.form.error.date";
        }
    }

    /** The questions in order with their answers, for the check-your-answers page and the official's view. */
    public List<Answer> answers(Map<String, String> answers, Locale locale) {
        var list = new ArrayList<Answer>();
        for (var f : fields) {
            if (!shown(f, answers)) continue;
            if (f.group()) {
                for (int i = 0; i < f.groupLimit(); i++) {
                    int idx = i;
                    if (f.members().stream().noneMatch(m -> answers.containsKey(key(f, idx, m)))) continue;
                    for (var m : f.members()) {
                        list.add(new Answer(
                                key(f, i, m),
                                f.label(locale) + " " + (i + 1) + " · " + m.label(locale),
                                m.display(answers.get(key(f, i, m)), locale)));
                    }
                }
            } else {
                list.add(new Answer(f.name(), f.label(locale), f.display(answers.get(f.name()), locale)));
            }
        }
        return list;
    }

    public record Answer(String key, String question, String answer) {}
}
