package org.tongban.verifier;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A strict JSON reader and the canonical writer used for everything Tongban signs.
 *
 * <p>Canonical form (docs/licenses.md, "Canonical JSON"): UTF-8; no whitespace; object members sorted by key in
 * UTF-16 code-unit order (Java's {@link String#compareTo}); strings escape only the quotation mark, the reverse solidus and the
 * control characters U+0000–U+001F (b, t, n, f, r by name, the others as u00xx with lower-case hex); every
 * other character, Chinese included, is written as itself; numbers are integers without sign for zero, leading
 * zeros, fraction or exponent; {@code true}, {@code false} and {@code null} as such. For these values it is exactly
 * RFC 8785 (JCS), so any JCS implementation reproduces the bytes.
 *
 * <p>The reader accepts RFC 8259 JSON, refuses duplicate keys (two readers must never see two different objects),
 * nesting deeper than 32 and trailing content. Objects come back as {@link Map} (insertion order), arrays as
 * {@link List}, integers as {@link Long}, other numbers as {@link java.math.BigDecimal}.
 */
public final class Json {

    private static final int MAX_DEPTH = 32;

    private Json() {}

    /** Thrown for input that is not JSON as this reader accepts it. The message never quotes the input. */
    public static final class MalformedJsonException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedJsonException(String message, int at) {
            super(message + " at character " + at);
        }
    }

    // Writing

    /** The canonical UTF-8 bytes of a value made of maps with string keys, lists, strings, integers, booleans, null. */
    public static byte[] canonicalBytes(Object value) {
        return canonical(value).getBytes(StandardCharsets.UTF_8);
    }

    /** The canonical text of a value (see the class comment). */
    public static String canonical(Object value) {
        var out = new StringBuilder(256);
        write(out, value);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case String s -> string(out, s);
            case Boolean b -> out.append(b ? "true" : "false");
            case Long l -> out.append(l.longValue());
            case Integer i -> out.append(i.intValue());
            case Short s -> out.append(s.shortValue());
            case Map<?, ?> map -> {
                var sorted = new TreeMap<String, Object>();
                for (var e : map.entrySet()) {
                    if (!(e.getKey() instanceof String key))
                        throw new IllegalArgumentException("object keys must be strings");
                    sorted.put(key, e.getValue());
                }
                out.append('{');
                boolean first = true;
                for (var e : sorted.entrySet()) {
                    if (!first) out.append(',');
                    first = false;
                    string(out, e.getKey());
                    out.append(':');
                    write(out, e.getValue());
                }
                out.append('}');
            }
            case List<?> list -> {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) out.append(',');
                    write(out, list.get(i));
                }
                out.append(']');
            }
            default ->
                throw new IllegalArgumentException(
                        "not a canonical JSON value: " + value.getClass().getSimpleName());
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20)
                        out.append("\\u00")
                                .append(Character.forDigit(c >> 4, 16))
                                .append(Character.forDigit(c & 15, 16));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }

    // Reading

    /** Parses UTF-8 JSON text. */
    public static Object parse(byte[] utf8) {
        return parse(new String(utf8, StandardCharsets.UTF_8));
    }

    /** Parses JSON text. */
    public static Object parse(String text) {
        var reader = new Reader(text);
        reader.space();
        var value = reader.value(0);
        reader.space();
        if (reader.at < text.length()) throw new MalformedJsonException("trailing content", reader.at);
        return value;
    }

    /** Parses JSON text that must be an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(byte[] utf8) {
        var value = parse(utf8);
        if (!(value instanceof Map)) throw new MalformedJsonException("not an object", 0);
        return (Map<String, Object>) value;
    }

    private static final class Reader {
        private final String s;
        private int at;

        Reader(String s) {
            this.s = s;
        }

        void space() {
            while (at < s.length()) {
                char c = s.charAt(at);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') at++;
                else break;
            }
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH) throw new MalformedJsonException("nested too deep", at);
            if (at >= s.length()) throw new MalformedJsonException("unexpected end", at);
            char c = s.charAt(at);
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) yield number();
                    throw new MalformedJsonException("unexpected character", at);
                }
            };
        }

        private Map<String, Object> object(int depth) {
            at++;
            var map = new LinkedHashMap<String, Object>();
            space();
            if (peek() == '}') {
                at++;
                return map;
            }
            while (true) {
                space();
                if (peek() != '"') throw new MalformedJsonException("expected a key", at);
                int keyAt = at;
                var key = string();
                space();
                expect(':');
                space();
                var value = value(depth + 1);
                if (map.containsKey(key)) throw new MalformedJsonException("duplicate key", keyAt);
                map.put(key, value);
                space();
                char c = next();
                if (c == '}') return map;
                if (c != ',') throw new MalformedJsonException("expected , or }", at - 1);
            }
        }

        private List<Object> array(int depth) {
            at++;
            var list = new ArrayList<Object>();
            space();
            if (peek() == ']') {
                at++;
                return Collections.unmodifiableList(list);
            }
            while (true) {
                space();
                list.add(value(depth + 1));
                space();
                char c = next();
                if (c == ']') return Collections.unmodifiableList(list);
                if (c != ',') throw new MalformedJsonException("expected , or ]", at - 1);
            }
        }

        private String string() {
            expect('"');
            var out = new StringBuilder();
            while (true) {
                if (at >= s.length()) throw new MalformedJsonException("unterminated string", at);
                char c = s.charAt(at++);
                if (c == '"') return out.toString();
                if (c < 0x20) throw new MalformedJsonException("control character in string", at - 1);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= s.length()) throw new MalformedJsonException("unterminated escape", at);
                char e = s.charAt(at++);
                switch (e) {
                    case '"' -> out.append('"');
                    case '\\' -> out.append('\\');
                    case '/' -> out.append('/');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > s.length()) throw new MalformedJsonException("short unicode escape", at);
                        int code = 0;
                        for (int i = 0; i < 4; i++) {
                            int d = Character.digit(s.charAt(at++), 16);
                            if (d < 0) throw new MalformedJsonException("bad unicode escape", at - 1);
                            code = code * 16 + d;
                        }
                        out.append((char) code);
                    }
                    default -> throw new MalformedJsonException("bad escape", at - 1);
                }
            }
        }

        private Object number() {
            int start = at;
            if (peek() == '-') at++;
            if (peek() == '0') {
                at++;
            } else if (peek() >= '1' && peek() <= '9') {
                while (peek() >= '0' && peek() <= '9') at++;
            } else {
                throw new MalformedJsonException("bad number", at);
            }
            boolean integer = true;
            if (peek() == '.') {
                integer = false;
                at++;
                if (!(peek() >= '0' && peek() <= '9')) throw new MalformedJsonException("bad fraction", at);
                while (peek() >= '0' && peek() <= '9') at++;
            }
            if (peek() == 'e' || peek() == 'E') {
                integer = false;
                at++;
                if (peek() == '+' || peek() == '-') at++;
                if (!(peek() >= '0' && peek() <= '9')) throw new MalformedJsonException("bad exponent", at);
                while (peek() >= '0' && peek() <= '9') at++;
            }
            var text = s.substring(start, at);
            if (integer && text.length() <= 18) return Long.parseLong(text);
            return new java.math.BigDecimal(text);
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, at)) throw new MalformedJsonException("unexpected word", at);
            at += word.length();
            return value;
        }

        private char peek() {
            return at < s.length() ? s.charAt(at) : '\0';
        }

        private char next() {
            if (at >= s.length()) throw new MalformedJsonException("unexpected end", at);
            return s.charAt(at++);
        }

        private void expect(char c) {
            if (next() != c) throw new MalformedJsonException("expected " + c, at - 1);
        }
    }
}
