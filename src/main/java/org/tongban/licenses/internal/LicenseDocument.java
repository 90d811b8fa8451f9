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
        var type = (Map<String, Object>) doc.get("type");
        var issuer = (Map<String, Object>) doc.get("issuer");
        var holder = (Map<String, Object>) doc.get("holder");
        var data = new LinkedHashMap<String, String>();
        ((Map<String, Object>) doc.get("data")).forEach((k, v) -> data.put(k, (String) v));
        return new LicenseDocument(
                (String) doc.get("id"),
                (String) type.get("typeCode"),
                (String) type.get("code"),
                (String) type.get("name"),
                (String) issuer.get("department"),
                (String) issuer.get("creditCode"),
                (String) issuer.get("name"),
                HolderKind.valueOf((String) holder.get("kind")),
                (String) holder.get("name"),
                (String) holder.get("id"),
                (String) doc.get("number"),
                LocalDate.parse((String) doc.get("issueDate")),
                LocalDate.parse((String) doc.get("validFrom")),
                doc.get("validTo") == null ? null : LocalDate.parse((String) doc.get("validTo")),
                data,
                (String) doc.get("previous"),
                (String) doc.get("kid"));
    }

    public static String text(byte[] canonical) {
        return new String(canonical, StandardCharsets.UTF_8);
    }
}
