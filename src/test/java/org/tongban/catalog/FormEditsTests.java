package org.tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tongban.catalog.FormDefinition.Condition;
import org.tongban.catalog.FormDefinition.Field;
import org.tongban.catalog.FormDefinition.Type;

/** The form builder's edits, one question at a time, each refused on the question's own fields. */
class FormEditsTests {

    private static Field text(String name, String zh) {
        return new Field(name, Type.TEXT, zh, name, null, null, false, null, null, null, null, null, null, null);
    }

    private static final FormDefinition FORM = new FormDefinition(List.of(
            text("a", "甲"),
            new Field(
                    "b",
                    Type.TEXT,
                    "乙",
                    "b",
                    null,
                    null,
                    false,
                    null,
                    null,
                    null,
                    null,
                    new Condition("a", "x"),
                    null,
                    null),
            text("c", "丙")));

    @Test
    void questionsAreAddedReplacedMovedAndRemoved() {
        var added = FormEdits.put(FORM, null, text("d", "丁"));
        assertThat(added.fields()).extracting(Field::name).containsExactly("a", "b", "c", "d");
        var renamed = FormEdits.put(FORM, "a", text("first", "甲一"));
        assertThat(renamed.fields()).extracting(Field::name).containsExactly("first", "b", "c");
        assertThat(renamed.fields().get(1).showIf().field()).isEqualTo("first"); // the condition follows
        assertThat(FormEdits.move(FORM, "c", -1).fields())
                .extracting(Field::name)
                .containsExactly("a", "c", "b");
        assertThat(FormEdits.move(FORM, "a", -1)).isEqualTo(FORM);
        assertThat(FormEdits.remove(FORM, "c").fields()).extracting(Field::name).containsExactly("a", "b");
    }

    @Test
    void aBadQuestionIsRefusedOnItsField() {
        assertThatThrownBy(() -> FormEdits.put(FORM, null, text("a", "重复")))
                .isInstanceOfSatisfying(
                        CatalogInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("name", "catalog.builder.error.keyTaken"));
        assertThatThrownBy(() -> FormEdits.put(FORM, null, text("d", " ")))
                .isInstanceOfSatisfying(
                        CatalogInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("zh", "catalog.builder.error.labelZh"));
        assertThatThrownBy(() -> FormEdits.put(FORM, null, text("1d", "丁")))
                .isInstanceOfSatisfying(
                        CatalogInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("name", "catalog.builder.error.key"));
        var select =
                new Field("s", Type.SELECT, "选", "s", null, null, true, null, null, null, List.of(), null, null, null);
        assertThatThrownBy(() -> FormEdits.put(FORM, null, select))
                .isInstanceOfSatisfying(
                        CatalogInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("options", "catalog.builder.error.options"));
        var range = new Field("n", Type.NUMBER, "数", "n", null, null, true, 10, 5, null, null, null, null, null);
        assertThatThrownBy(() -> FormEdits.put(FORM, null, range))
                .isInstanceOfSatisfying(
                        CatalogInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("max", "catalog.builder.error.minMax"));
        // Another question depends on "a"; the last question cannot go.
        assertThatThrownBy(() -> FormEdits.remove(FORM, "a"))
                .isInstanceOfSatisfying(
                        CatalogInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("form", "catalog.builder.error.dependedOn"));
        assertThatThrownBy(() -> FormEdits.remove(new FormDefinition(List.of(text("a", "甲"))), "a"))
                .isInstanceOf(CatalogInputException.class);
    }
}
