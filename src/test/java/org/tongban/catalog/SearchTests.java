package org.tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.WebClient;
import org.tongban.catalog.internal.ItemStore;

/**
 * Search finds what people type (issue 11, finding 1; ADR 0025): the home page's own examples, everyday words through
 * the synonym list, an item's results and keywords, pinyin, on the page and the API, ranked; the manager edits the
 * list in the console, audited, and nobody else can.
 */
class SearchTests extends IntegrationTest {

    @Autowired
    CatalogManagement catalog;

    @Autowired
    ItemStore items;

    @Autowired
    JdbcClient jdbc;

    private List<String> names(String text) {
        return catalog.search(ItemSearch.of(text)).stream()
                .map(ItemSummary::nameZh)
                .toList();
    }

    @Test
    void theHomePagesExamplesAndEverydayWordsFindTheirItemsOnThePageAndTheApi() {
        var web = new WebClient(BASE);
        assertThat(web.get("/services?q=社保").body()).contains("社会保障卡申领");
        assertThat(web.get("/services?q=社保卡").body()).contains("社会保障卡申领");
        assertThat(web.get("/services?q=shebao").body()).contains("社会保障卡申领");
        var api = web.get("/api/v1/catalog/items?q=驾照");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("机动车驾驶证换证");
        assertThat(web.get("/api/v1/catalog/items?q=开公司").body()).contains("企业设立登记");
        assertThat(names("营业执照")).contains("企业设立登记", "个体工商户设立登记", "营业执照补领");
        assertThat(names("不存在的事项名称")).isEmpty();
        assertThat(names("' or 1=1 --")).isEmpty();
    }

    @Test
    void theExactNameComesFirstThenNamesContainingTheTextThenWhatTheItemYields() {
        assertThat(names("营业执照补领").getFirst()).isEqualTo("营业执照补领");
        // 营业执照 is in the name of one item; three more yield one.
        var licence = names("营业执照");
        assertThat(licence.getFirst()).isEqualTo("营业执照补领");
        assertThat(licence.indexOf("企业设立登记")).isGreaterThan(0);
        var food = names("食品经营许可");
        assertThat(food.getFirst()).isEqualTo("食品经营许可");
        assertThat(food.subList(1, 3)).containsExactlyInAnyOrder("食品经营许可变更", "食品经营许可（深圳）");
        // The name containing the typed words before the names containing a synonym of them.
        var police = names("驾驶证");
        assertThat(police.getFirst()).isEqualTo("机动车驾驶证换证");
    }

    @Test
    void aManagerEditsTheSynonymListSearchFollowsAtOnceAndEveryChangeIsAudited() {
        var term = "测" + (char) (0x4E00 + ThreadLocalRandom.current().nextInt(0x9FA5 - 0x4E00)) + "词";
        assertThat(names(term)).isEmpty();
        var manager = signedIn("manager");
        assertThat(manager.get("/console/catalog/synonyms").body())
                .contains("社保")
                .contains("社会保障");

        var refused = manager.post("/console/catalog/synonyms", Map.of("term", term, "expansions", " "));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("请填写 1 至 10 个规范说法").contains("value=\"" + term + "\"");

        manager.get("/console/catalog/synonyms");
        var saved = manager.post("/console/catalog/synonyms", Map.of("term", term, "expansions", "护士执业，医师执业"));
        assertThat(saved.location()).isEqualTo("/console/catalog/synonyms");
        assertThat(names(term)).contains("护士执业注册", "医师执业注册");
        assertAudited("SYNONYM_ADDED", term);

        manager.get("/console/catalog/synonyms?edit=" + term);
        manager.post("/console/catalog/synonyms", Map.of("term", term, "expansions", "护士执业"));
        assertThat(names(term)).containsExactly("护士执业注册");
        assertAudited("SYNONYM_CHANGED", term);

        manager.get("/console/catalog/synonyms");
        // Removing asks first: the first post changes nothing.
        assertThat(manager.post("/console/catalog/synonyms/remove", Map.of("term", term))
                        .body())
                .contains("删除这个同义词？");
        assertThat(names(term)).containsExactly("护士执业注册");
        manager.post("/console/catalog/synonyms/remove", Map.of("term", term, "confirm", "yes"));
        assertThat(names(term)).isEmpty();
        assertAudited("SYNONYM_REMOVED", term);
    }

    @Test
    void onlyTheManagerReachesTheSynonymListAndAnItemsSearchTerms() {
        var anonymous = new WebClient(BASE);
        assertThat(anonymous.get("/console/catalog/synonyms").location()).endsWith("/login");
        var operator = signedIn("operator");
        assertThat(operator.get("/console/catalog/synonyms").status()).isEqualTo(403);
        operator.get("/console");
        assertThat(operator.post("/console/catalog/synonyms", Map.of("term", "社保", "expansions", "乱改"))
                        .status())
                .isEqualTo(403);
        var citizen = signedIn("citizen");
        assertThat(citizen.get("/console/catalog/synonyms").status()).isEqualTo(403);
        var code = catalog.search(ItemSearch.of("护士执业注册")).getFirst().code();
        assertThat(citizen.get("/console/catalog/" + code + "/search-terms").status())
                .isEqualTo(403);
        assertThat(catalog.search(ItemSearch.of("社保")).stream().map(ItemSummary::nameZh))
                .contains("社会保障卡申领");
    }

    @Test
    void anItemsKeywordsAndResultsAreSearchedOnceItsDraftIsPublished() {
        var word = "试" + Long.toString(ThreadLocalRandom.current().nextLong(1_000_000), 10);
        var keyword = "关键" + (char) (0x4E00 + ThreadLocalRandom.current().nextInt(0x9FA5 - 0x4E00)) + "词";
        var code =
                "440100-SEARCH-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        items.insert(
                code,
                1,
                "PUBLISHED",
                "440100-SCJG",
                "广州市市场监督管理局",
                "Guangzhou Administration for Market Regulation",
                new ItemChange(
                        "搜索测试事项" + word,
                        "Search test " + word,
                        "LICENSING",
                        "CITY",
                        "《中华人民共和国行政许可法》",
                        "申请人具有完全民事行为能力",
                        20,
                        10,
                        "WORKING_DAY",
                        0,
                        4,
                        "不收费",
                        "LICENCE",
                        "",
                        List.of("ENTERPRISE"),
                        List.of("BUSINESS"),
                        3),
                null);
        items.forgetPublished();
        var manager = signedIn("manager");
        var page = manager.get("/console/catalog/" + code + "/search-terms");
        assertThat(page.status()).isEqualTo(200);
        var tooMany = manager.post(
                "/console/catalog/" + code + "/search-terms",
                Map.of(
                        "keywords",
                        java.util.stream.IntStream.rangeClosed(1, 21)
                                        .mapToObj(i -> "词" + i)
                                        .collect(java.util.stream.Collectors.joining("，"))
                                + "，"
                                + keyword,
                        "results",
                        ""));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body()).contains("最多 20 个，每个最多 30 个字").contains(keyword);
        manager.get("/console/catalog/" + code + "/search-terms");
        var saved = manager.post(
                "/console/catalog/" + code + "/search-terms", Map.of("keywords", keyword, "results", "测试许可证" + word));
        assertThat(saved.location()).isEqualTo("/console/catalog/" + code + "/search-terms");
        assertAudited("ITEM_SEARCH_TERMS_SAVED", code);
        assertThat(names(keyword)).isEmpty();
        manager.get("/console/catalog/" + code);
        manager.post("/console/catalog/" + code + "/publish", Map.of("confirm", "yes"));
        assertThat(names(keyword)).containsExactly("搜索测试事项" + word);
        assertThat(names("测试许可证" + word)).containsExactly("搜索测试事项" + word);
        assertThat(manager.get("/console/catalog/" + code + "/search-terms").body())
                .contains(keyword);
    }

    /** The trail hears of it once, after the commit (the audit listener runs asynchronously). */
    private void assertAudited(String code, String subject) {
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(audited(code, subject)).isEqualTo(1));
    }

    private int audited(String code, String subject) {
        return jdbc.sql("select count(*) from audit.audit_event where code = :c and subject = :s")
                .param("c", code)
                .param("s", subject)
                .query(Integer.class)
                .single();
    }
}
