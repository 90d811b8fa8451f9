package org.tongban.policies.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;
import org.tongban.policies.InvalidPolicyException;

/**
 * Reads a policy draft from the form, field by field, and refuses it whole with every problem at once: a condition
 * whose rule does not compile is refused on its own field with the compiler's words.
 */
final class PolicyForm {

    /** Condition rows on the form; blank rows are ignored. */
    static final int ROWS = 8;

    private PolicyForm() {}

    static Policy read(
            UUID id,
            String department,
            MultiValueMap<String, String> form,
            PolicyRules rules,
            Predicate<String> serviceItemExists) {
        var errors = new LinkedHashMap<String, String>();
        var args = new LinkedHashMap<String, List<Object>>();
        var titleZh = text(form, "titleZh", 200, errors);
        var titleEn = text(form, "titleEn", 300, errors);
        var benefitZh = text(form, "benefitZh", 2000, errors);
        var benefitEn = text(form, "benefitEn", 3000, errors);
        var documents = value(form, "documents");
        if (documents.length() > 4000) errors.put("documents", "policies.error.tooLong");
        var automatic = "true".equals(value(form, "automatic"));
        @Nullable String item = value(form, "serviceItem");
        if (item.isEmpty() || automatic) item = null;
        else if (!item.matches("[0-9A-Za-z-]{1,40}") || !serviceItemExists.test(item))
            errors.put("serviceItem", "policies.error.serviceItem");
        var from = date(form, "validFrom", errors);
        var to = date(form, "validTo", errors);
        if (from != null && to != null && to.isBefore(from)) errors.put("validTo", "policies.error.validTo");
        var conditions = new ArrayList<Policy.Condition>();
        for (int i = 0; i < ROWS; i++) {
            var expression = value(form, "expression" + i);
            var zh = value(form, "wordingZh" + i);
            var en = value(form, "wordingEn" + i);
            if (expression.isEmpty() && zh.isEmpty() && en.isEmpty()) continue;
            if (expression.isEmpty()) errors.put("expression" + i, "policies.error.required");
            else {
                var problem = rules.problem(expression);
                if (problem != null) {
                    errors.put("expression" + i, "policies.error.rule");
                    args.put("expression" + i, List.of(problem));
                }
            }
            if (zh.isEmpty() || zh.length() > 200) errors.put("wordingZh" + i, "policies.error.wording");
            if (en.isEmpty() || en.length() > 300) errors.put("wordingEn" + i, "policies.error.wording");
            conditions.add(new Policy.Condition(expression, zh, en));
        }
        if (conditions.isEmpty() && !errors.containsKey("expression0"))
            errors.put("expression0", "policies.error.noCondition");
        if (!errors.isEmpty() || from == null || to == null) throw new InvalidPolicyException(errors, args);
        return new Policy(
                id,
                department,
                titleZh,
                titleEn,
                benefitZh,
                benefitEn,
                documents,
                item,
                automatic,
                from,
                to,
                Policy.Status.DRAFT,
                null,
                conditions);
    }

    /** The form's values of a stored policy, to edit it. */
    static Map<String, List<String>> values(Policy p) {
        var v = new LinkedHashMap<String, List<String>>();
        v.put("titleZh", List.of(p.titleZh()));
        v.put("titleEn", List.of(p.titleEn()));
        v.put("benefitZh", List.of(p.benefitZh()));
        v.put("benefitEn", List.of(p.benefitEn()));
        v.put("documents", List.of(p.documents()));
        v.put("serviceItem", List.of(p.serviceItem() == null ? "" : p.serviceItem()));
        v.put("automatic", List.of(Boolean.toString(p.automatic())));
        v.put("validFrom", List.of(p.validFrom().toString()));
        v.put("validTo", List.of(p.validTo().toString()));
        for (int i = 0; i < p.conditions().size(); i++) {
            var c = p.conditions().get(i);
            v.put("expression" + i, List.of(c.expression()));
            v.put("wordingZh" + i, List.of(c.wordingZh()));
            v.put("wordingEn" + i, List.of(c.wordingEn()));
        }
        return v;
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        var v = form.getFirst(name);
        return v == null ? "" : v.strip();
    }

    private static String text(MultiValueMap<String, String> form, String name, int max, Map<String, String> errors) {
        var v = value(form, name);
        if (v.isEmpty()) errors.put(name, "policies.error.required");
        else if (v.length() > max) errors.put(name, "policies.error.tooLong");
        return v;
    }

    private static @Nullable LocalDate date(
            MultiValueMap<String, String> form, String name, Map<String, String> errors) {
        var v = value(form, name);
        if (v.isEmpty()) {
            errors.put(name, "policies.error.required");
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.put(name, "policies.error.date");
            return null;
        }
    }
}
