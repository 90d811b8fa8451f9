package org.tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regressions for what {@link FormDefinitionPropertyTests} found (ADR 0021): each was a real fault before the fix in
 * {@link FormDefinition}, and each sample here is the smallest of its kind. ({@code required} is in every question:
 * Jackson 3 refuses a missing primitive.)
 */
class FormDefinitionTests {

    private static final String CHAIN = """
            {"fields": [
              {"name": "married", "type": "SELECT", "zh": "婚姻状况", "en": "Marital status", "required": true,
               "options": [{"value": "yes", "zh": "已婚", "en": "Married"}, {"value": "no", "zh": "未婚", "en": "Single"}]},
              {"name": "spouseAbroad", "type": "SELECT", "zh": "配偶是否在境外", "en": "Spouse abroad", "required": true,
               "options": [{"value": "yes", "zh": "是", "en": "Yes"}, {"value": "no", "zh": "否", "en": "No"}],
               "showIf": {"field": "married", "equals": "yes"}},
              {"name": "country", "type": "TEXT", "zh": "所在国家", "en": "Country", "required": true,
               "showIf": {"field": "spouseAbroad", "equals": "yes"}}
            ]}""";

    private static void refusedWith(String json, String key) {
        assertThatThrownBy(() -> FormDefinition.parse(json))
                .isInstanceOfSatisfying(
                        CatalogInputException.class,
                        e -> assertThat(e.fieldErrors()).containsExactlyEntriesOf(Map.of("form", key)));
    }

    /** Was: the answer about the spouse's country was kept, because its condition looked at a dropped answer. */
    @Test
    void aQuestionBehindAQuestionNotAskedIsNotAskedEither() {
        var form = FormDefinition.parse(CHAIN);
        // Married first, then changed to single: the browser still sends the answers the applicant gave before.
        var clean = form.clean(Map.of("married", "no", "spouseAbroad", "yes", "country", "法国"));
        assertThat(clean).containsExactlyEntriesOf(Map.of("married", "no"));
        assertThat(form.check(clean)).isEmpty();
    }

    /** Was: the condition compared the answer before stripping it, so the question was dropped and then required. */
    @Test
    void aConditionLooksAtTheAnswerAsItIsKept() {
        var form = FormDefinition.parse(CHAIN);
        var clean = form.clean(Map.of("married", " yes ", "spouseAbroad", "no"));
        assertThat(clean).containsExactlyInAnyOrderEntriesOf(Map.of("married", "yes", "spouseAbroad", "no"));
        assertThat(form.check(clean)).isEmpty();
    }

    /** Were: accepted, then a NullPointerException (a 500) on the applicant's page or at the check. */
    @Test
    void anOptionWithoutAValueOrALabelIsRefused() {
        refusedWith("""
                {"fields": [{"name": "a", "type": "SELECT", "zh": "甲", "en": "A", "required": false, "options": [{"zh": "是", "en": "Yes"}]}]}""", "catalog.form.badField");
        refusedWith("""
                {"fields": [{"name": "a", "type": "SELECT", "zh": "甲", "en": "A", "required": false, "options": [{"value": "y", "en": "Yes"}]}]}""", "catalog.form.badField");
        refusedWith("""
                {"fields": [{"name": "a", "type": "SELECT", "zh": "甲", "en": "A", "required": false, "options": [null]}]}""", "catalog.form.badField");
    }

    @Test
    void aConditionWithoutTheValueItWaitsForIsRefused() {
        refusedWith("""
                {"fields": [{"name": "a", "type": "TEXT", "zh": "甲", "en": "A", "required": false},
                            {"name": "b", "type": "TEXT", "zh": "乙", "en": "B", "required": false, "showIf": {"field": "a"}}]}""", "catalog.form.badCondition");
    }

    /** Was: a NullPointerException out of {@code parse}, so the manager's upload failed with a 500. */
    @Test
    void aGroupWithAnEmptyMemberIsRefused() {
        refusedWith("""
                {"fields": [{"name": "g", "type": "GROUP", "zh": "组", "en": "G", "required": false, "maxItems": 2, "fields": [null]}]}""", "catalog.form.badField");
    }
}
