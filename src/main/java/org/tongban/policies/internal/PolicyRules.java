package org.tongban.policies.internal;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelVariableResolver;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Eligibility conditions in Google's Common Expression Language (ADR 0039): each is type-checked against the
 * profile's fields and must be boolean; an unknown field, a syntax error or a non-boolean result is refused with the
 * compiler's own words. CEL has no loops, no assignment and no access to Java objects, so a rule cannot run forever
 * or reach anything but the profile it is given.
 *
 * <p>Each condition is compiled once: its program is cached by its text (a program is immutable and thread-safe),
 * so matching a million profiles evaluates without parsing again.
 */
@Component
public class PolicyRules {

    /** The fields a rule may name, with their CEL types, in the order the form's help lists them. */
    public static final Map<String, CelType> FIELDS = fields();

    // Rules are short; anything longer is a mistake or an attempt to make the checker work hard.
    static final int MAX_LENGTH = 500;
    private static final int MAX_CACHED = 20_000;

    private final CelCompiler compiler;
    private final CelRuntime runtime =
            CelRuntimeFactory.standardCelRuntimeBuilder().build();
    private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

    public PolicyRules() {
        var builder = CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL);
        FIELDS.forEach(builder::addVar);
        compiler = builder.build();
    }

    private static Map<String, CelType> fields() {
        var f = new LinkedHashMap<String, CelType>();
        f.put("industry", SimpleType.STRING);
        f.put("region", SimpleType.STRING);
        f.put("capital", SimpleType.INT);
        f.put("age", SimpleType.INT);
        f.put("size", SimpleType.STRING);
        f.put("headcount", SimpleType.INT);
        f.put("taxRating", SimpleType.STRING);
        f.put("licences", ListType.create(SimpleType.STRING));
        f.put("badRecord", SimpleType.BOOL);
        return java.util.Collections.unmodifiableMap(f);
    }

    /** Why this rule is refused, in the compiler's words (with the column), or null when it compiles. */
    public @Nullable String problem(String expression) {
        if (expression.length() > MAX_LENGTH) return "expression longer than " + MAX_LENGTH + " characters";
        var result = compiler.compile(expression);
        if (!result.hasError()) return null;
        return result.getAllIssues().stream()
                .filter(i -> i.getSeverity() == CelIssue.Severity.ERROR)
                .map(i -> i.getMessage().replace(" (in container '')", "") + " (column "
                        + (i.getSourceLocation().getColumn() + 1) + ")")
                .collect(Collectors.joining("; "));
    }

    /** The compiled program of a rule that {@link #problem} accepted; compiled at most once per text. */
    public CelRuntime.Program program(String expression) {
        var cached = programs.get(expression);
        if (cached != null) return cached;
        if (programs.size() > MAX_CACHED) programs.clear();
        return programs.computeIfAbsent(expression, this::compile);
    }

    private CelRuntime.Program compile(String expression) {
        try {
            CelAbstractSyntaxTree ast = compiler.compile(expression).getAst();
            return runtime.createProgram(ast);
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalStateException("A stored rule no longer compiles", e);
        }
    }

    /**
     * Whether the profile meets the condition. An evaluation error (which a type-checked rule can only meet on data,
     * such as an overflow) counts as not met: eligibility is never granted by accident.
     */
    public boolean test(CelRuntime.Program program, Profile profile, java.time.LocalDate today) {
        var age = (long) profile.age(today);
        try {
            return Boolean.TRUE.equals(
                    program.eval((CelVariableResolver) name -> Optional.ofNullable(value(profile, age, name))));
        } catch (CelEvaluationException e) {
            return false;
        }
    }

    private static @Nullable Object value(Profile p, long age, String name) {
        return switch (name) {
            case "industry" -> p.industry();
            case "region" -> p.region();
            case "capital" -> p.capital();
            case "age" -> age;
            case "size" -> p.size();
            case "headcount" -> (long) p.headcount();
            case "taxRating" -> p.taxRating();
            case "licences" -> p.licences();
            case "badRecord" -> p.badRecord();
            default -> null;
        };
    }
}
