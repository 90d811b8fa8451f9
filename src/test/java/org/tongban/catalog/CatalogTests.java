package org.tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.WebClient;

class CatalogTests extends IntegrationTest {

    @Autowired
    CatalogManagement catalog;

    @Test
    void theDemoCatalogueHasSixtyItemsOfAtLeastEightDepartments() {
        var all = catalog.search(new ItemSearch("", null, null, null, false, 200));
        assertThat(all.size()).isGreaterThanOrEqualTo(58);
        assertThat(catalog.departments().size()).isGreaterThanOrEqualTo(8);
        assertThat(all)
                .extracting(ItemSummary::nameZh)
                .contains("出生医学证明首次签发", "居民身份证换领", "结婚登记预约", "社会保障卡申领", "无犯罪记录证明", "个体工商户设立登记", "企业设立登记", "食品经营许可");
    }

    @Test
    void searchFindsChineseSubstringsEnglishAndPinyinInitials() {
        assertThat(names(ItemSearch.of("社会保障卡"))).contains("社会保障卡申领");
        assertThat(names(ItemSearch.of("shbzk"))).contains("社会保障卡申领");
        assertThat(names(ItemSearch.of("shehuibaozhangka"))).contains("社会保障卡申领");
        assertThat(names(ItemSearch.of("passport"))).contains("普通护照签发");
        assertThat(names(ItemSearch.of("营业执照"))).contains("营业执照补领");
        assertThat(names(ItemSearch.of("不存在的事项名称"))).isEmpty();
    }

    @Test
    void filtersNarrowTheResults() {
        var birth = catalog.search(new ItemSearch("", "BIRTH", null, null, false, 200));
        assertThat(birth).isNotEmpty().allSatisfy(i -> assertThat(i.themes()).contains("BIRTH"));
        var police = catalog.search(new ItemSearch("", null, "440100-GA", null, false, 200));
        assertThat(police)
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i.departmentCode()).isEqualTo("440100-GA"));
        var enterprise = catalog.search(new ItemSearch("", null, null, "ENTERPRISE", false, 200));
        assertThat(enterprise)
                .isNotEmpty()
                .allSatisfy(i -> assertThat(i.channels()).contains("ENTERPRISE"));
        var zero = catalog.search(new ItemSearch("", null, null, null, true, 200));
        assertThat(zero).isNotEmpty().allSatisfy(i -> assertThat(i.visits()).isZero());
        // A text that looks like SQL is only text.
        assertThat(catalog.search(ItemSearch.of("' or 1=1 --"))).isEmpty();
    }

    @Test
    void theGuidePageAndTheSearchPageArePublic() {
        var web = new WebClient(BASE);
        var results =
                web.get("/services?q=" + java.net.URLEncoder.encode("食品", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.body()).contains("食品经营许可");
        var code = catalog.search(ItemSearch.of("食品经营许可")).getFirst().code();
        var guide = web.get("/services/" + code);
        assertThat(guide.status()).isEqualTo(200);
        assertThat(guide.body()).contains("营业执照").contains("承诺办结时限").contains("可用电子证照");
        assertThat(web.get("/services/NO-SUCH-ITEM").status()).isEqualTo(404);
        assertThat(new WebClient(BASE).english().get("/services/" + code).body())
                .contains("Food business license");
    }

    @Test
    void theApiServesTheCatalogueWithoutSignIn() {
        var web = new WebClient(BASE);
        var found = web.json("GET", "/api/v1/catalog/items?q=shbzk", null);
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("社会保障卡申领");
        assertThat(web.json("GET", "/api/v1/catalog/items/NO-SUCH", null).status())
                .isEqualTo(404);
    }

    @Test
    void aDraftChangesNothingPublicUntilPublishedAndThenBecomesANewVersion() {
        var manager = UUID.randomUUID();
        var item = catalog.search(ItemSearch.of("高龄津贴")).getFirst();
        var before = catalog.guide(item.code()).orElseThrow();
        var change = changeOf(before, before.nameZh() + "（试点）");
        int draft = catalog.saveDraft(item.code(), change, manager);
        assertThat(draft).isEqualTo(before.version() + 1);
        assertThat(catalog.guide(item.code()).orElseThrow().nameZh()).isEqualTo(before.nameZh());
        assertThat(catalog.draft(item.code()).orElseThrow().materials()).hasSameSizeAs(before.materials());

        assertThat(catalog.publish(item.code(), manager)).isEqualTo(draft);
        var after = catalog.guide(item.code()).orElseThrow();
        assertThat(after.nameZh()).endsWith("（试点）");
        assertThat(after.version()).isEqualTo(draft);
        // The earlier version is kept, for the cases filed under it.
        assertThat(catalog.version(item.code(), before.version()).orElseThrow().status())
                .isEqualTo("SUPERSEDED");
    }

    @Test
    void aWithdrawnItemLeavesSearchAndItsGuide() {
        var manager = UUID.randomUUID();
        var item = catalog.search(ItemSearch.of("惠民殡葬")).getFirst();
        assertThat(catalog.withdraw(item.code(), manager)).isTrue();
        assertThat(catalog.guide(item.code())).isEmpty();
        assertThat(names(ItemSearch.of("惠民殡葬"))).isEmpty();
        assertThat(catalog.withdraw(item.code(), manager)).isFalse();
    }

    @Test
    void anInvalidChangeIsRefusedFieldByFieldAndNothingIsWritten() {
        var item = catalog.search(ItemSearch.of("护士执业注册")).getFirst();
        var before = catalog.guide(item.code()).orElseThrow();
        var bad = new ItemChange(
                "",
                before.nameEn(),
                "NOT_A_TYPE",
                before.itemLevel(),
                before.legalBasis(),
                before.conditions(),
                10,
                20,
                before.limitUnit(),
                before.visits(),
                5,
                before.fee(),
                before.resultType(),
                before.faq(),
                List.of("ALIENS"),
                before.themes(),
                2);
        assertThatThrownBy(() -> catalog.saveDraft(item.code(), bad, UUID.randomUUID()))
                .isInstanceOfSatisfying(
                        CatalogInputException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsKeys("nameZh", "itemType", "promisedLimit", "onlineDepth", "channels"));
        assertThat(catalog.draft(item.code())).isEmpty();
    }

    @Test
    void theManagerEditsOnTheConsoleAndTheOperatorIsRefused() {
        var item = catalog.search(ItemSearch.of("护士执业注册")).getFirst();
        var manager = signedIn("manager");
        assertThat(manager.get("/console/catalog").body()).contains(item.code());
        var edit = manager.get("/console/catalog/" + item.code());
        assertThat(edit.status()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"" + item.nameZh() + "\"");
        var form = formOf(catalog.guide(item.code()).orElseThrow());
        form.put("promisedLimit", "99");
        var refused = manager.post("/console/catalog/" + item.code(), form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("承诺时限应大于 0 且不超过法定时限").contains("value=\"99\"");
        assertThat(catalog.draft(item.code())).isEmpty();

        form.put("promisedLimit", "1");
        assertThat(manager.post("/console/catalog/" + item.code(), form).location())
                .isEqualTo("/console/catalog/" + item.code() + "?saved");
        manager.get("/console/catalog/" + item.code());
        assertThat(manager.post("/console/catalog/" + item.code() + "/publish", Map.of("confirm", "yes"))
                        .location())
                .isEqualTo("/console/catalog/" + item.code());
        assertThat(catalog.guide(item.code()).orElseThrow().promisedLimit()).isEqualTo(1);

        var operator = signedIn("operator");
        assertThat(operator.get("/console/catalog").status()).isEqualTo(403);
        operator.get("/console");
        assertThat(operator.post("/console/catalog/" + item.code() + "/withdraw", Map.of("confirm", "yes"))
                        .status())
                .isEqualTo(403);
        assertThat(catalog.guide(item.code())).isPresent();
    }

    private List<String> names(ItemSearch search) {
        return catalog.search(search).stream().map(ItemSummary::nameZh).toList();
    }

    private static ItemChange changeOf(ItemView v, String nameZh) {
        return new ItemChange(
                nameZh,
                v.nameEn(),
                v.itemType(),
                v.itemLevel(),
                v.legalBasis(),
                v.conditions(),
                v.statutoryLimit(),
                v.promisedLimit(),
                v.limitUnit(),
                v.visits(),
                v.onlineDepth(),
                v.fee(),
                v.resultType(),
                v.faq(),
                v.channels(),
                v.themes(),
                v.minTrustLevel());
    }

    private static Map<String, String> formOf(ItemView v) {
        var form = new HashMap<String, String>();
        form.put("nameZh", v.nameZh());
        form.put("nameEn", v.nameEn());
        form.put("itemType", v.itemType());
        form.put("itemLevel", v.itemLevel());
        form.put("legalBasis", v.legalBasis());
        form.put("conditions", v.conditions());
        form.put("statutoryLimit", Integer.toString(v.statutoryLimit()));
        form.put("promisedLimit", Integer.toString(v.promisedLimit()));
        form.put("limitUnit", v.limitUnit());
        form.put("visits", Integer.toString(v.visits()));
        form.put("onlineDepth", Integer.toString(v.onlineDepth()));
        form.put("fee", v.fee());
        form.put("resultType", v.resultType());
        form.put("faq", v.faq());
        form.put("channels", String.join(",", v.channels()));
        form.put("themes", String.join(",", v.themes()));
        form.put("minTrustLevel", Integer.toString(v.minTrustLevel()));
        return form;
    }
}
