package org.tongban.catalog.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.catalog.ItemChange;
import org.tongban.catalog.ItemSearch;
import org.tongban.catalog.ItemSummary;
import org.tongban.catalog.ItemView;
import org.tongban.catalog.MaterialView;

/** Reads and writes the {@code catalog} schema. */
@Component
public class ItemStore {

    private static final String COLUMNS = """
            code, version, status, name_zh, name_en, item_type, item_level, department_code, department_zh,
            department_en, legal_basis, conditions, statutory_limit, promised_limit, limit_unit, visits, online_depth,
            fee, result_type, faq, channels, themes, min_trust_level, published_at, form_definition::text as form_json,
            process_key, joint_departments""";

    private final JdbcClient jdbc;
    private final PublishedCatalogue published;

    ItemStore(JdbcClient jdbc, PublishedCatalogue published) {
        this.jdbc = jdbc;
        this.published = published;
    }

    /**
     * Published items matching a search, best first (ADR 0025), from this node's index of the published catalogue
     * (ADR 0005): no database round trip, no scan over the items.
     */
    public List<ItemSummary> search(ItemSearch search) {
        return published.search(search);
    }

    /** Reads the published catalogue again at the next search (after a change on this node has committed). */
    public void forgetPublished() {
        published.forget();
    }

    /** Sets what an item version yields and the words people use for it (both searched, ADR 0025). */
    public int setSearchTerms(String code, int version, List<String> keywords, List<String> results) {
        return jdbc.sql("""
                update catalog.service_item set keywords = :keywords, result_names = :results
                 where code = :code and version = :version""")
                .param("keywords", keywords.toArray(String[]::new))
                .param("results", results.toArray(String[]::new))
                .param("code", code)
                .param("version", version)
                .update();
    }

    /** An item version's keywords and result names, in that order. */
    public List<List<String>> searchTerms(String code, int version) {
        return jdbc.sql(
                        "select keywords, result_names from catalog.service_item where code = :code and version = :version")
                .param("code", code)
                .param("version", version)
                .query((rs, i) -> List.of(strings(rs.getArray(1)), strings(rs.getArray(2))))
                .optional()
                .orElse(List.of(List.of(), List.of()));
    }

    /** The departments that have published items, code → Chinese and English names. */
    public List<String[]> departments() {
        return jdbc.sql("""
                select distinct department_code, department_zh, department_en from catalog.service_item
                 where status = 'PUBLISHED' order by department_code""")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
    }

    public Optional<ItemView> find(String code, String status) {
        return jdbc.sql("select " + COLUMNS + " from catalog.service_item where code = :code and status = :status")
                .param("code", code)
                .param("status", status)
                .query((rs, i) -> view(rs))
                .optional();
    }

    public Optional<ItemView> find(String code, int version) {
        return jdbc.sql("select " + COLUMNS + " from catalog.service_item where code = :code and version = :version")
                .param("code", code)
                .param("version", version)
                .query((rs, i) -> view(rs))
                .optional();
    }

    /** Every item's newest version, for the manager's list. */
    public List<ItemView> newestVersions() {
        return jdbc.sql("select distinct on (code) " + COLUMNS
                        + " from catalog.service_item order by code, version desc")
                .query((rs, i) -> view(rs))
                .list();
    }

    /** An item's newest version: its draft while one is being edited, else the latest published or withdrawn. */
    public Optional<ItemView> newest(String code) {
        return jdbc.sql("select " + COLUMNS
                        + " from catalog.service_item where code = :code order by version desc limit 1")
                .param("code", code)
                .query((rs, i) -> view(rs))
                .optional();
    }

    /** Sets the handling of a draft (or, when seeding, of any version). */
    public int setHandling(
            String code, int version, String processKey, List<String> jointDepartments, @Nullable String formJson) {
        return jdbc.sql("""
                update catalog.service_item set process_key = :key, joint_departments = :joint,
                       form_definition = cast(:form as jsonb)
                 where code = :code and version = :version""")
                .param("key", processKey)
                .param("joint", jointDepartments.toArray(String[]::new))
                .param("form", formJson)
                .param("code", code)
                .param("version", version)
                .update();
    }

    /** Copies the handling (and the search terms) of one version to the next (a new draft starts as the version it was made from). */
    public void copyHandling(String code, int fromVersion, int toVersion) {
        jdbc.sql("""
                update catalog.service_item t set process_key = f.process_key, joint_departments = f.joint_departments,
                       form_definition = f.form_definition, keywords = f.keywords, result_names = f.result_names
                  from catalog.service_item f
                 where t.code = :code and t.version = :to and f.code = :code and f.version = :from""")
                .param("code", code)
                .param("from", fromVersion)
                .param("to", toVersion)
                .update();
    }

    public int nextVersion(String code) {
        return jdbc.sql("select coalesce(max(version), 0) + 1 from catalog.service_item where code = :code")
                .param("code", code)
                .query(Integer.class)
                .single();
    }

    public void insert(
            String code,
            int version,
            String status,
            String departmentCode,
            String departmentZh,
            String departmentEn,
            ItemChange c,
            @Nullable UUID by) {
        jdbc.sql("""
                insert into catalog.service_item (code, version, status, name_zh, name_en, item_type, item_level,
                       department_code, department_zh, department_en, legal_basis, conditions, statutory_limit,
                       promised_limit, limit_unit, visits, online_depth, fee, result_type, faq, channels, themes,
                       min_trust_level, search_text, created_at, published_at, changed_by)
                values (:code, :version, :status, :nameZh, :nameEn, :type, :level, :dept, :deptZh, :deptEn, :basis,
                        :conditions, :statutory, :promised, :unit, :visits, :depth, :fee, :result, :faq, :channels,
                        :themes, :trust, :search, now(), case when :status = 'PUBLISHED' then now() end, :by)""")
                .param("code", code)
                .param("version", version)
                .param("status", status)
                .param("nameZh", c.nameZh())
                .param("nameEn", c.nameEn())
                .param("type", c.itemType())
                .param("level", c.itemLevel())
                .param("dept", departmentCode)
                .param("deptZh", departmentZh)
                .param("deptEn", departmentEn)
                .param("basis", c.legalBasis())
                .param("conditions", c.conditions())
                .param("statutory", c.statutoryLimit())
                .param("promised", c.promisedLimit())
                .param("unit", c.limitUnit())
                .param("visits", c.visits())
                .param("depth", c.onlineDepth())
                .param("fee", c.fee())
                .param("result", c.resultType())
                .param("faq", c.faq())
                .param("channels", c.channels().toArray(String[]::new))
                .param("themes", c.themes().toArray(String[]::new))
                .param("trust", c.minTrustLevel())
                .param("search", searchText(c.nameZh(), c.nameEn()))
                .param("by", by)
                .update();
    }

    public void updateDraft(String code, ItemChange c, UUID by) {
        jdbc.sql("""
                update catalog.service_item set name_zh = :nameZh, name_en = :nameEn, item_type = :type,
                       item_level = :level, legal_basis = :basis, conditions = :conditions, statutory_limit = :statutory,
                       promised_limit = :promised, limit_unit = :unit, visits = :visits, online_depth = :depth, fee = :fee,
                       result_type = :result, faq = :faq, channels = :channels, themes = :themes,
                       min_trust_level = :trust, search_text = :search, changed_by = :by
                 where code = :code and status = 'DRAFT'""")
                .param("nameZh", c.nameZh())
                .param("nameEn", c.nameEn())
                .param("type", c.itemType())
                .param("level", c.itemLevel())
                .param("basis", c.legalBasis())
                .param("conditions", c.conditions())
                .param("statutory", c.statutoryLimit())
                .param("promised", c.promisedLimit())
                .param("unit", c.limitUnit())
                .param("visits", c.visits())
                .param("depth", c.onlineDepth())
                .param("fee", c.fee())
                .param("result", c.resultType())
                .param("faq", c.faq())
                .param("channels", c.channels().toArray(String[]::new))
                .param("themes", c.themes().toArray(String[]::new))
                .param("trust", c.minTrustLevel())
                .param("search", searchText(c.nameZh(), c.nameEn()))
                .param("by", by)
                .param("code", code)
                .update();
    }

    public void copyMaterials(String code, int fromVersion, int toVersion) {
        jdbc.sql("""
                insert into catalog.material (code, version, seq, name, necessity, source, licence_type)
                select code, :to, seq, name, necessity, source, licence_type from catalog.material
                 where code = :code and version = :from""")
                .param("to", toVersion)
                .param("code", code)
                .param("from", fromVersion)
                .update();
    }

    public void insertMaterial(String code, int version, MaterialView m) {
        jdbc.sql("""
                insert into catalog.material (code, version, seq, name, necessity, source, licence_type)
                values (:code, :version, :seq, :name, :necessity, :source, :license)""")
                .param("code", code)
                .param("version", version)
                .param("seq", m.seq())
                .param("name", m.name())
                .param("necessity", m.necessity())
                .param("source", m.source())
                .param("license", m.licenseType())
                .update();
    }

    /** Sets the process model and the joint departments of a draft; its form stays. */
    public int setProcess(String code, int version, String processKey, List<String> jointDepartments) {
        return jdbc.sql("""
                update catalog.service_item set process_key = :key, joint_departments = :joint
                 where code = :code and version = :version""")
                .param("key", processKey)
                .param("joint", jointDepartments.toArray(String[]::new))
                .param("code", code)
                .param("version", version)
                .update();
    }

    /** Sets a version's application form (a draft's, as the manager builds it). */
    public int setForm(String code, int version, String formJson) {
        return jdbc.sql("""
                update catalog.service_item set form_definition = cast(:form as jsonb)
                 where code = :code and version = :version""")
                .param("form", formJson)
                .param("code", code)
                .param("version", version)
                .update();
    }

    /** Changes one material of a version in place (its position stays). */
    public int updateMaterial(String code, int version, MaterialView m) {
        return jdbc.sql("""
                update catalog.material set name = :name, necessity = :necessity, source = :source,
                       licence_type = :license
                 where code = :code and version = :version and seq = :seq""")
                .param("code", code)
                .param("version", version)
                .param("seq", m.seq())
                .param("name", m.name())
                .param("necessity", m.necessity())
                .param("source", m.source())
                .param("license", m.licenseType())
                .update();
    }

    public int removeMaterial(String code, int version, int seq) {
        return jdbc.sql("delete from catalog.material where code = :code and version = :version and seq = :seq")
                .param("code", code)
                .param("version", version)
                .param("seq", seq)
                .update();
    }

    public int nextMaterialSeq(String code, int version) {
        return jdbc.sql(
                        "select coalesce(max(seq), 0) + 1 from catalog.material where code = :code and version = :version")
                .param("code", code)
                .param("version", version)
                .query(Integer.class)
                .single();
    }

    public int setStatus(String code, String from, String to, @Nullable UUID by) {
        return jdbc.sql("""
                update catalog.service_item set status = :to, changed_by = :by,
                       published_at = case when :to = 'PUBLISHED' then now() else published_at end
                 where code = :code and status = :from""")
                .param("to", to)
                .param("by", by)
                .param("code", code)
                .param("from", from)
                .update();
    }

    public int count() {
        return jdbc.sql("select count(*) from catalog.service_item")
                .query(Integer.class)
                .single();
    }

    private List<MaterialView> materials(String code, int version) {
        return jdbc.sql("""
                select seq, name, necessity, source, licence_type from catalog.material
                 where code = :code and version = :version order by seq""")
                .param("code", code)
                .param("version", version)
                .query((rs, i) -> new MaterialView(
                        rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    private ItemView view(ResultSet rs) throws SQLException {
        var code = rs.getString("code");
        var version = rs.getInt("version");
        var published = rs.getTimestamp("published_at");
        return new ItemView(
                code,
                version,
                rs.getString("status"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                rs.getString("item_type"),
                rs.getString("item_level"),
                rs.getString("department_code"),
                rs.getString("department_zh"),
                rs.getString("department_en"),
                rs.getString("legal_basis"),
                rs.getString("conditions"),
                rs.getInt("statutory_limit"),
                rs.getInt("promised_limit"),
                rs.getString("limit_unit"),
                rs.getInt("visits"),
                rs.getInt("online_depth"),
                rs.getString("fee"),
                rs.getString("result_type"),
                rs.getString("faq"),
                strings(rs.getArray("channels")),
                strings(rs.getArray("themes")),
                rs.getInt("min_trust_level"),
                published == null ? null : published.toInstant(),
                materials(code, version),
                rs.getString("process_key"),
                strings(rs.getArray("joint_departments")),
                form(rs.getString("form_json"), strings(rs.getArray("channels"))));
    }

    /** The item's application form, read once with the row; a simple default when the item has none of its own. */
    private static org.tongban.catalog.FormDefinition form(@Nullable String json, List<String> channels) {
        return json == null
                ? org.tongban.catalog.DefaultForms.forChannels(channels)
                : org.tongban.catalog.FormDefinition.parse(json);
    }

    static String searchText(String nameZh, String nameEn) {
        return (nameZh + " " + nameEn.toLowerCase(Locale.ROOT) + " " + Pinyin.of(nameZh)).toLowerCase(Locale.ROOT);
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
