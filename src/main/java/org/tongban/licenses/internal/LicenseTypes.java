package org.tongban.licenses.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditRecord;
import org.tongban.identity.Departments;
import org.tongban.licenses.InvalidLicenseException;
import org.tongban.licenses.LicenseAudit;
import org.tongban.licenses.LicenseNotFoundException;
import org.tongban.verifier.Json;

/**
 * The license types (证照类型): public reference data, read by everyone, and edited by government managers as a
 * whole definition in the seed file's JSON shape (docs/licenses.md, "License types"). A type that licenses were
 * issued under keeps its holder kind and every field with its type, so that those licenses still read as signed.
 */
@Service
public class LicenseTypes {

    private static final Pattern VALIDITY = Pattern.compile("PERMANENT|GIVEN|P[1-9][0-9]{0,2}[YMD]");
    private static final Pattern FIELD = Pattern.compile("[a-zA-Z][a-zA-Z0-9]{0,39}");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

    private final LicenseTypeStore types;
    private final Departments identity;
    private final ApplicationEventPublisher events;

    LicenseTypes(LicenseTypeStore types, Departments identity, ApplicationEventPublisher events) {
        this.types = types;
        this.identity = identity;
        this.events = events;
    }

    /** A type's definition as the editor shows it: the seed file's JSON shape, indented. */
    public Optional<String> definition(String code) {
        return types.find(code).map(t -> pretty(Json.canonical(LicenseTypeStore.toJson(t))));
    }

    /**
     * Replaces a type's definition. Refused field by field, nothing written, when the JSON is malformed or not a
     * type; when it renames the code or the national type code; when a name is empty, an issuer is not a department,
     * the validity rule, a field, the face or the colour is wrong; or, once licenses of the type exist, when it
     * changes the holder kind or drops or retypes a field.
     */
    @Transactional
    public LicenseTypeView save(String code, String json, UUID manager) {
        var current = types.find(code).orElseThrow(LicenseNotFoundException::new);
        var next = parse(code, json, manager);
        var errors = new java.util.LinkedHashMap<String, String>();
        if (!current.code().equals(next.code()) || !current.typeCode().equals(next.typeCode())) {
            errors.put("definition", "licenses.types.error.code");
        }
        check(next, errors);
        if (errors.isEmpty() && types.issued(code) > 0) {
            boolean kept = current.holderKind() == next.holderKind()
                    && current.fields().stream().allMatch(f -> {
                        var same = next.field(f.name());
                        return same != null && same.type() == f.type();
                    });
            if (!kept) errors.put("definition", "licenses.types.error.inUse");
        }
        if (!errors.isEmpty())
            throw refused(code, manager, "definition", Objects.requireNonNull(errors.get("definition")));
        types.update(next);
        events.publishEvent(AuditRecord.success(
                LicenseAudit.LICENCE_TYPE_SAVED,
                manager.toString(),
                code,
                java.util.Map.of(
                        "fields",
                        Integer.toString(next.fields().size()),
                        "issuers",
                        String.join(",", next.issuers()))));
        return types.find(code).orElseThrow();
    }

    /**
     * Adds a new type from its definition: checked like a change, with a code of its own (upper-case letters, digits
     * and '_') and a national type code (the defining authority's credit code and three digits) that no type has.
     */
    @Transactional
    public LicenseTypeView create(String json, UUID manager) {
        var next = parse("new", json, manager);
        var errors = new java.util.LinkedHashMap<String, String>();
        if (next.code() == null
                || !NEW_CODE.matcher(next.code()).matches()
                || next.typeCode() == null
                || !TYPE_CODE.matcher(next.typeCode()).matches()
                || types.all().stream()
                        .anyMatch(t ->
                                t.code().equals(next.code()) || t.typeCode().equals(next.typeCode()))) {
            errors.put("definition", "licenses.types.error.newCode");
        }
        check(next, errors);
        if (!errors.isEmpty())
            throw refused(
                    next.code() == null ? "new" : next.code(),
                    manager,
                    "definition",
                    Objects.requireNonNull(errors.get("definition")));
        types.insert(next);
        events.publishEvent(AuditRecord.success(
                LicenseAudit.LICENCE_TYPE_SAVED,
                manager.toString(),
                next.code(),
                java.util.Map.of(
                        "fields",
                        Integer.toString(next.fields().size()),
                        "issuers",
                        String.join(",", next.issuers()))));
        return types.find(next.code()).orElseThrow();
    }

    private static final Pattern NEW_CODE = Pattern.compile("[A-Z][A-Z0-9_]{2,39}");
    private static final Pattern TYPE_CODE = Pattern.compile("[0-9A-HJ-NPQRTUWXY]{18}[0-9]{3}");

    private LicenseTypeView parse(String code, String json, UUID manager) {
        try {
            @SuppressWarnings("unchecked")
            var map = (java.util.Map<String, Object>) Json.parse(json == null ? "" : json);
            return LicenseTypeStore.fromJson(map);
        } catch (RuntimeException e) {
            throw refused(code, manager, "definition", "licenses.types.error.json");
        }
    }

    private void check(LicenseTypeView next, java.util.Map<String, String> errors) {
        if (blank(next.nameZh()) || blank(next.nameEn()) || blank(next.authorityZh()) || blank(next.authorityEn())) {
            errors.putIfAbsent("definition", "licenses.types.error.names");
        }
        var departments = new java.util.HashSet<String>();
        identity.departments().forEach(d -> departments.add(d.code()));
        if (next.issuers().isEmpty() || !departments.containsAll(next.issuers()))
            errors.putIfAbsent("definition", "licenses.types.error.issuers");
        if (next.validity() == null || !VALIDITY.matcher(next.validity()).matches())
            errors.putIfAbsent("definition", "licenses.types.error.validity");
        var names = new java.util.HashSet<String>();
        for (var f : next.fields()) {
            boolean ok = f.name() != null
                    && FIELD.matcher(f.name()).matches()
                    && names.add(f.name())
                    && !LicenseTypeView.STANDARD_FIELDS.contains(f.name())
                    && !blank(f.zh())
                    && !blank(f.en())
                    && (f.type() != LicenseTypeView.FieldType.SELECT
                            || !f.options().isEmpty());
            if (!ok) errors.putIfAbsent("definition", "licenses.types.error.fields");
        }
        if (next.face() == null
                || next.face().isEmpty()
                || !next.face().stream().allMatch(next::knows)) {
            errors.putIfAbsent("definition", "licenses.types.error.face");
        }
        if (next.color() == null || !COLOR.matcher(next.color()).matches())
            errors.putIfAbsent("definition", "licenses.types.error.color");
    }

    private InvalidLicenseException refused(String code, UUID manager, String field, String key) {
        events.publishEvent(AuditRecord.denied(
                LicenseAudit.LICENCE_TYPE_REFUSED, manager.toString(), code, java.util.Map.of("reason", key)));
        return new InvalidLicenseException(java.util.Map.of(field, key));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank() || s.length() > 100;
    }

    /** Canonical JSON indented two spaces per level, for a person to read and edit. */
    static String pretty(String json) {
        var out = new StringBuilder();
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                out.append(c);
                if (c == '\\') out.append(json.charAt(++i));
                else if (c == '"') inString = false;
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    out.append(c);
                }
                case '{', '[' -> {
                    out.append(c).append('\n').append("  ".repeat(++depth));
                }
                case '}', ']' -> {
                    out.append('\n').append("  ".repeat(--depth)).append(c);
                }
                case ',' -> out.append(",\n").append("  ".repeat(depth));
                case ':' -> out.append(": ");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Every type, persons' first, by code. */
    public List<LicenseTypeView> all() {
        return types.all();
    }

    /** How many licenses of the type were issued (its data items' names are then keys of signed content). */
    public long issued(String code) {
        return types.issued(code);
    }

    public Optional<LicenseTypeView> find(String code) {
        return types.find(code);
    }

    /** The types a department issues. */
    public List<LicenseTypeView> issuedBy(String department) {
        return types.all().stream().filter(t -> t.issuedBy(department)).toList();
    }
}
