package org.tongban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tongban.catalog.ItemSearch;
import org.tongban.catalog.ItemSummary;

/** The index alone, on a few items of its own: what matches and in which order (ADR 0025). */
class SearchIndexTests {

    private static SearchIndex.Entry entry(
            String code, String name, String nameEn, List<String> keywords, List<String> results) {
        return new SearchIndex.Entry(
                new ItemSummary(
                        code,
                        1,
                        name,
                        nameEn,
                        "LICENSING",
                        "440100-SCJG",
                        "广州市市场监督管理局",
                        "Market Regulation",
                        5,
                        "WORKING_DAY",
                        0,
                        List.of("ENTERPRISE"),
                        List.of("OPENING")),
                keywords,
                results);
    }

    private final SearchIndex index = SearchIndex.of(
            List.of(
                    entry("A", "企业设立登记", "Enterprise registration", List.of("注册公司"), List.of("营业执照")),
                    entry("B", "营业执照补领", "Replacement of a business licence", List.of("执照丢了"), List.of("营业执照")),
                    entry("C", "营业执照", "Business licence", List.of(), List.of()),
                    entry("D", "社会保障卡申领", "Social security card", List.of(), List.of("社会保障卡"))),
            Map.of("社保", List.of("社会保障"), "开公司", List.of("企业设立")));

    private List<String> codes(String text) {
        return index.search(ItemSearch.of(text), 50).stream()
                .map(ItemSummary::code)
                .toList();
    }

    @Test
    void theExactNameFirstThenNamesContainingItThenWhatItemsYield() {
        assertThat(codes("营业执照")).containsExactly("C", "B", "A");
    }

    @Test
    void synonymsKeywordsPinyinAndEnglishFindTheirItems() {
        assertThat(codes("社保卡")).containsExactly("D");
        assertThat(codes("开公司")).containsExactly("A");
        assertThat(codes("注册公司")).containsExactly("A");
        assertThat(codes("shebao")).containsExactly("D");
        assertThat(codes("shbzk")).containsExactly("D");
        assertThat(codes("zhizhao")).containsExactlyInAnyOrder("C", "B");
        assertThat(codes("security card")).containsExactly("D");
        assertThat(codes("营业执照丢了").getFirst()).isEqualTo("B");
    }

    @Test
    void aSubstringIsFoundAndTextThatNoItemHasFindsNothing() {
        assertThat(codes("设立")).containsExactly("A");
        assertThat(codes("不存在的事项名称")).isEmpty();
        assertThat(codes("“”！")).isEmpty();
        assertThat(codes("")).containsExactly("A", "B", "C", "D");
    }

    @Test
    void aVeryLongTextOrOneFullOfSynonymsIsSearchedWithoutFailing() {
        assertThat(codes("营业执照".repeat(500))).isNotNull();
        assertThat(codes("社保开公司".repeat(20))).isNotNull();
        assertThat(codes("a".repeat(5000))).isEmpty();
    }
}
