package org.tongban.licenses.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tongban.licenses.internal.LicenseTypeView.FieldSpec;
import org.tongban.licenses.internal.LicenseTypeView.FieldType;
import org.tongban.licenses.internal.LicenseTypeView.Mask;
import org.tongban.licenses.internal.LicenseTypeView.Option;
import org.tongban.shared.ShortLived;
import org.tongban.verifier.Json;

/**
 * The {@code licenses.license_type} table. Types are reference data that every issuance and verification reads, so a
 * node keeps them for ten seconds (ADR 0002). The JSON shape of a type (seed file and columns) is the one
 * {@link #fromJson} reads.
 */
@Repository
public class LicenseTypeStore {

    private final JdbcClient jdbc;
    private final ShortLived<Map<String, LicenseTypeView>> all;

    LicenseTypeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.all = new ShortLived<>(Duration.ofSeconds(10), this::read);
    }

    public List<LicenseTypeView> all() {
        return List.copyOf(all.get().values());
    }

    public Optional<LicenseTypeView> find(String code) {
        return Optional.ofNullable(all.get().get(code));
    }

    public long count() {
        return jdbc.sql("select count(*) from licenses.license_type")
                .query(Long.class)
                .single();
    }

    /** Adds a type unless one with its code exists; true when added. */
    public boolean insert(LicenseTypeView t) {
        var inserted = jdbc.sql("""
                insert into licenses.license_type (code, type_code, name_zh, name_en, authority_code, authority_zh,
                       authority_en, holder_kind, issuers, validity, allow_multiple, number_mask, fields, template, created_at)
                values (:code, :typeCode, :zh, :en, :ac, :azh, :aen, :kind, :issuers, :validity, :multiple, :mask,
                        cast(:fields as jsonb), cast(:template as jsonb), now())
                on conflict (code) do nothing""").params(columns(t)).update() == 1;
        all.invalidate();
        return inserted;
    }

    /** Replaces a type's definition (its code and type code stay); true when the type exists. */
    public boolean update(LicenseTypeView t) {
        var updated = jdbc.sql("""
                update licenses.license_type set name_zh = :zh, name_en = :en, authority_code = :ac, authority_zh = :azh,
                       authority_en = :aen, holder_kind = :kind, issuers = :issuers, validity = :validity,
                       allow_multiple = :multiple, number_mask = :mask, fields = cast(:fields as jsonb),
                       template = cast(:template as jsonb)
                 where code = :code and type_code = :typeCode""").params(columns(t)).update() == 1;
        all.invalidate();
        return updated;
    }

    /** The columns of a type, by the parameter names of {@link #insert} and {@link #update}. */
    private static Map<String, Object> columns(LicenseTypeView t) {
        var columns = new LinkedHashMap<String, Object>();
        columns.put("code", t.code());
        columns.put("typeCode", t.typeCode());
        columns.put("zh", t.nameZh());
        columns.put("en", t.nameEn());
        columns.put("ac", t.authorityCode());
        columns.put("azh", t.authorityZh());
        columns.put("aen", t.authorityEn());
        columns.put("kind", t.holderKind().name());
        columns.put("issuers", t.issuers().toArray(String[]::new));
        columns.put("validity", t.validity());
        columns.put("multiple", t.allowMultiple());
        columns.put("mask", t.numberMask().name());
        columns.put("fields", Json.canonical(fieldsJson(t.fields())));
        columns.put("template", Json.canonical(Map.of("color", t.color(), "face", t.face())));
        return columns;
    }

    /** How many licenses of a type were ever issued. */
    public long issued(String code) {
        return jdbc.sql("select count(*) from licenses.license where type = :t")
                .param("t", code)
                .query(Long.class)
                .single();
    }

    /** A type in the seed file's JSON shape, for the manager's editor. */
    public static Map<String, Object> toJson(LicenseTypeView t) {
        var m = new LinkedHashMap<String, Object>();
        m.put("code", t.code());
        m.put("typeCode", t.typeCode());
        m.put("nameZh", t.nameZh());
        m.put("nameEn", t.nameEn());
        m.put("definingAuthority", Map.of("code", t.authorityCode(), "zh", t.authorityZh(), "en", t.authorityEn()));
        m.put("holderKind", t.holderKind().name());
        m.put("issuers", t.issuers());
        m.put("validity", t.validity());
        m.put("allowMultiple", t.allowMultiple());
        m.put("numberMask", t.numberMask().name());
        m.put("fields", fieldsJson(t.fields()));
        m.put("template", Map.of("color", t.color(), "face", t.face()));
        return m;
    }

    private Map<String, LicenseTypeView> read() {
        var types = new LinkedHashMap<String, LicenseTypeView>();
        jdbc.sql("select * from licenses.license_type order by holder_kind desc, code")
                .query((rs, i) -> row(rs))
                .list()
                .forEach(t -> types.put(t.code(), t));
        return Map.copyOf(types);
    }

    @SuppressWarnings("unchecked")
    private static LicenseTypeView row(ResultSet rs) throws SQLException {
        var template = (Map<String, Object>) Json.parse(rs.getString("template"));
        return new LicenseTypeView(
                rs.getString("code"),
                rs.getString("type_code"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                rs.getString("authority_code"),
                rs.getString("authority_zh"),
                rs.getString("authority_en"),
                HolderKind.valueOf(rs.getString("holder_kind")),
                List.of((String[]) rs.getArray("issuers").getArray()),
                rs.getString("validity"),
                rs.getBoolean("allow_multiple"),
                Mask.valueOf(rs.getString("number_mask")),
                fields((List<Object>) Json.parse(rs.getString("fields"))),
                JsonMaps.text(template, "color"),
                JsonMaps.texts(template, "face"));
    }

    /** A type as the seed file writes it (docs/licenses.md, "License types"). */
    @SuppressWarnings("unchecked")
    public static LicenseTypeView fromJson(Map<String, Object> t) {
        var authority = JsonMaps.object(t, "definingAuthority");
        var template = JsonMaps.object(t, "template");
        return new LicenseTypeView(
                JsonMaps.text(t, "code"),
                JsonMaps.text(t, "typeCode"),
                JsonMaps.text(t, "nameZh"),
                JsonMaps.text(t, "nameEn"),
                JsonMaps.text(authority, "code"),
                JsonMaps.text(authority, "zh"),
                JsonMaps.text(authority, "en"),
                HolderKind.valueOf(JsonMaps.text(t, "holderKind")),
                JsonMaps.texts(t, "issuers"),
                JsonMaps.text(t, "validity"),
                Boolean.TRUE.equals(t.get("allowMultiple")),
                Mask.valueOf((String) t.getOrDefault("numberMask", "NONE")),
                fields(JsonMaps.list(t, "fields")),
                JsonMaps.text(template, "color"),
                JsonMaps.texts(template, "face"));
    }

    @SuppressWarnings("unchecked")
    private static List<FieldSpec> fields(List<Object> json) {
        var fields = new ArrayList<FieldSpec>();
        for (var o : json) {
            var f = (Map<String, Object>) o;
            var options = new ArrayList<Option>();
            if (f.get("options") instanceof List<?> list) {
                for (var option : list) {
                    var m = (Map<String, Object>) option;
                    options.add(new Option(JsonMaps.text(m, "value"), JsonMaps.text(m, "zh"), JsonMaps.text(m, "en")));
                }
            }
            fields.add(new FieldSpec(
                    JsonMaps.text(f, "name"),
                    FieldType.valueOf(JsonMaps.text(f, "type")),
                    JsonMaps.text(f, "zh"),
                    JsonMaps.text(f, "en"),
                    !Boolean.FALSE.equals(f.get("required")),
                    Mask.valueOf((String) f.getOrDefault("mask", "NONE")),
                    integer(f.get("max")),
                    options));
        }
        return fields;
    }

    private static List<Map<String, Object>> fieldsJson(List<FieldSpec> fields) {
        var out = new ArrayList<Map<String, Object>>();
        for (var f : fields) {
            var m = new LinkedHashMap<String, Object>();
            m.put("name", f.name());
            m.put("type", f.type().name());
            m.put("zh", f.zh());
            m.put("en", f.en());
            m.put("required", f.required());
            m.put("mask", f.mask().name());
            if (f.max() != null) m.put("max", (long) f.max());
            if (!f.options().isEmpty()) {
                m.put(
                        "options",
                        f.options().stream()
                                .map(o -> Map.of("value", o.value(), "zh", o.zh(), "en", o.en()))
                                .toList());
            }
            out.add(m);
        }
        return out;
    }

    private static @Nullable Integer integer(@Nullable Object value) {
        return value instanceof Long l ? l.intValue() : null;
    }
}
