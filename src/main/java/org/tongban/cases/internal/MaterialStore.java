package org.tongban.cases.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.platform.FieldProtection;

/**
 * The applicants' uploads ({@code cases.upload}) and the materials attached to a case ({@code cases.case_material}):
 * an upload, or an electronic license with the data the handling department may see. Contents and license data
 * are sealed, bound to their row.
 */
@Component
public class MaterialStore {

    private final JdbcClient jdbc;
    private final FieldProtection protection;

    MaterialStore(JdbcClient jdbc, FieldProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    public void saveUpload(
            UUID id, UUID owner, String fileName, String contentType, byte[] content, String digest, Instant at) {
        jdbc.sql("""
                insert into cases.upload (id, owner_id, file_name, content_type, size, digest, content_sealed, created_at)
                values (:id, :o, :f, :t, :s, :d, :c, :at)""")
                .param("id", id)
                .param("o", owner)
                .param("f", fileName)
                .param("t", contentType)
                .param("s", content.length)
                .param("d", digest)
                .param("c", protection.seal(content, SealedPlaces.uploadPlace(id)))
                .param("at", Timestamp.from(at))
                .update();
    }

    /** An upload with its owner and the case it is attached to, if any. */
    public record UploadRow(
            UploadView view, UUID owner, @Nullable String caseNumber) {}

    public Optional<UploadRow> upload(UUID id) {
        return jdbc.sql(
                        "select id, file_name, content_type, size, created_at, owner_id, case_number from cases.upload where id = :id")
                .param("id", id)
                .query((rs, i) -> new UploadRow(
                        new UploadView(
                                rs.getObject(1, UUID.class),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getInt(4),
                                rs.getTimestamp(5).toInstant()),
                        rs.getObject(6, UUID.class),
                        rs.getString(7)))
                .optional();
    }

    public Optional<byte[]> content(UUID id) {
        return jdbc.sql("select content, content_sealed from cases.upload where id = :id")
                .param("id", id)
                .query((rs, i) -> rs.getBytes(2) == null
                        ? rs.getBytes(1)
                        : protection.open(rs.getBytes(2), SealedPlaces.uploadPlace(id)))
                .optional();
    }

    /** Detaches the case's materials (a correction replaces them); its uploads may be attached again. */
    public void replaceMaterials(String number) {
        jdbc.sql("update cases.upload set case_number = null where case_number = :n")
                .param("n", number)
                .update();
        jdbc.sql("delete from cases.case_material where number = :n")
                .param("n", number)
                .update();
    }

    public void uploadMaterial(String number, int seq, String name, UUID upload) {
        jdbc.sql(
                        "insert into cases.case_material (number, seq, name, kind, upload_id) values (:n, :s, :name, 'UPLOAD', :u)")
                .param("n", number)
                .param("s", seq)
                .param("name", name)
                .param("u", upload)
                .update();
        jdbc.sql("update cases.upload set case_number = :n where id = :u")
                .param("n", number)
                .param("u", upload)
                .update();
    }

    public void licenseMaterial(String number, int seq, String name, String licenseId, String data) {
        jdbc.sql("""
                insert into cases.case_material (number, seq, name, kind, licence_id, licence_data_sealed)
                values (:n, :s, :name, 'LICENCE', :l, :data)""")
                .param("n", number)
                .param("s", seq)
                .param("name", name)
                .param("l", licenseId)
                .param("data", protection.encrypt(data, SealedPlaces.licenseDataPlace(number, seq)))
                .update();
    }
}
