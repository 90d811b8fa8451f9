package org.tongban.licenses.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.verifier.Json;

/**
 * The signed form of a license (docs/licenses.md, section "The signed license document"): canonical JSON
 * ({@link Json}) of an object with the members {@code v} (1), {@code id} (the identifier), {@code type} (code,
 * typeCode, name), {@code issuer} (department, creditCode, name), {@code holder} (kind, idType, id, name),
 * {@code number}, {@code issueDate}, {@code validFrom}, {@code validTo} (absent for a permanent license, 长期有效),
 * {@code data} (the face data by field name), {@code previous} (absent at first issue) and {@code kid}. Every value
 * is a string except {@code v}. The key id is inside, so a signature cannot be passed off as another key's.
 */
public record LicenseDocument(
        String identifier,
        String typeCode,
        String typeShortCode,
        String typeName,
        String issuerDepartment,
        String issuerCreditCode,
        String issuerName,
        HolderKind holderKind,
        String holderName,
        String holderId,
        String number,
        LocalDate issueDate,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        Map<String, String> data,
        @Nullable String previous,
        String kid) {

    public LicenseDocument {
        data = Map.copyOf(data);
    }

    public Map<String, Object> json() {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("v", 1L);
        doc.put("id", identifier);
        doc.put("type", Map.of("code", typeShortCode, "typeCode", typeCode, "name", typeName));
        doc.put("issuer", Map.of("department", issuerDepartment, "creditCode", issuerCreditCode, "name", issuerName));
        doc.put(
                "holder",
                Map.of("kind", holderKind.name(), "idType", holderKind.idType(), "id", holderId, "name", holderName));
        doc.put("number", number);
        doc.put("issueDate", issueDate.toString());
        doc.put("validFrom", validFrom.toString());
        if (validTo != null) doc.put("validTo", validTo.toString());
        doc.put("data", data);
        if (previous != null) doc.put("previous", previous);
        doc.put("kid", kid);
        return doc;
    }

    /** The bytes that are signed. */
    public byte[] canonical() {
        return Json.canonicalBytes(json());
    }

    /** Reads a document back from its canonical bytes. */
    @SuppressWarnings("unchecked")
    public static LicenseDocument parse(byte[] canonical) {
        var doc = Json.parseObject(canonical);
        var type = JsonMaps.object(doc, "type");
        var issuer = JsonMaps.object(doc, "issuer");
        var holder = JsonMaps.object(doc, "holder");
        var data = new LinkedHashMap<String, String>();
        JsonMaps.object(doc, "data").forEach((k, v) -> data.put(k, (String) v));
        var validTo = JsonMaps.optionalText(doc, "validTo");
        return new LicenseDocument(
                JsonMaps.text(doc, "id"),
                JsonMaps.text(type, "typeCode"),
                JsonMaps.text(type, "code"),
                JsonMaps.text(type, "name"),
                JsonMaps.text(issuer, "department"),
                JsonMaps.text(issuer, "creditCode"),
                JsonMaps.text(issuer, "name"),
                HolderKind.valueOf(JsonMaps.text(holder, "kind")),
                JsonMaps.text(holder, "name"),
                JsonMaps.text(holder, "id"),
                JsonMaps.text(doc, "number"),
                LocalDate.parse(JsonMaps.text(doc, "issueDate")),
                LocalDate.parse(JsonMaps.text(doc, "validFrom")),
                validTo == null ? null : LocalDate.parse(validTo),
                data,
                JsonMaps.optionalText(doc, "previous"),
                JsonMaps.text(doc, "kid"));
    }

    public static String text(byte[] canonical) {
        return new String(canonical, StandardCharsets.UTF_8);
    }
}
