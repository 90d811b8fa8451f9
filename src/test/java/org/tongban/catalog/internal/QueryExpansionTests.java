package org.tongban.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the synonym list reads into a search text (ADR 0025). */
class QueryExpansionTests {

    private final QueryExpansion expansion = new QueryExpansion(Map.of(
            "社保", List.of("社会保障", "社会保险"),
            "社保卡", List.of("社会保障卡"),
            "驾驶证", List.of("机动车驾驶证"),
            "开公司", List.of("企业设立")));

    @Test
    void aWordOfTheListIsReplacedByEachOfItsExpansionsTheTextItselfFirst() {
        assertThat(expansion.alternatives("社保卡")).startsWith("社保卡").contains("社会保障卡", "社会保险卡");
        assertThat(expansion.alternatives("我要开公司")).contains("开公司", "企业设立");
    }

    @Test
    void anExpansionContainingItsWordIsNotExpandedAgain() {
        assertThat(expansion.alternatives("机动车驾驶证换证")).containsExactly("机动车驾驶证换证");
        assertThat(expansion.alternatives("驾驶证")).containsExactly("驾驶证", "机动车驾驶证");
    }

    @Test
    void pinyinThatSpellsAWordOfTheListStandsForIt() {
        assertThat(expansion.alternatives("shebao")).contains("社保", "社会保障");
        assertThat(expansion.alternatives("sbk")).contains("社保卡", "社会保障卡");
    }

    @Test
    void textIsFoldedAndQuestionWordsAreLeftOutOfASecondReading() {
        assertThat(QueryExpansion.normalize("  ＳＨＥＢＡＯ  ka ")).isEqualTo("shebao ka");
        assertThat(QueryExpansion.withoutFillers("社保卡怎么办")).isEqualTo("社保卡");
        assertThat(QueryExpansion.withoutFillers("怎么办")).isEqualTo("怎么办");
    }
}
