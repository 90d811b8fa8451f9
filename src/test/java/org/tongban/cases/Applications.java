package org.tongban.cases;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.tongban.catalog.CatalogManagement;
import org.tongban.catalog.FormDefinition;
import org.tongban.catalog.ItemView;
import org.tongban.shared.CreditCode;
import org.tongban.shared.IdNumber;
import tools.jackson.databind.json.JsonMapper;

/** Complete applications for tests: valid answers for an item's form and an uploaded PDF for each required material. */
public final class Applications {

    /** The smallest document a PDF reader opens: a catalogue and an empty page tree (uploads are parsed). */
    public static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                    + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);

    private Applications() {}

    public static SubmitCase valid(
            CaseManagement cases, CatalogManagement catalog, String itemCode, UUID applicant, String key) {
        var item = catalog.guide(itemCode).orElseThrow();
        var answers = answers(cases, item, applicant);
        // An enterprise-only item is filed as the enterprise the answers name (the applicant's, as the page does).
        var enterprise = item.channels().contains("PERSON") ? null : answers.get("creditCode");
        return new SubmitCase(itemCode, applicant, key, answers, materials(cases, item, applicant), null, enterprise);
    }

    /**
     * Valid answers with what the platform knows of the applicant filled in, as the page does: the applicant's own
     * name, ID number and phone, and the enterprise the applicant acts for (an application takes no one else's).
     */
    public static Map<String, String> answers(CaseManagement cases, ItemView item, UUID applicant) {
        var answers = new TreeMap<>(answers(item));
        answers.putAll(cases.prefill(applicant, item));
        return answers;
    }

    /**
     * A fresh citizen who may file person items: registered with the code sent to the phone, then raised to trust
     * level 3 (the demo items' level) by the population register and the (demo) face check, as a person would.
     */
    public static UUID citizen(org.springframework.context.ApplicationContext context) {
        return org.tongban.TestRegistration.levelThree(context, org.tongban.TestPeople.idNumber(), "申请人");
    }

    public static Map<String, String> answers(ItemView item) {
        var answers = new TreeMap<String, String>();
        for (var f : item.form().fields()) {
            if (f.showIf() != null) continue;
            if (f.group()) {
                for (var m : f.members()) answers.put(FormDefinition.key(f, 0, m), value(m));
            } else {
                answers.put(f.name(), value(f));
            }
        }
        return answers;
    }

    public static Map<Integer, String> materials(CaseManagement cases, ItemView item, UUID applicant) {
        var chosen = new HashMap<Integer, String>();
        for (var m : item.materials()) {
            if (m.source().equals("APPLICANT") && m.necessity().equals("REQUIRED")) {
                chosen.put(
                        m.seq(),
                        "upload:"
                                + cases.upload(applicant, "material-" + m.seq() + ".pdf", PDF)
                                        .id());
            }
        }
        return chosen;
    }

    public static String json(String itemCode, Map<String, String> form, Map<Integer, String> materials) {
        return JsonMapper.builder()
                .build()
                .writeValueAsString(Map.of("itemCode", itemCode, "form", form, "materials", materials));
    }

    private static String value(FormDefinition.Field f) {
        return switch (f.type()) {
            case NUMBER -> Integer.toString(f.min() == null ? 1 : Math.max(f.min(), 1));
            case DATE -> "2026-12-01";
            case ID_NUMBER -> "44010619900307123" + IdNumber.checkChar("44010619900307123");
            case PHONE -> "13800138000";
            case CREDIT_CODE -> "91440106MA5D00010" + CreditCode.checkChar("91440106MA5D00010");
            case EMAIL -> "applicant@example.cn";
            case SELECT -> f.choices().getFirst().value();
            case DECLARATION -> "true";
            default -> f.min() == null ? "测试填写内容" : "1".repeat(f.min());
        };
    }
}
