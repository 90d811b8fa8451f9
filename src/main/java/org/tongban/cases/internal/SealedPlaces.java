package org.tongban.cases.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.tongban.platform.FieldProtection;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where each sealed value of the {@code cases} schema lives: the associated data of {@link FieldProtection} binds it
 * to its table, row and column, so a value copied to another row does not open. Shared by the stores that write
 * them and by {@link PersonalDataSealing}, which seals old rows; with the JSON form of answers they seal.
 */
final class SealedPlaces {

    static final String CASE_FILE = "cases.case_file";
    static final String DRAFT = "cases.draft";
    static final String UPLOAD = "cases.upload";
    static final String MATERIAL = "cases.case_material";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SealedPlaces() {}

    static String formPlace(String number) {
        return FieldProtection.place(CASE_FILE, number, "form_data");
    }

    static String draftPlace(UUID applicant, String itemCode) {
        return FieldProtection.place(DRAFT, applicant + "/" + itemCode, "form_data");
    }

    static String uploadPlace(UUID id) {
        return FieldProtection.place(UPLOAD, id.toString(), "content");
    }

    static String licenseDataPlace(String number, int seq) {
        return FieldProtection.place(MATERIAL, number + "/" + seq, "licence_data");
    }

    /** Form answers from their JSON object (string values only). */
    static Map<String, String> form(String json) {
        var result = new TreeMap<String, String>();
        JSON.readTree(json)
                .properties()
                .forEach(e -> result.put(e.getKey(), e.getValue().asString()));
        return result;
    }

    /** A map of strings as a JSON object with sorted keys. */
    static String json(Map<String, String> values) {
        return JSON.writeValueAsString(new TreeMap<>(values));
    }
}
