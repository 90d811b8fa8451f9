package org.tongban.workflow.internal;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.flowable.bpmn.model.BaseElement;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.jspecify.annotations.Nullable;
import org.tongban.workflow.ModelProblem;
import org.tongban.workflow.ModelProblem.Kind;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The text of a model as the engine will read it. Expressions are looked for in the model that is deployed (the
 * converter's own output), parsed by an XML parser, so that character references, CDATA sections and comments are
 * resolved first: {@code &#36;{…}}, {@code &#x24;{…}}, {@code $<![CDATA[{…}]]>} and {@code $<!-- -->{…}} all reach
 * the check as the {@code ${…}} the engine would evaluate. Every attribute and every text of the file is checked,
 * since the engine evaluates more than conditions (task names and documentation, due dates, priorities, collections).
 */
final class ModelText {

    private ModelText() {}

    /**
     * Drops what the converter keeps without understanding: extension elements and attributes of other namespaces.
     * None of the allowed elements needs them, and what is not deployed cannot be evaluated.
     */
    static void strip(BpmnModel model) {
        for (var process : model.getProcesses()) {
            clear(process);
            strip(process);
            process.getArtifacts().forEach(ModelText::clear);
            process.getLanes().forEach(ModelText::clear);
        }
    }

    private static void strip(FlowElementsContainer container) {
        for (var element : container.getFlowElements()) {
            clear(element);
            if (element instanceof FlowElementsContainer inner) strip(inner);
        }
    }

    private static void clear(BaseElement element) {
        element.setExtensionElements(new HashMap<>());
        element.setAttributes(new HashMap<>());
    }

    /** Adds a problem for every unsafe expression anywhere in the file, naming the element it stands in. */
    static void checkExpressions(byte[] xml, Function<String, Integer> lineOf, List<ModelProblem> problems) {
        Element root;
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setCoalescing(true);
            factory.setIgnoringComments(true);
            factory.setExpandEntityReferences(false);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            root = factory.newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml))
                    .getDocumentElement();
        } catch (Exception e) {
            // The converter wrote this file itself; failing to read it back is a refusal, not an error page.
            problems.add(new ModelProblem(Kind.DEPLOYMENT, null, 0, "The model could not be written out again: " + e));
            return;
        }
        root.normalize();
        walk(root, null, lineOf, problems);
    }

    private static void walk(
            Element element,
            @Nullable String nearestId,
            Function<String, Integer> lineOf,
            List<ModelProblem> problems) {
        var id = element.hasAttribute("id") ? element.getAttribute("id") : nearestId;
        var attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++)
            check(attributes.item(i).getNodeValue(), id, lineOf, problems);
        for (var child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> walk((Element) child, id, lineOf, problems);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> check(child.getNodeValue(), id, lineOf, problems);
                default -> {
                    // Comments are ignored by the parser; processing instructions are not evaluated by the engine.
                }
            }
        }
    }

    private static void check(
            @Nullable String text, @Nullable String id, Function<String, Integer> lineOf, List<ModelProblem> problems) {
        if (text == null || text.indexOf('{') < 0) return;
        for (var found : SafeExpressions.find(text)) {
            if (found.safe()) continue;
            problems.add(new ModelProblem(
                    Kind.EXPRESSION,
                    id,
                    id == null ? 0 : lineOf.apply(id),
                    "The expression '" + found.text() + "' may only compare process variables with literals "
                            + "(no method calls, '.', '[' or assignments)."));
        }
    }

    /**
     * Whether a timer's value is one process variable ({@code ${dueAt}}) or a literal ISO 8601 date (when
     * {@code date}) or duration.
     */
    static boolean literalOrVariable(@Nullable String value, boolean date) {
        if (value == null) return false;
        var text = value.strip();
        if (SafeExpressions.isVariable(text)) return true;
        if (SafeExpressions.hasExpression(text) || text.contains("{")) return false;
        return date ? isDate(text) : isDuration(text);
    }

    private static boolean isDate(String text) {
        for (Function<String, ?> parse :
                List.<Function<String, ?>>of(OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse)) {
            try {
                var unused = parse.apply(text);
                return true;
            } catch (DateTimeParseException e) {
                // Try the next form.
            }
        }
        return false;
    }

    private static boolean isDuration(String text) {
        try {
            return !Duration.parse(text).isNegative();
        } catch (DateTimeParseException e) {
            try {
                return !Period.parse(text).isNegative();
            } catch (DateTimeParseException again) {
                return false;
            }
        }
    }
}
