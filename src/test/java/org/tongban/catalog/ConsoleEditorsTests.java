package org.tongban.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.catalog.FormDefinition.Type;

/**
 * Issue 11, finding 5: the console speaks words, not constants and JSON. The item's enumerated fields are selects
 * and checkboxes with labels (an unknown value is refused on its field); questions are built one by one; materials
 * are edited; every write lands in the draft and the audit trail. Each test works on an item no other test edits.
 */
class ConsoleEditorsTests extends IntegrationTest {

    @Autowired
    CatalogManagement catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theItemEditPageOffersLabelsAndNeverShowsAConstant() {
        var item = code("教师资格认定");
        var manager = signedIn("manager");
        var page = manager.get("/console/catalog/" + item);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("<select id=\"itemType\" name=\"itemType\"")
                .contains("<select id=\"limitUnit\" name=\"limitUnit\"")
                .contains("<select id=\"itemLevel\" name=\"itemLevel\"")
                .contains("<select id=\"resultType\" name=\"resultType\"")
                .contains("type=\"checkbox\" name=\"channels\" value=\"PERSON\"")
                .contains("type=\"checkbox\" name=\"themes\" value=\"EDUCATION\"")
                .contains(">行政确认</option>")
                .contains(">工作日</option>");
        var text = visible(page.body());
        assertThat(text)
                .doesNotContain("LICENSING", "CONFIRMATION", "WORKING_DAY", "PERSON", "ENTERPRISE", "EDUCATION");
        assertThat(text).contains("教育", "个人", "企业");

        var list = manager.get("/console/catalog");
        assertThat(list.body()).contains("<th>事项名称</th>").doesNotContain("<th>主题</th>");
        assertThat(visible(list.body())).doesNotContain("PUBLISHED", "DRAFT");
    }

    @Test
    void anUnknownValueIsRefusedOnItsFieldWithTheInputKeptAndNothingWritten() {
        var item = catalog.guide(code("发票领用")).orElseThrow();
        var kept = catalog.newest(item.code()).orElseThrow();
        var manager = signedIn("manager");
        manager.get("/console/catalog/" + item.code());
        var form = formOf(item);
        form.removeIf(e -> e.getKey().equals("itemType") || e.getKey().equals("themes"));
        form.add(Map.entry("itemType", "许可"));
        form.add(Map.entry("channels", "ALIEN"));
        form.add(Map.entry("themes", "NO_SUCH_THEME"));
        form.removeIf(e -> e.getKey().equals("nameZh"));
        form.add(Map.entry("nameZh", "发票领用（改）"));
        var refused = manager.postAll("/console/catalog/" + item.code(), form);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("请从规定的取值中选择")
                .contains("请至少选择一个服务对象")
                .contains("请从列出的主题中选择")
                .contains("value=\"发票领用（改）\"")
                .containsPattern("id=\"itemType\" name=\"itemType\" aria-invalid=\"true\"");
        assertThat(catalog.newest(item.code()).orElseThrow()).isEqualTo(kept);

        // Chosen as the page offers them, both channels and two themes save.
        form.removeIf(e -> e.getKey().equals("itemType")
                || e.getKey().equals("channels")
                || e.getKey().equals("themes"));
        form.addAll(List.of(
                Map.entry("itemType", "PUBLIC_SERVICE"),
                Map.entry("channels", "PERSON"),
                Map.entry("channels", "ENTERPRISE"),
                Map.entry("themes", "TAXES"),
                Map.entry("themes", "OPERATIONS")));
        assertThat(manager.postAll("/console/catalog/" + item.code(), form).location())
                .isEqualTo("/console/catalog/" + item.code() + "?saved");
        var draft = catalog.draft(item.code()).orElseThrow();
        assertThat(draft.itemType()).isEqualTo("PUBLIC_SERVICE");
        assertThat(draft.channels()).containsExactly("PERSON", "ENTERPRISE");
        assertThat(draft.themes()).containsExactly("TAXES", "OPERATIONS");
    }

    @Test
    void theManagerBuildsTheFormQuestionByQuestion() {
        var item = code("道路运输从业人员资格证");
        var manager = signedIn("manager");
        var builder = manager.get("/console/catalog/" + item + "/form");
        assertThat(builder.status()).isEqualTo(200);
        assertThat(builder.body()).doesNotContain("<textarea");
        var before = catalog.newest(item).orElseThrow().form().fields().size();
        manager.get("/console/catalog/" + item + "/form/new");

        // An empty label is refused on its field, the rest kept; nothing written.
        var empty =
                manager.postAll("/console/catalog/" + item + "/form/new", question("vehicleKind", "", "Vehicle kind"));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body())
                .containsPattern("id=\"zh\" name=\"zh\" value=\"\" aria-invalid=\"true\"")
                .contains("请填写中文问题")
                .contains("value=\"Vehicle kind\"")
                .contains("value=\"货车\"");
        assertThat(catalog.newest(item).orElseThrow().form().fields()).hasSize(before);

        var saved = manager.postAll(
                "/console/catalog/" + item + "/form/new", question("vehicleKind", "车辆类型", "Vehicle kind"));
        assertThat(saved.location()).isEqualTo("/console/catalog/" + item + "/form");
        var form = catalog.draft(item).orElseThrow().form();
        var added = form.fields().getLast();
        assertThat(added.name()).isEqualTo("vehicleKind");
        assertThat(added.type()).isEqualTo(Type.SELECT);
        assertThat(added.required()).isTrue();
        assertThat(added.choices()).extracting(FormDefinition.Option::zh).containsExactly("货车", "客车");

        // The same key again is refused on the key.
        manager.get("/console/catalog/" + item + "/form/new");
        var duplicate =
                manager.postAll("/console/catalog/" + item + "/form/new", question("vehicleKind", "车型", "Kind"));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.body()).contains("表单中已有这个字段标识").containsPattern("id=\"name\"[^>]*aria-invalid=\"true\"");

        // Changed: the label; the options keep their values.
        manager.get("/console/catalog/" + item + "/form/vehicleKind");
        var values = added.choices().stream().map(FormDefinition.Option::value).toList();
        var change = question("vehicleKind", "准驾车辆类型", "Vehicle class");
        change.add(1, Map.entry("optValue", values.get(0)));
        change.add(2, Map.entry("optValue", values.get(1)));
        assertThat(manager.postAll("/console/catalog/" + item + "/form/vehicleKind", change)
                        .location())
                .isEqualTo("/console/catalog/" + item + "/form");
        var changed = catalog.draft(item).orElseThrow().form().fields().getLast();
        assertThat(changed.zh()).isEqualTo("准驾车辆类型");
        assertThat(changed.choices()).extracting(FormDefinition.Option::value).isEqualTo(values);

        // An optional question: the unticked box is not sent at all.
        manager.get("/console/catalog/" + item + "/form/new");
        var optional = question("plateNumber", "车牌号码", "Plate number");
        optional.removeIf(e -> e.getKey().equals("required") || e.getKey().equals("type"));
        optional.add(Map.entry("type", "TEXT"));
        assertThat(manager.postAll("/console/catalog/" + item + "/form/new", optional)
                        .location())
                .isEqualTo("/console/catalog/" + item + "/form");
        var plate = catalog.draft(item).orElseThrow().form().fields().getLast();
        assertThat(plate.required()).isFalse();
        assertThat(plate.options()).isNull();
        manager.get("/console/catalog/" + item + "/form");
        manager.post("/console/catalog/" + item + "/form/plateNumber/remove", Map.of("confirm", "yes"));

        // Moved up one place.
        manager.get("/console/catalog/" + item + "/form");
        manager.post("/console/catalog/" + item + "/form/vehicleKind/move", Map.of("to", "up"));
        var order = catalog.draft(item).orElseThrow().form().fields();
        assertThat(order.get(order.size() - 2).name()).isEqualTo("vehicleKind");

        // Removing asks first, then removes.
        manager.get("/console/catalog/" + item + "/form");
        var ask = manager.post("/console/catalog/" + item + "/form/vehicleKind/remove", Map.of());
        assertThat(ask.status()).isEqualTo(200);
        assertThat(ask.body()).contains("删除这个问题？");
        assertThat(catalog.draft(item).orElseThrow().form().fields())
                .extracting(f -> f.name())
                .contains("vehicleKind");
        manager.post("/console/catalog/" + item + "/form/vehicleKind/remove", Map.of("confirm", "yes"));
        assertThat(catalog.draft(item).orElseThrow().form().fields()).hasSize(before);

        assertAudited(item);
        assertThat(signedIn("operator")
                        .get("/console/catalog/" + item + "/form")
                        .status())
                .isEqualTo(403);
        assertThat(manager.get("/console/catalog/" + item + "/form/noSuchQuestion")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theManagerEditsMaterialsAndBadInputIsRefusedOnItsField() {
        var item = code("医师执业注册");
        var manager = signedIn("manager");
        var page = manager.get("/console/catalog/" + item + "/materials");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("医师资格证书").contains(">必需</option>").contains(">不可用证照代替</option>");
        var kept = catalog.newest(item).orElseThrow();
        var before = kept.materials().size();

        var blank = manager.post(
                "/console/catalog/" + item + "/materials",
                Map.of("name", " ", "necessity", "REQUIRED", "source", "APPLICANT", "licenseType", ""));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.body()).contains("请填写材料名称");
        var tooLong = manager.post(
                "/console/catalog/" + item + "/materials",
                Map.of(
                        "name",
                        "长".repeat(101),
                        "necessity",
                        "ALWAYS",
                        "source",
                        "APPLICANT",
                        "licenseType",
                        "NO_SUCH"));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body())
                .contains("请填写材料名称（不超过 100 字）")
                .contains("请从规定的取值中选择")
                .contains("请从列出的电子证照中选择")
                .contains("value=\"" + "长".repeat(101) + "\"");
        assertThat(catalog.newest(item).orElseThrow()).isEqualTo(kept);

        var added = manager.post(
                "/console/catalog/" + item + "/materials",
                Map.of("name", "近期免冠照片", "necessity", "OPTIONAL", "source", "APPLICANT", "licenseType", "CN_ID"));
        assertThat(added.location()).isEqualTo("/console/catalog/" + item + "/materials");
        var materials = catalog.draft(item).orElseThrow().materials();
        assertThat(materials).hasSize(before + 1);
        var photo = materials.getLast();
        assertThat(photo.name()).isEqualTo("近期免冠照片");
        assertThat(photo.licenseType()).isEqualTo("CN_ID");
        assertThat(visible(
                        manager.get("/console/catalog/" + item + "/materials").body()))
                .contains("可用电子证照代替：居民身份证")
                .doesNotContain("CN_ID", "OPTIONAL", "APPLICANT");

        manager.get("/console/catalog/" + item + "/materials/" + photo.seq());
        manager.post(
                "/console/catalog/" + item + "/materials/" + photo.seq(),
                Map.of("name", "近期免冠彩色照片", "necessity", "REQUIRED", "source", "APPLICANT", "licenseType", ""));
        var changed = catalog.draft(item).orElseThrow().materials().getLast();
        assertThat(changed.name()).isEqualTo("近期免冠彩色照片");
        assertThat(changed.licenseType()).isNull();

        var ask = manager.post("/console/catalog/" + item + "/materials/" + photo.seq() + "/remove", Map.of());
        assertThat(ask.body()).contains("删除这项材料？");
        assertThat(catalog.draft(item).orElseThrow().materials()).hasSize(before + 1);
        manager.post("/console/catalog/" + item + "/materials/" + photo.seq() + "/remove", Map.of("confirm", "yes"));
        assertThat(catalog.draft(item).orElseThrow().materials()).hasSize(before);
        assertThat(manager.get("/console/catalog/" + item + "/materials/999").status())
                .isEqualTo(404);
        assertThat(catalog.guide(item).orElseThrow().materials())
                .extracting(MaterialView::name)
                .doesNotContain("近期免冠彩色照片");

        assertAudited(item);
        var official = signedIn("official");
        assertThat(official.get("/console/catalog/" + item + "/materials").status())
                .isEqualTo(403);
    }

    private void assertAudited(String item) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "select count(*) from audit.audit_event where code = 'ITEM_DRAFT_SAVED' and subject = :s")
                                .param("s", item)
                                .query(Integer.class)
                                .single())
                        .isGreaterThanOrEqualTo(3));
    }

    /** A choice question with two options, as the builder's page sends it (with a spare empty row). */
    private static List<Map.Entry<String, String>> question(String name, String zh, String en) {
        return new ArrayList<>(List.of(
                Map.entry("name", name),
                Map.entry("zh", zh),
                Map.entry("en", en),
                Map.entry("type", "SELECT"),
                Map.entry("required", "true"),
                Map.entry("hintZh", ""),
                Map.entry("min", ""),
                Map.entry("max", ""),
                Map.entry("prefill", ""),
                Map.entry("optZh", "货车"),
                Map.entry("optEn", "Lorry"),
                Map.entry("optZh", "客车"),
                Map.entry("optEn", "Coach"),
                Map.entry("optZh", ""),
                Map.entry("optEn", "")));
    }

    private String code(String name) {
        return catalog.search(ItemSearch.of(name)).stream()
                .filter(i -> i.nameZh().equals(name))
                .findFirst()
                .orElseThrow()
                .code();
    }

    /** The text a person reads: the page without its tags and their attributes. */
    static String visible(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<[^>]*>", " ");
    }

    private static List<Map.Entry<String, String>> formOf(ItemView v) {
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
        form.put("minTrustLevel", Integer.toString(v.minTrustLevel()));
        var list = new ArrayList<Map.Entry<String, String>>(form.entrySet());
        v.themes().forEach(t -> list.add(Map.entry("themes", t)));
        return list;
    }
}
