package org.tongban.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.platform.FieldProtection;

/** Applications saved to finish later ({@code cases.draft}), one per applicant and item; answers are sealed. */
@Component
public class DraftStore {

    private final JdbcClient jdbc;
    private final FieldProtection protection;

    DraftStore(JdbcClient jdbc, FieldProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    public void saveDraft(
            UUID applicant, String itemCode, Map<String, String> form, Map<Integer, String> materials, Instant at) {
        var m = new TreeMap<String, String>();
        materials.forEach((k, v) -> m.put(k.toString(), v));
        jdbc.sql("""
                insert into cases.draft (applicant_id, item_code, form_sealed, materials, updated_at)
                values (:a, :i, :f, cast(:m as jsonb), :at)
                on conflict (applicant_id, item_code) do update set form_sealed = excluded.form_sealed, form_data = null,
                       materials = excluded.materials, updated_at = excluded.updated_at""")
                .param("a", applicant)
                .param("i", itemCode)
                .param("f", protection.encrypt(SealedPlaces.json(form), SealedPlaces.draftPlace(applicant, itemCode)))
                .param("m", SealedPlaces.json(m))
                .param("at", Timestamp.from(at))
                .update();
    }

    public Optional<DraftView> draft(UUID applicant, String itemCode) {
        return jdbc.sql("""
                select form_data::text, materials::text, updated_at, form_sealed from cases.draft
                 where applicant_id = :a and item_code = :i""")
                .param("a", applicant)
                .param("i", itemCode)
                .query((rs, i) -> {
                    var materials = new TreeMap<Integer, String>();
                    SealedPlaces.form(rs.getString(2)).forEach((k, v) -> materials.put(Integer.valueOf(k), v));
                    var sealed = rs.getBytes(4);
                    var answers = sealed == null
                            ? SealedPlaces.form(rs.getString(1))
                            : SealedPlaces.form(
                                    protection.decrypt(sealed, SealedPlaces.draftPlace(applicant, itemCode)));
                    return new DraftView(
                            itemCode, answers, materials, rs.getTimestamp(3).toInstant());
                })
                .optional();
    }

    /** The applicant's saved drafts, newest first: the item and when it was last saved (answers stay sealed). */
    public List<SavedDraft> drafts(UUID applicant) {
        return jdbc.sql("""
                select item_code, updated_at from cases.draft where applicant_id = :a
                 order by updated_at desc, item_code""")
                .param("a", applicant)
                .query((rs, i) ->
                        new SavedDraft(rs.getString(1), rs.getTimestamp(2).toInstant()))
                .list();
    }

    public void deleteDraft(UUID applicant, String itemCode) {
        jdbc.sql("delete from cases.draft where applicant_id = :a and item_code = :i")
                .param("a", applicant)
                .param("i", itemCode)
                .update();
    }
}
