package org.tongban.licenses.internal;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Typed reads of a parsed JSON object (a map of {@code verifier.Json}): a member that must be there is read with
 * {@link #text}, {@link #object} or {@link #texts}, which refuse a document without it by naming the member,
 * instead of passing a null on to a record that would fail later and further away.
 */
final class JsonMaps {

    private JsonMaps() {}

    static String text(Map<String, Object> json, String name) {
        if (json.get(name) instanceof String s) {
            return s;
        }
        throw missing(name, "a string");
    }

    static @Nullable String optionalText(Map<String, Object> json, String name) {
        return json.get(name) instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> json, String name) {
        if (json.get(name) instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw missing(name, "an object");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Map<String, Object> json, String name) {
        if (json.get(name) instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw missing(name, "a list");
    }

    static List<String> texts(Map<String, Object> json, String name) {
        var values = list(json, name);
        for (var v : values) {
            if (!(v instanceof String)) {
                throw missing(name, "a list of strings");
            }
        }
        @SuppressWarnings("unchecked")
        var strings = (List<String>) (List<?>) values;
        return strings;
    }

    private static IllegalArgumentException missing(String name, String what) {
        return new IllegalArgumentException("the JSON member \"" + name + "\" must be " + what);
    }
}
