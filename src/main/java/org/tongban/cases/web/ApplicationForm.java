package org.tongban.cases.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.tongban.catalog.FormDefinition;
import org.tongban.catalog.FormDefinition.Field;
import org.tongban.catalog.ItemView;

/**
 * An item's form as the application page draws it: the questions with the answers so far and their errors, repeatable
 * groups as numbered entries, and the materials with what was chosen for each. Built from the item's
 * {@link FormDefinition}, so that one page serves every item.
 */
record ApplicationForm(List<Block> blocks, List<MaterialRow> materials, boolean hasErrors) {

    /** One question as an input; {@code kind} is the input to draw (text, textarea, number, date, tel, email, select, declaration). */
    record Question(
            String key,
            String id,
            String label,
            @Nullable String hint,
            String kind,
            boolean required,
            String value,
            @Nullable String error,
            List<Choice> options,
            @Nullable Integer maxLength) {}

    record Choice(String value, String label) {}

    /**
     * A question on its own, or one entry of a repeatable group ({@code group} set, {@code entry} from 0), with the
     * buttons to remove the entry and, after a group's last entry, to add one.
     */
    record Block(
            @Nullable String group,
            String legend,
            int entry,
            List<Question> questions,
            boolean removable,
            boolean addable,
            @Nullable String showIfField,
            @Nullable String showIfValue,
            boolean shown) {}

    /** A material of the item: what the applicant chose ({@code upload:<id>} or {@code licence:<id>}), shown by name. */
    record MaterialRow(
            int seq,
            String name,
            boolean required,
            @Nullable String licenseType,
            String chosen,
            @Nullable String chosenLabel,
            @Nullable String error,
            List<Choice> licenses) {}

    static final String MATERIAL = "material.";

    /**
     * The form cut to what a correction request (补正) asks for: the questions named (a group with all its entries)
     * and the materials by number; each shown, whatever the answers it depends on.
     */
    ApplicationForm only(java.util.Set<String> questions, java.util.Set<Integer> seqs) {
        var kept = blocks.stream()
                .filter(b -> questions.contains(
                        b.group() != null ? b.group() : b.questions().getFirst().key()))
                .map(b -> new Block(
                        b.group(), b.legend(), b.entry(), b.questions(), b.removable(), b.addable(), null, null, true))
                .toList();
        var rows = materials.stream().filter(m -> seqs.contains(m.seq())).toList();
        return new ApplicationForm(kept, rows, hasErrors);
    }

    /** The answers a posted page holds: every parameter the form could have asked, nothing else. */
    static Map<String, String> answers(FormDefinition form, Map<String, String> params) {
        var raw = new HashMap<String, String>();
        params.forEach((k, v) -> {
            if (!k.startsWith("_") && !k.startsWith(MATERIAL) && !k.equals("file")) raw.put(k, v);
        });
        // Keep what was typed, even when incomplete, so that an error never loses input; clean() keeps the asked keys.
        return form.clean(raw);
    }

    /** The materials chosen on a posted page, by their number in the item. */
    static Map<Integer, String> chosen(Map<String, String> params) {
        var chosen = new TreeMap<Integer, String>();
        params.forEach((k, v) -> {
            if (k.startsWith(MATERIAL) && v != null && !v.isBlank()) {
                try {
                    chosen.put(Integer.parseInt(k.substring(MATERIAL.length())), v.strip());
                } catch (NumberFormatException ignored) {
                    // Not a material of any item; dropped like any unknown field.
                }
            }
        });
        return chosen;
    }

    /**
     * Draws the form.
     *
     * @param extra  entries to show per group beyond those answered (the applicant pressed "add")
     * @param labels the file name or license name for each chosen material
     */
    static ApplicationForm of(
            ItemView item,
            Map<String, String> answers,
            Map<Integer, String> chosen,
            Map<String, String> errors,
            Map<String, Integer> extra,
            Map<Integer, String> labels,
            Map<Integer, List<Choice>> licenses,
            Locale locale) {
        var form = item.form();
        var blocks = new ArrayList<Block>();
        for (var f : form.fields()) {
            var cond = f.showIf();
            if (f.group()) {
                int n = Math.min(f.groupLimit(), form.entries(f, answers) + extra.getOrDefault(f.name(), 0));
                for (int i = 0; i < n; i++) {
                    var qs = new ArrayList<Question>();
                    for (var m : f.members()) qs.add(question(m, FormDefinition.key(f, i, m), answers, errors, locale));
                    blocks.add(new Block(
                            f.name(),
                            f.label(locale) + " " + (i + 1),
                            i,
                            qs,
                            n > 1,
                            i == n - 1 && n < f.groupLimit(),
                            cond == null ? null : cond.field(),
                            cond == null ? null : cond.equals(),
                            form.shown(f, answers)));
                }
            } else {
                blocks.add(new Block(
                        null,
                        f.label(locale),
                        -1,
                        List.of(question(f, f.name(), answers, errors, locale)),
                        false,
                        false,
                        cond == null ? null : cond.field(),
                        cond == null ? null : cond.equals(),
                        form.shown(f, answers)));
            }
        }
        var rows = new ArrayList<MaterialRow>();
        for (var m : item.materials()) {
            if (m.source().equals("GOVERNMENT")) continue;
            rows.add(new MaterialRow(
                    m.seq(),
                    m.name(),
                    m.necessity().equals("REQUIRED"),
                    m.licenseType(),
                    chosen.getOrDefault(m.seq(), ""),
                    labels.get(m.seq()),
                    errors.get(MATERIAL + m.seq()),
                    licenses.getOrDefault(m.seq(), List.of())));
        }
        return new ApplicationForm(blocks, rows, !errors.isEmpty());
    }

    private static Question question(
            Field f, String key, Map<String, String> answers, Map<String, String> errors, Locale locale) {
        var kind = switch (f.type()) {
            case TEXTAREA -> "textarea";
            case NUMBER -> "number";
            case DATE -> "date";
            case PHONE -> "tel";
            case EMAIL -> "email";
            case SELECT -> "select";
            case DECLARATION -> "declaration";
            default -> "text";
        };
        var options = f.choices().stream()
                .map(o -> new Choice(o.value(), o.label(locale)))
                .toList();
        Integer maxLength = switch (f.type()) {
            case ID_NUMBER -> 18;
            case CREDIT_CODE -> 18;
            case PHONE -> 11;
            case TEXT, TEXTAREA -> f.max();
            default -> null;
        };
        return new Question(
                key,
                key.replaceAll("[^A-Za-z0-9]", "-"),
                f.label(locale),
                f.hint(locale),
                kind,
                f.required(),
                answers.getOrDefault(key, ""),
                errors.get(key),
                options,
                maxLength);
    }
}
