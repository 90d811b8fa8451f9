package org.tongban.licenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.licenses.internal.LicenseTypeView;
import org.tongban.licenses.internal.LicenseTypes;

/** A government manager changes a license type's definition; what would break issued licenses is refused. */
class LicenseTypeEditingTests extends IntegrationTest {

    private static final UUID MANAGER = UUID.randomUUID();

    @Autowired
    LicenseTypes types;

    @Autowired
    JdbcClient jdbc;

    private String unusedType() {
        return jdbc.sql("""
                select code from licenses.license_type t
                 where not exists (select 1 from licenses.license l where l.type = t.code) order by code limit 1""").query(String.class).single();
    }

    private static InvalidLicenseException refusal(Runnable change) {
        try {
            change.run();
        } catch (InvalidLicenseException e) {
            return e;
        }
        throw new AssertionError("the change was accepted");
    }

    @Test
    void aManagerAddsAnOptionalFieldAndRenamesATypeOnThePage() {
        var code = unusedType();
        var before = types.definition(code).orElseThrow();
        var changed = before.replaceFirst("\"fields\": \\[", """
                "fields": [
                    {"name": "remark", "type": "TEXT", "zh": "备注", "en": "Remark", "required": false, "mask": "NONE", "max": 100},""")
                .replaceFirst("\"nameEn\": \"[^\"]*\"", "\"nameEn\": \"Edited type\"");
        var manager = signedIn("manager");
        assertThat(manager.get("/console/licenses/" + code).body()).contains("id=\"definition\"");
        var saved = manager.post("/console/licenses/" + code, Map.of("definition", changed));
        assertThat(saved.location()).isEqualTo("/console/licenses/" + code);
        var type = types.find(code).orElseThrow();
        assertThat(type.nameEn()).isEqualTo("Edited type");
        assertThat(type.field("remark")).isNotNull();

        var malformed = manager.post("/console/licenses/" + code, Map.of("definition", "{ not json"));
        assertThat(malformed.status()).isEqualTo(422);
        assertThat(malformed.body()).contains("id=\"definition-error\"").contains("{ not json");
        assertThat(types.find(code).orElseThrow().nameEn()).isEqualTo("Edited type");

        // No license of the type yet: a field may go again.
        types.save(code, before, MANAGER);
        assertThat(types.find(code).orElseThrow().field("remark")).isNull();
    }

    @Test
    void whatWouldBreakTheTypeOrItsIssuedLicensesIsRefused() {
        var definition = types.definition("CN_ID").orElseThrow(); // demo licenses of this type exist
        assertThat(refusal(() -> types.save(
                                "CN_ID", definition.replace("\"code\": \"CN_ID\"", "\"code\": \"CN_ID2\""), MANAGER))
                        .fieldErrors())
                .containsEntry("definition", "licenses.types.error.code");
        assertThat(refusal(() -> types.save(
                                "CN_ID",
                                definition.replace("\"validity\": \"P20Y\"", "\"validity\": \"twenty years\""),
                                MANAGER))
                        .fieldErrors())
                .containsEntry("definition", "licenses.types.error.validity");
        assertThat(refusal(() -> types.save("CN_ID", definition.replace("\"440100-GA\"", "\"999999-XX\""), MANAGER))
                        .fieldErrors())
                .containsEntry("definition", "licenses.types.error.issuers");
        assertThat(refusal(() -> types.save("CN_ID", definition.replace("\"holderName\",", "\"nickname\","), MANAGER))
                        .fieldErrors())
                .containsEntry("definition", "licenses.types.error.face");
        assertThat(refusal(() -> types.save(
                                "CN_ID",
                                definition.replace("\"holderKind\": \"PERSON\"", "\"holderKind\": \"ENTERPRISE\""),
                                MANAGER))
                        .fieldErrors())
                .containsEntry("definition", "licenses.types.error.inUse");
        var withoutBirthDate = definition
                .replaceFirst("\\{\\s*\"en\": \"Date of birth\"[^}]*},?", "")
                .replaceFirst("\\{[^{}]*\"name\": \"birthDate\"[^{}]*},?", "");
        assertThat(withoutBirthDate).doesNotContain("\"birthDate\"");
        assertThat(refusal(() -> types.save("CN_ID", withoutBirthDate, MANAGER)).fieldErrors())
                .containsEntry("definition", "licenses.types.error.inUse");
        assertThat(types.definition("CN_ID")).contains(definition);
        assertThatThrownBy(() -> types.save("NO_SUCH_TYPE", definition, MANAGER))
                .isInstanceOf(LicenseNotFoundException.class);
    }

    @Test
    void aManagerAddsANewTypeWithACodeOfItsOwn() {
        var manager = signedIn("manager");
        var start = manager.get("/console/licenses/new");
        assertThat(start.status()).isEqualTo(200);
        var example = types.definition("CN_ID").orElseThrow();
        var taken = manager.post("/console/licenses/new", Map.of("definition", example));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.body()).contains("id=\"definition-error\"");
        var fresh = example.replace("\"code\": \"CN_ID\"", "\"code\": \"TEST_PERMIT\"")
                .replace("\"typeCode\": \"11100000MB00010012001\"", "\"typeCode\": \"11100000MB00010012999\"")
                .replaceFirst("\"nameZh\": \"[^\"]*\"", "\"nameZh\": \"测试许可证\"");
        var created = manager.post("/console/licenses/new", Map.of("definition", fresh));
        assertThat(created.location()).isEqualTo("/console/licenses/TEST_PERMIT");
        assertThat(types.find("TEST_PERMIT").orElseThrow().nameZh()).isEqualTo("测试许可证");
        assertThat(types.issuedBy("440100-GA"))
                .extracting(LicenseTypeView::code)
                .contains("TEST_PERMIT");
    }

    @Test
    void onlyManagersChangeTypes() {
        assertThat(signedIn("official").get("/console/licenses/CN_ID").status()).isEqualTo(403);
        var operator = signedIn("operator");
        operator.get("/console");
        assertThat(operator.post("/console/licenses/CN_ID", Map.of("definition", "{}"))
                        .status())
                .isEqualTo(403);
    }
}
