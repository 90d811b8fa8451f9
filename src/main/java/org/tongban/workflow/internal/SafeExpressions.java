package org.tongban.workflow.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Finds the expressions ({@code ${…}} and {@code #{…}}) in a decoded text and decides whether each is safe for an
 * uploaded model. The text is what the XML parser hands over (character references, CDATA sections and comments
 * already resolved), so that {@code &#36;{…}} or {@code $<![CDATA[{…}]]>} reach this class as the {@code ${…}} the
 * engine would evaluate.
 *
 * <p>Safe means: the expression reads process variables by their bare names and compares them with literals, with
 * the logical, relational, arithmetic and conditional operators of the expression language and {@code empty}. It is
 * checked by a lexer over the whole expression, not by patterns: any token outside that set refuses it, notably
 * {@code .} and {@code [} (property access reaches beans and the engine), a parenthesis directly after a name (a
 * method or function call), {@code =} (assignment), {@code ;}, {@code ->} (lambdas) and {@code +=} (concatenation).
 */
final class SafeExpressions {

    /** Words of the expression language that are operators or literals, not variable names. */
    private static final Set<String> KEYWORDS = Set.of(
            "and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "empty", "div", "mod", "true", "false", "null");

    private static final Set<String> PREFIX_OPERATORS = Set.of("not", "empty");
    private static final Set<String> SYMBOLS =
            Set.of("==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", "(", ")");

    /** One expression found in a text, with whether it is safe. */
    record Found(String text, boolean safe) {}

    private SafeExpressions() {}

    /** Every expression in the text, in order. An opening {@code ${} without its closing brace is unsafe. */
    static List<Found> find(String text) {
        var found = new ArrayList<Found>();
        int i = 0;
        while (i < text.length() - 1) {
            char c = text.charAt(i);
            if ((c == '$' || c == '#') && text.charAt(i + 1) == '{') {
                int end = closingBrace(text, i + 2);
                if (end < 0) {
                    found.add(new Found(text.substring(i), false));
                    break;
                }
                found.add(new Found(text.substring(i, end + 1), safe(text.substring(i + 2, end))));
                i = end + 1;
            } else {
                i++;
            }
        }
        return found;
    }

    /** Whether the text holds any expression at all. */
    static boolean hasExpression(String text) {
        return !find(text).isEmpty();
    }

    /** Whether the text is exactly one expression that reads one variable, such as {@code ${dueAt}}. */
    static boolean isVariable(String text) {
        var t = text.strip();
        if (!t.startsWith("${") || !t.endsWith("}")) return false;
        var tokens = tokens(t.substring(2, t.length() - 1));
        return tokens != null
                && tokens.size() == 1
                && isName(tokens.getFirst())
                && !KEYWORDS.contains(tokens.getFirst());
    }

    /** The index of the brace that closes an expression whose body starts at {@code from}, skipping string literals. */
    private static int closingBrace(String text, int from) {
        int depth = 0;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int close = endOfString(text, i);
                if (close < 0) return -1;
                i = close;
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                if (depth == 0) return i;
                depth--;
            }
        }
        return -1;
    }

    private static boolean safe(String body) {
        var tokens = tokens(body);
        if (tokens == null || tokens.isEmpty()) return false;
        for (int i = 0; i < tokens.size(); i++) {
            var token = tokens.get(i);
            boolean name = isName(token) && !KEYWORDS.contains(token);
            var next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            // A name directly followed by '(' is a call; so is a keyword other than a prefix operator.
            if ("(".equals(next) && isName(token) && !PREFIX_OPERATORS.contains(token)) return false;
            if (name || KEYWORDS.contains(token) || isLiteral(token) || SYMBOLS.contains(token)) continue;
            return false;
        }
        return true;
    }

    /**
     * The expression's tokens, or null when it holds a character no safe expression has ({@code .}, {@code [},
     * {@code =} alone, {@code ;}, {@code {}, a backslash, {@code ->}, {@code +=} …).
     */
    private static @Nullable List<String> tokens(String body) {
        var tokens = new ArrayList<String>();
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '\'' || c == '"') {
                int close = endOfString(body, i);
                if (close < 0) return null;
                tokens.add(body.substring(i, close + 1));
                i = close + 1;
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < body.length() && Character.isDigit(body.charAt(j))) j++;
                // A decimal point inside a number is the only '.' an expression may hold.
                if (j + 1 < body.length() && body.charAt(j) == '.' && Character.isDigit(body.charAt(j + 1))) {
                    j++;
                    while (j < body.length() && Character.isDigit(body.charAt(j))) j++;
                }
                if (j < body.length() && (Character.isLetter(body.charAt(j)) || body.charAt(j) == '.')) return null;
                tokens.add(body.substring(i, j));
                i = j;
            } else if (Character.isLetter(c) || c == '_') {
                int j = i;
                while (j < body.length() && (Character.isLetterOrDigit(body.charAt(j)) || body.charAt(j) == '_')) j++;
                tokens.add(body.substring(i, j));
                i = j;
            } else {
                var two = i + 1 < body.length() ? body.substring(i, i + 2) : "";
                if (SYMBOLS.contains(two)) {
                    tokens.add(two);
                    i += 2;
                } else if (SYMBOLS.contains(String.valueOf(c)) && !two.equals("->") && !two.equals("+=")) {
                    tokens.add(String.valueOf(c));
                    i++;
                } else {
                    return null;
                }
            }
        }
        return tokens;
    }

    /** The index of the quote that ends the string literal opened at {@code start}; a backslash escape refuses it. */
    private static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') return -1;
            if (c == quote) return i;
        }
        return -1;
    }

    private static boolean isName(String token) {
        return !token.isEmpty() && (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_');
    }

    private static boolean isLiteral(String token) {
        char c = token.charAt(0);
        return c == '\'' || c == '"' || Character.isDigit(c);
    }
}
