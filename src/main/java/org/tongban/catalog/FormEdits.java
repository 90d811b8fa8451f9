package org.tongban.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.tongban.catalog.FormDefinition.Field;
import org.tongban.catalog.FormDefinition.Type;

/**
 * The form builder's edits of an application form, one question at a time: each returns a new definition. A question
 * is checked on its own fields (its key, labels, type, options, limits) so that the error lands where the manager
 * typed; the whole form is checked again when it is saved.
 */
public final class FormEdits {

    /** The question types the builder offers (a repeatable group is kept as it is, not built here). */
    public static final List<Type> TYPES = List.of(
            Type.TEXT,
            Type.TEXTAREA,
            Type.NUMBER,
            Type.DATE,
            Type.ID_NUMBER,
            Type.PHONE,
            Type.CREDIT_CODE,
            Type.EMAIL,
            Type.SELECT,
            Type.DECLARATION);

    /** What the platform can fill in from the applicant's account. */
    public static final List<String> PREFILLS = List.of("name", "idNumber", "phone");

    private static final Pattern KEY = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,39}");

    private FormEdits() {}

    /**
     * The form with {@code question} added at the end ({@code replacing} null) or in the place of the question named
     * {@code replacing}; refused field by field (keys {@code name}, {@code zh}, {@code en}, {@code type},
     * {@code options}, {@code min}, {@code max}, {@code prefill}).
     */
    public static FormDefinition put(FormDefinition form, @Nullable String replacing, Field question) {
        var errors = new HashMap<String, String>();
        if (question.name() == null || !KEY.matcher(question.name()).matches()) {
            errors.put("name", "catalog.builder.error.key");
        } else if (form.fields().stream()
                .anyMatch(f -> f.name().equals(question.name()) && !f.name().equals(replacing))) {
            errors.put("name", "catalog.builder.error.keyTaken");
        }
        if (blank(question.zh()) || question.zh().length() > 100) errors.put("zh", "catalog.builder.error.labelZh");
        if (blank(question.en()) || question.en().length() > 200) errors.put("en", "catalog.builder.error.labelEn");
        if (question.type() == null || !TYPES.contains(question.type())) errors.put("type", "catalog.error.choice");
        if (question.type() == Type.SELECT && question.choices().size() < 2) {
            errors.put("options", "catalog.builder.error.options");
        }
        if (question.choices().stream().anyMatch(o -> blank(o.zh()) || blank(o.en()))) {
            errors.put("options", "catalog.builder.error.optionLabels");
        }
        if (question.min() != null && question.min() < 0) errors.put("min", "catalog.builder.error.limit");
        if (question.max() != null && question.max() < 1) errors.put("max", "catalog.builder.error.limit");
        if (question.min() != null && question.max() != null && question.min() > question.max()) {
            errors.put("max", "catalog.builder.error.minMax");
        }
        if (question.prefill() != null && !PREFILLS.contains(question.prefill())) {
            errors.put("prefill", "catalog.error.choice");
        }
        if (!errors.isEmpty()) throw new CatalogInputException(errors);
        var fields = new ArrayList<Field>();
        boolean placed = false;
        for (var f : form.fields()) {
            if (f.name().equals(replacing)) {
                fields.add(question);
                placed = true;
            } else {
                fields.add(retarget(f, replacing, question.name()));
            }
        }
        if (!placed) fields.add(question);
        return new FormDefinition(fields);
    }

    /** The form without the question; refused under {@code form} when it is the last one or others depend on it. */
    public static FormDefinition remove(FormDefinition form, String name) {
        if (form.fields().size() <= 1) throw new CatalogInputException(java.util.Map.of("form", "catalog.form.empty"));
        if (form.fields().stream()
                .anyMatch(f -> f.showIf() != null && f.showIf().field().equals(name))) {
            throw new CatalogInputException(java.util.Map.of("form", "catalog.builder.error.dependedOn"));
        }
        return new FormDefinition(
                form.fields().stream().filter(f -> !f.name().equals(name)).toList());
    }

    /** The form with the question one place up ({@code by} -1) or down (+1); unchanged at either end. */
    public static FormDefinition move(FormDefinition form, String name, int by) {
        var fields = new ArrayList<>(form.fields());
        int at = -1;
        for (int i = 0; i < fields.size(); i++) if (fields.get(i).name().equals(name)) at = i;
        int to = at + Integer.signum(by);
        if (at < 0 || to < 0 || to >= fields.size()) return form;
        var moved = fields.remove(at);
        fields.add(to, moved);
        return new FormDefinition(fields);
    }

    /** A condition on a renamed question follows the new name. */
    private static Field retarget(Field f, @Nullable String from, String to) {
        if (from == null || f.showIf() == null || !f.showIf().field().equals(from)) return f;
        return new Field(
                f.name(),
                f.type(),
                f.zh(),
                f.en(),
                f.hintZh(),
                f.hintEn(),
                f.required(),
                f.min(),
                f.max(),
                f.prefill(),
                f.options(),
                new FormDefinition.Condition(to, f.showIf().equals()),
                f.fields(),
                f.maxItems());
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
