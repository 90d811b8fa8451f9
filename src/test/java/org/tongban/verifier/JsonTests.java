package org.tongban.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical form that every signature covers, and the strict reader. */
class JsonTests {

    @Test
    void membersAreSortedByUtf16CodeUnitsWithoutWhitespace() {
        var map = new LinkedHashMap<String, Object>();
        map.put("b", "2");
        map.put("a", Map.of("z", true, "y", List.of(1L, "x")));
        map.put("B", null);
        map.put("中", "文");
        assertThat(Json.canonical(map))
                .isEqualTo("{\"B\":null,\"a\":{\"y\":[1,\"x\"],\"z\":true},\"b\":\"2\",\"中\":\"文\"}");
    }

    @Test
    void onlyQuotesBackslashesAndControlCharactersAreEscaped() {
        assertThat(Json.canonical("a\"b\\c\n\t\u0001/é€")).isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001/é€\"");
    }

    @Test
    void canonicalTextReadsBackToTheSameValue() {
        var value = Map.of("id", "1.2.156.3005.2.X", "data", Map.of("地址", "广州市\"天河\"区"), "v", 1L);
        var text = Json.canonical(value);
        assertThat(Json.canonical(Json.parse(text))).isEqualTo(text);
    }

    @Test
    void theReaderRefusesDuplicateKeysTrailingContentAndDeepNesting() {
        assertThatThrownBy(() -> Json.parse("{\"a\":1,\"a\":2}")).isInstanceOf(Json.MalformedJsonException.class);
        assertThatThrownBy(() -> Json.parse("{} x")).isInstanceOf(Json.MalformedJsonException.class);
        assertThatThrownBy(() -> Json.parse("[".repeat(40) + "]".repeat(40)))
                .isInstanceOf(Json.MalformedJsonException.class);
        assertThatThrownBy(() -> Json.parse("{\"a\":01}")).isInstanceOf(Json.MalformedJsonException.class);
        assertThatThrownBy(() -> Json.parse("\"unterminated")).isInstanceOf(Json.MalformedJsonException.class);
        assertThat(Json.parse(" {\"a\" : [1, -2, 3.5, \"\\u4e2d\"]} "))
                .isEqualTo(Map.of("a", List.of(1L, -2L, new java.math.BigDecimal("3.5"), "中")));
    }
}
