package org.tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.test.Scenario;
import org.tongban.ModuleSliceTest;
import org.tongban.catalog.internal.ItemStore;

/**
 * The catalogue alone (a module slice, ADR 0021): no other module starts, and catalogue needs none at run time (its
 * audit events are only published). Every test works on an item of its own, made here, so that the platform tests'
 * demo items on the same database are left as they are.
 */
@ModuleSliceTest
class CatalogModuleTests {

    /** The platform's one Clock lives in platform/internal, which a standalone slice does not start. */
    @org.springframework.boot.test.context.TestConfiguration
    static class PlatformClock {
        @org.springframework.context.annotation.Bean
        java.time.Clock clock() {
            return java.time.Clock.system(java.time.ZoneId.of("Asia/Shanghai"));
        }
    }

    private final CatalogManagement catalog;
    private final ItemStore items;

    CatalogModuleTests(CatalogManagement catalog, ItemStore items) {
        this.catalog = catalog;
        this.items = items;
    }

    /** A published item with a name no other item has: a few random CJK characters, and a random English word. */
    private record Fresh(String code, String zhToken, String enToken) {}

    private Fresh freshItem() {
        var random = ThreadLocalRandom.current();
        var zh = new StringBuilder();
        for (int i = 0; i < 4; i++) zh.appendCodePoint(0x4E00 + random.nextInt(0x9FA5 - 0x4E00));
        var en = "slice" + Long.toString(random.nextLong(Long.MAX_VALUE), 36);
        var code =
                "440100-SLICE-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
        items.insert(
                code,
                1,
                "PUBLISHED",
                "440100-SCJG",
                "广州市市场监督管理局",
                "Guangzhou Administration for Market Regulation",
                change("测试事项" + zh, "Test item " + en),
                null);
        items.forgetPublished();
        return new Fresh(code, zh.toString(), en);
    }

    private static ItemChange change(String nameZh, String nameEn) {
        return new ItemChange(
                nameZh,
                nameEn,
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
                List.of("PERSON", "ENTERPRISE"),
                List.of("BUSINESS"),
                3);
    }

    private List<String> codesFound(String text) {
        return catalog.search(ItemSearch.of(text)).stream()
                .map(ItemSummary::code)
                .toList();
    }

    @Test
    void aPublishedItemIsFoundByAChineseSubstringAndByItsEnglishNameAndTheFiltersNarrowIt() {
        var item = freshItem();
        assertThat(codesFound(item.zhToken().substring(1, 3))).contains(item.code());
        assertThat(codesFound(item.enToken().toUpperCase(Locale.ROOT))).containsExactly(item.code());
        assertThat(catalog.search(new ItemSearch(item.enToken(), "BUSINESS", "440100-SCJG", "ENTERPRISE", true, 10)))
                .extracting(ItemSummary::code)
                .containsExactly(item.code());
        assertThat(catalog.search(new ItemSearch(item.enToken(), "BIRTH", null, null, false, 10)))
                .isEmpty();
        assertThat(catalog.search(new ItemSearch(item.enToken(), null, "440100-GA", null, false, 10)))
                .isEmpty();
    }

    @Test
    void aDraftChangesNothingPublicUntilPublishedAndTheEarlierVersionIsKept(Scenario scenario) {
        var item = freshItem();
        var manager = UUID.randomUUID();
        int draft = catalog.saveDraft(
                item.code(), change("测试事项（新版）" + item.zhToken(), "Test item v2 " + item.enToken()), manager);
        assertThat(draft).isEqualTo(2);
        assertThat(catalog.guide(item.code()).orElseThrow().nameEn()).doesNotContain("item v2");
        assertThat(catalog.draft(item.code()).orElseThrow().nameEn()).contains("item v2");
        // Saving again edits the same draft rather than opening a third version.
        assertThat(catalog.saveDraft(
                        item.code(), change("测试事项（新版）" + item.zhToken(), "Test item v2b " + item.enToken()), manager))
                .isEqualTo(2);

        scenario.stimulate(() -> catalog.publish(item.code(), manager))
                .andWaitForEventOfType(ItemChanged.class)
                .matching(e -> e.code().equals(item.code()) && e.change() == CatalogAudit.ITEM_PUBLISHED)
                .toArriveAndVerify((event, version) -> {
                    assertThat(version).isEqualTo(2);
                    assertThat(event.version()).isEqualTo(2);
                    assertThat(event.actor()).isEqualTo(manager.toString());
                });
        assertThat(catalog.guide(item.code()).orElseThrow().nameEn()).contains("v2b");
        assertThat(catalog.draft(item.code())).isEmpty();
        assertThat(catalog.version(item.code(), 1).orElseThrow().status()).isEqualTo("SUPERSEDED");
        // The search sees the new name at once on this node.
        assertThat(codesFound("v2b " + item.enToken())).containsExactly(item.code());
    }

    @Test
    void publishingWithoutADraftIsRefusedAndChangesNothing() {
        var item = freshItem();
        assertThatThrownBy(() -> catalog.publish(item.code(), UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        CatalogInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("code", "catalog.error.noDraft"));
        assertThat(catalog.guide(item.code()).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void withdrawingTakesTheItemOutOfSearchAndGuideAndASecondWithdrawalDoesNothing(Scenario scenario) {
        var item = freshItem();
        var manager = UUID.randomUUID();
        scenario.stimulate(() -> catalog.withdraw(item.code(), manager))
                .andWaitForEventOfType(ItemChanged.class)
                .matching(e -> e.code().equals(item.code()) && e.change() == CatalogAudit.ITEM_WITHDRAWN)
                .toArriveAndVerify((event, withdrawn) -> assertThat(withdrawn).isTrue());
        assertThat(catalog.guide(item.code())).isEmpty();
        assertThat(codesFound(item.enToken())).isEmpty();
        assertThat(catalog.withdraw(item.code(), manager)).isFalse();
        // Cases filed under it keep their version.
        assertThat(catalog.version(item.code(), 1).orElseThrow().status()).isEqualTo("WITHDRAWN");
    }

    @Test
    void anInvalidChangeIsRefusedFieldByFieldAndNoDraftIsWritten() {
        var item = freshItem();
        var bad = new ItemChange(
                " ",
                "Test",
                "NOT_A_TYPE",
                "CITY",
                "",
                "条件",
                10,
                11,
                "WORKING_DAY",
                12,
                0,
                "",
                "LICENCE",
                "",
                List.of("ALIENS"),
                List.of("lower"),
                6);
        assertThatThrownBy(() -> catalog.saveDraft(item.code(), bad, UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        CatalogInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsOnlyKeys(
                                        "nameZh",
                                        "itemType",
                                        "legalBasis",
                                        "promisedLimit",
                                        "visits",
                                        "onlineDepth",
                                        "fee",
                                        "channels",
                                        "themes",
                                        "minTrustLevel"));
        assertThat(catalog.draft(item.code())).isEmpty();
    }

    @Test
    void aDraftOfAnUnknownItemIsRefused() {
        assertThatThrownBy(() -> catalog.saveDraft(
                        "440100-NO-SUCH-" + UUID.randomUUID(), change("名称", "Name"), UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        CatalogInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("code", "catalog.error.unknownItem"));
    }

    @Test
    void theHandlingOfADraftTakesAFormAndJointDepartmentsLedByTheItemsOwn() {
        var item = freshItem();
        var manager = UUID.randomUUID();
        var form = """
                {"fields": [{"name": "shopName", "type": "TEXT", "zh": "店名", "en": "Shop name", "required": true}]}""";
        catalog.saveHandling(item.code(), "joint-approval", List.of("440100-SCJG", "440100-GA"), form, manager);
        var draft = catalog.draft(item.code()).orElseThrow();
        assertThat(draft.jointDepartments()).containsExactly("440100-SCJG", "440100-GA");
        assertThat(draft.form().fields()).extracting(FormDefinition.Field::name).containsExactly("shopName");
        // The published version keeps its own handling until the draft is published.
        assertThat(catalog.guide(item.code()).orElseThrow().form().fields())
                .extracting(FormDefinition.Field::name)
                .doesNotContain("shopName");

        assertThatThrownBy(() -> catalog.saveHandling(
                        item.code(), "joint-approval", List.of("440100-GA", "440100-SCJG"), null, manager))
                .isInstanceOfSatisfying(
                        CatalogInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("jointDepartments"));
        assertThatThrownBy(() -> catalog.saveHandling(item.code(), "1 bad key", List.of(), null, manager))
                .isInstanceOfSatisfying(
                        CatalogInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("processKey"));
        assertThatThrownBy(() -> catalog.saveHandling(item.code(), "simple", List.of(), "{\"fields\": []}", manager))
                .isInstanceOfSatisfying(
                        CatalogInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("form", "catalog.form.empty"));
    }
}
