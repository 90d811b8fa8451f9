package org.tongban.licenses;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.licenses.internal.LicenseTypeView;
import org.tongban.licenses.internal.LicenseTypes;

/**
 * Issue 11, finding 5: a license type's data items are edited as rows, not as JSON; an existing item's key (a key of
 * signed content) is never an input, and what would break issued licenses is refused with a localized message.
 */
class LicenseFieldsEditorTests extends IntegrationTest {

    @Autowired
    LicenseTypes types;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aManagerAddsADataItemAsARowAndBadRowsAreRefused() {
        var code = jdbc.sql("""
                select code from licenses.license_type t
                 where not exists (select 1 from licenses.license l where l.type = t.code) order by code desc limit 1""").query(String.class).single();
        var before = types.definition(code).orElseThrow();
        var type = types.find(code).orElseThrow();
        var manager = signedIn("manager");
        var page = manager.get("/console/licenses/" + code + "/fields");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<textarea").contains(">原样显示</option>");
        for (var f : type.fields()) {
            assertThat(page.body()).contains("type=\"hidden\" name=\"name\" value=\"" + f.name() + "\"");
        }

        var rows = rowsOf(type);
        rows.addAll(row("remark", "备注", "Remark", "TEXT", "optional", "NONE", "abc"));
        var bad = manager.postAll("/console/licenses/" + code + "/fields", rows);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body())
                .contains("id=\"fields-error\"")
                .contains("最多字数须为正整数")
                .contains("value=\"备注\"");
        assertThat(types.find(code).orElseThrow().field("remark")).isNull();

        rows = rowsOf(type);
        rows.addAll(row("remark", "备注", "Remark", "TEXT", "optional", "NONE", "100"));
        manager.get("/console/licenses/" + code + "/fields");
        var saved = manager.postAll("/console/licenses/" + code + "/fields", rows);
        assertThat(saved.location()).isEqualTo("/console/licenses/" + code + "/fields");
        var remark = types.find(code).orElseThrow().field("remark");
        assertThat(remark).isNotNull();
        assertThat(remark.zh()).isEqualTo("备注");
        assertThat(remark.max()).isEqualTo(100);
        assertThat(remark.required()).isFalse();

        types.save(code, before, UUID.randomUUID());
    }

    @Test
    void anIssuedTypesItemKeysCannotChangeOrGo() {
        var type = types.find("CN_ID").orElseThrow(); // demo licenses of this type exist
        var definition = types.definition("CN_ID").orElseThrow();
        var manager = signedIn("manager");
        assertThat(manager.get("/console/licenses/CN_ID/fields").body()).contains("已签发");

        // A changed key (sent by hand: the page has no input for it) drops the item it stood for: refused.
        var renamed = new ArrayList<Map.Entry<String, String>>();
        for (var e : rowsOf(type)) {
            renamed.add(
                    e.getKey().equals("name") && e.getValue().equals("birthDate") ? Map.entry("name", "birthDay") : e);
        }
        var refused = manager.postAll("/console/licenses/CN_ID/fields", renamed);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("已签发过此类证照");

        manager.get("/console/licenses/CN_ID/fields");
        var removed = new ArrayList<Map.Entry<String, String>>();
        for (var f : type.fields()) {
            removed.addAll(row(
                    f.name(),
                    f.zh(),
                    f.en(),
                    f.type().name(),
                    f.name().equals("birthDate") ? "remove" : (f.required() ? "required" : "optional"),
                    f.mask().name(),
                    f.max() == null ? "" : f.max().toString()));
        }
        assertThat(manager.postAll("/console/licenses/CN_ID/fields", removed).body())
                .contains("已签发过此类证照");
        assertThat(types.definition("CN_ID")).contains(definition);

        assertThat(signedIn("official").get("/console/licenses/CN_ID/fields").status())
                .isEqualTo(403);
        var operator = signedIn("operator");
        operator.get("/console");
        assertThat(operator.postAll("/console/licenses/CN_ID/fields", rowsOf(type))
                        .status())
                .isEqualTo(403);
    }

    private static List<Map.Entry<String, String>> rowsOf(LicenseTypeView type) {
        var rows = new ArrayList<Map.Entry<String, String>>();
        for (var f : type.fields()) {
            rows.addAll(row(
                    f.name(),
                    f.zh(),
                    f.en(),
                    f.type().name(),
                    f.required() ? "required" : "optional",
                    f.mask().name(),
                    f.max() == null ? "" : f.max().toString()));
        }
        return rows;
    }

    private static List<Map.Entry<String, String>> row(
            String name, String zh, String en, String type, String state, String mask, String max) {
        return List.of(
                Map.entry("name", name),
                Map.entry("zh", zh),
                Map.entry("en", en),
                Map.entry("type", type),
                Map.entry("state", state),
                Map.entry("mask", mask),
                Map.entry("max", max));
    }
}
