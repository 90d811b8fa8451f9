package org.tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.quicktheories.QuickTheory.qt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.tongban.catalog.FormDefinition.Condition;
import org.tongban.catalog.FormDefinition.Field;
import org.tongban.catalog.FormDefinition.Option;
import org.tongban.catalog.FormDefinition.Type;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Properties of {@link FormDefinition} (ADR 0021), which had no tests of its own: generated forms (every question
 * type, limits, options, conditions on earlier answers, chains of them, repeatable groups) with a complete, valid set
 * of answers, then changed one way at a time. Each sample is drawn from a seed, so a failure names the form and the
 * answers in full; {@code -DQT_SEED=…} draws the same samples again.
 */
class FormDefinitionPropertyTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Type> QUESTIONS = List.of(
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

    /** A form and a complete, valid set of answers to it, as the applicant's browser sends them (not yet cleaned). */
    record Sample(FormDefinition form, Map<String, String> answers, Random random) {
        @Override
        public String toString() {
            return form.toJson() + " answered " + new TreeMap<>(answers);
        }
    }

    private static Gen<Sample> samples() {
        return Generate.longRange(0, 1L << 48)
                .map(FormDefinitionPropertyTests::sample)
                .describedAs(Sample::toString);
    }

    static Sample sample(long seed) {
        var random = new Random(seed);
        var fields = new ArrayList<Field>();
        int n = 1 + random.nextInt(7);
        for (int i = 0; i < n; i++) {
            Condition showIf = null;
            var earlier = fields.stream().filter(f -> !f.group()).toList();
            if (!earlier.isEmpty() && random.nextInt(3) == 0) {
                var target = earlier.get(random.nextInt(earlier.size()));
                showIf = new Condition(target.name(), answer(target, random));
            }
            if (i > 0 && random.nextInt(5) == 0) {
                var members = new ArrayList<Field>();
                for (int m = 0, k = 1 + random.nextInt(3); m < k; m++) members.add(question("m" + m, random, null));
                fields.add(new Field(
                        "g" + i,
                        Type.GROUP,
                        "组" + i,
                        "Group " + i,
                        null,
                        null,
                        random.nextBoolean(),
                        null,
                        null,
                        null,
                        null,
                        showIf,
                        members,
                        1 + random.nextInt(4)));
            } else {
                fields.add(question("q" + i, random, showIf));
            }
        }
        // Through JSON, as a manager's upload: parse verifies the structure.
        var form = FormDefinition.parse(new FormDefinition(fields).toJson());
        var answers = new LinkedHashMap<String, String>();
        for (var f : form.fields()) {
            if (f.group()) {
                // A required group is answered at least once.
                int entries = f.required() ? 1 + random.nextInt(f.groupLimit()) : random.nextInt(f.groupLimit() + 1);
                for (int e = 0; e < entries; e++) {
                    for (var m : f.members()) answers.put(FormDefinition.key(f, e, m), answer(m, random));
                }
            } else {
                answers.put(f.name(), answer(f, random));
            }
        }
        // Half the conditions hold: the answer they look at is set to the value they wait for.
        for (var f : form.fields()) {
            if (f.showIf() != null && random.nextBoolean())
                answers.put(f.showIf().field(), f.showIf().equals());
        }
        return new Sample(form, answers, random);
    }

    private static Field question(String name, Random random, @Nullable Condition showIf) {
        var type = QUESTIONS.get(random.nextInt(QUESTIONS.size()));
        Integer min = null;
        Integer max = null;
        List<Option> options = null;
        if (type == Type.TEXT || type == Type.TEXTAREA) {
            if (random.nextBoolean()) min = 1 + random.nextInt(3);
            if (random.nextBoolean()) max = (min == null ? 1 : min) + random.nextInt(10);
        } else if (type == Type.NUMBER) {
            if (random.nextBoolean()) min = random.nextInt(201) - 100;
            if (random.nextBoolean()) max = (min == null ? 0 : min) + random.nextInt(1000);
        } else if (type == Type.SELECT) {
            options = new ArrayList<>();
            for (int o = 0, k = 1 + random.nextInt(4); o < k; o++)
                options.add(new Option("o" + o, "选项" + o, "Option " + o));
        }
        return new Field(
                name,
                type,
                "问题" + name,
                "Question " + name,
                random.nextBoolean() ? "提示" : null,
                null,
                random.nextBoolean(),
                min,
                max,
                null,
                options,
                showIf,
                null,
                null);
    }

    /** A valid answer to a question. */
    static String answer(Field f, Random random) {
        return switch (f.type()) {
            case TEXT, TEXTAREA -> {
                int low = Math.max(1, f.min() == null ? 1 : f.min());
                int high = f.max() == null ? low + 6 : f.max();
                var text = new StringBuilder();
                for (int i = 0, k = low + random.nextInt(high - low + 1); i < k; i++) {
                    text.appendCodePoint(
                            random.nextInt(4) == 0 ? 'a' + random.nextInt(26) : 0x4E00 + random.nextInt(2000));
                }
                yield text.toString();
            }
            case NUMBER -> {
                long low = f.min() == null ? -1000 : f.min();
                long high = f.max() == null ? low + 5000 : f.max();
                yield Long.toString(low + (long) random.nextInt((int) (high - low + 1)));
            }
            case DATE -> LocalDate.ofEpochDay(random.nextInt(30_000)).toString();
            case ID_NUMBER -> {
                var first17 = "440106"
                        + LocalDate.ofEpochDay(random.nextInt(19_000))
                                .toString()
                                .replace("-", "") + "%03d".formatted(random.nextInt(1000));
                yield first17 + IdNumber.checkChar(first17);
            }
            case PHONE -> "1" + (3 + random.nextInt(7)) + "%09d".formatted(random.nextInt(1_000_000_000));
            case CREDIT_CODE -> {
                var alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
                var body = new StringBuilder("91440101");
                for (int i = 0; i < 9; i++) body.append(alphabet.charAt(random.nextInt(alphabet.length())));
                yield body + String.valueOf(CreditCode.checkChar(body.toString()));
            }
            case EMAIL -> "user" + random.nextInt(1000) + "@example.cn";
            case SELECT -> f.choices().get(random.nextInt(f.choices().size())).value();
            case DECLARATION -> "true";
            case GROUP -> throw new IllegalArgumentException("a group has no answer of its own");
        };
    }

    /**
     * Whether a top-level question is asked, worked out independently of the class: it has no condition, or the
     * question its condition looks at is asked and answered (blanks stripped) with the awaited value.
     */
    static boolean asked(FormDefinition form, Field f, Map<String, String> answers) {
        if (f.showIf() == null) return true;
        var target = form.fields().stream()
                .filter(t -> t.name().equals(f.showIf().field()))
                .findFirst()
                .orElseThrow();
        var answer = answers.getOrDefault(target.name(), "").strip();
        return asked(form, target, answers) && answer.equals(f.showIf().equals());
    }

    private static Field fieldOf(FormDefinition form, String key) {
        var top = key.contains("[") ? key.substring(0, key.indexOf('[')) : key;
        return form.fields().stream()
                .filter(f -> f.name().equals(top))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aCompleteValidSetOfAnswersIsAccepted() {
        qt().forAll(samples())
                .checkAssert(s ->
                        assertThat(s.form().check(s.form().clean(s.answers()))).isEmpty());
    }

    @Test
    void cleaningKeepsTheAnswersOfTheQuestionsAskedAndOnlyThose() {
        qt().forAll(samples()).checkAssert(s -> {
            var clean = s.form().clean(s.answers());
            for (var key : clean.keySet()) {
                assertThat(asked(s.form(), fieldOf(s.form(), key), s.answers()))
                        .as("kept %s", key)
                        .isTrue();
            }
            for (var f : s.form().fields()) {
                if (f.group() || !asked(s.form(), f, s.answers())) continue;
                assertThat(clean)
                        .containsEntry(f.name(), s.answers().get(f.name()).strip());
            }
        });
    }

    @Test
    void aRequiredQuestionLeftOutIsReportedUnderItsOwnKeyAndNothingElseIs() {
        qt().forAll(samples()).checkAssert(s -> {
            var form = s.form();
            var required = form.fields().stream()
                    .filter(f -> !f.group() && f.required() && asked(form, f, s.answers()))
                    .toList();
            if (required.isEmpty()) return;
            var left = required.get(s.random().nextInt(required.size()));
            var answers = new LinkedHashMap<>(s.answers());
            answers.remove(left.name());
            var errors = form.check(form.clean(answers));
            assertThat(errors).containsOnlyKeys(left.name());
            assertThat(errors.get(left.name()))
                    .isEqualTo(
                            left.type() == Type.DECLARATION
                                    ? "catalog.form.error.declaration"
                                    : "catalog.form.error.required");
        });
    }

    @Test
    void aQuestionWhoseConditionDoesNotHoldIsNeverRequiredAndItsAnswerIsDropped() {
        qt().forAll(samples()).checkAssert(s -> {
            var form = s.form();
            for (var f : form.fields()) {
                if (asked(form, f, s.answers())) continue;
                assertThat(form.clean(s.answers()).keySet()).noneMatch(k -> fieldOf(form, k) == f);
                var answers = new LinkedHashMap<>(s.answers());
                answers.keySet().removeIf(k -> fieldOf(form, k) == f);
                assertThat(form.check(form.clean(answers))).isEmpty();
            }
        });
    }

    @Test
    void aRequiredGroupWithoutEntriesIsReportedAtItsFirstQuestionAndAnEntryCountsToItsLimit() {
        qt().forAll(samples()).checkAssert(s -> {
            var form = s.form();
            for (var g : form.fields()) {
                if (!g.group() || !asked(form, g, s.answers())) continue;
                // More entries than the group allows: those beyond the limit are dropped, the others are kept.
                var answers = new LinkedHashMap<>(s.answers());
                for (int e = 0; e < g.groupLimit() + 3; e++) {
                    for (var m : g.members()) answers.put(FormDefinition.key(g, e, m), answer(m, s.random()));
                }
                var clean = form.clean(answers);
                assertThat(clean.keySet())
                        .filteredOn(k -> fieldOf(form, k) == g)
                        .hasSize(g.groupLimit() * g.members().size())
                        .allMatch(k -> Integer.parseInt(k.replaceAll(".*\\[(\\d+)].*", "$1")) < g.groupLimit());
                assertThat(form.check(clean)).isEmpty();
                assertThat(form.answers(clean, Locale.CHINA))
                        .filteredOn(a -> a.key().startsWith(g.name() + "["))
                        .hasSize(g.groupLimit() * g.members().size());

                answers.keySet().removeIf(k -> fieldOf(form, k) == g);
                var errors = form.check(form.clean(answers));
                if (g.required()) {
                    assertThat(errors)
                            .containsOnlyKeys(
                                    FormDefinition.key(g, 0, g.members().getFirst()));
                } else {
                    assertThat(errors).isEmpty();
                }
            }
        });
    }

    @Test
    void aFormReadsBackFromItsOwnJson() {
        qt().forAll(samples())
                .checkAssert(
                        s -> assertThat(FormDefinition.parse(s.form().toJson())).isEqualTo(s.form()));
    }

    /**
     * A manager uploads the form as JSON: whatever is missing or null in it, it is either refused with a field error
     * under {@code form} or, once accepted, checks, cleans and shows any answers without failing.
     */
    @Test
    void aFormWithAPartMissingIsRefusedOrWorks() {
        qt().forAll(samples(), Generate.longRange(0, 1L << 48)).checkAssert((s, seed) -> {
            var random = new Random(seed);
            var tree = JSON.readTree(s.form().toJson());
            var nodes = new ArrayList<JsonNode>();
            collect(tree, nodes);
            var node = nodes.get(random.nextInt(nodes.size()));
            if (node instanceof ArrayNode array) {
                array.addNull();
            } else if (node instanceof ObjectNode object && !object.isEmpty()) {
                var names = new ArrayList<String>(object.propertyNames());
                var name = names.get(random.nextInt(names.size()));
                if (random.nextBoolean()) object.remove(name);
                else object.putNull(name);
            }
            var json = JSON.writeValueAsString(tree);
            FormDefinition form;
            try {
                form = FormDefinition.parse(json);
            } catch (CatalogInputException refused) {
                assertThat(refused.fieldErrors()).containsOnlyKeys("form");
                return;
            }
            assertThatCode(() -> {
                        var clean = form.clean(s.answers());
                        form.check(s.answers());
                        form.check(clean);
                        form.answers(clean, Locale.ENGLISH);
                        for (var f : form.fields()) {
                            form.shown(f, s.answers());
                            f.label(Locale.CHINA);
                            f.hint(Locale.ENGLISH);
                            f.display(s.answers().get(f.name()), Locale.CHINA);
                        }
                    })
                    .as(json)
                    .doesNotThrowAnyException();
        });
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.isObject() || node.isArray()) into.add(node);
        for (var child : node.values()) collect(child, into);
    }

    @Test
    void theDefaultFormsAreValidForms() {
        for (var name : Set.of("person-basic", "enterprise-basic")) {
            var form = DefaultForms.template(name);
            assertThat(FormDefinition.parse(form.toJson())).isEqualTo(form);
        }
    }
}
