package org.tongban.notices.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.notices.InvalidNoticeException;
import org.tongban.shared.GmCrypto;

/**
 * The attachments of notices and meetings: at most {@link #MAX_FILES} of at most {@link #MAX_BYTES} each, typed by
 * their content (PDF, JPEG, PNG, DOCX), kept in the module's own table. Who may read one is the caller's check
 * ({@link Notices#attachment}, {@link Meetings#attachment}).
 */
@Component
public class Attachments {

    public static final int MAX_BYTES = 10 * 1024 * 1024;
    public static final int MAX_FILES = 5;

    /** A file as received: its name and content. */
    public record Upload(String name, byte[] content) {}

    /** An attachment as listed (without its content). */
    public record Info(UUID id, String name, String type, int size) {}

    /** An attachment to send: its name, type and content. */
    public record File(String name, String type, byte[] content) {}

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Checks every file before anything is written; the errors go on the {@code files} field. */
    public static List<Upload> check(List<Upload> uploads, LinkedHashMap<String, String> errors) {
        var kept = uploads.stream()
                .filter(u -> u.content().length > 0 || !u.name().isBlank())
                .toList();
        if (kept.size() > MAX_FILES) errors.put("files", "notices.error.file.tooMany");
        for (var u : kept) {
            var name = clean(u.name());
            if (name.isEmpty() || name.length() > 200) errors.putIfAbsent("files", "notices.error.file.name");
            else if (u.content().length == 0) errors.putIfAbsent("files", "notices.error.file.empty");
            else if (u.content().length > MAX_BYTES) errors.putIfAbsent("files", "notices.error.file.tooLarge");
            else {
                var type = AttachmentTypes.sniff(u.content());
                if (type.isEmpty()) errors.putIfAbsent("files", "notices.error.file.type");
                else if (!AttachmentTypes.extensionFits(name, type.get()))
                    errors.putIfAbsent("files", "notices.error.file.extension");
            }
        }
        return kept;
    }

    static String clean(String name) {
        return name.strip().replaceAll("[\\\\/\\p{Cntrl}]", "_");
    }

    void save(String ownerKind, UUID owner, List<Upload> uploads, Instant at) {
        for (var u : uploads) {
            var type = AttachmentTypes.sniff(u.content())
                    .orElseThrow(
                            () -> new InvalidNoticeException(java.util.Map.of("files", "notices.error.file.type")));
            jdbc.sql("""
                    insert into notices.attachment (id, owner_kind, owner_id, name, type, size, sm3, content, added_at)
                    values (:id, :kind, :owner, :name, :type, :size, :sm3, :content, :at)""")
                    .param("id", UUID.randomUUID())
                    .param("kind", ownerKind)
                    .param("owner", owner)
                    .param("name", clean(u.name()))
                    .param("type", type)
                    .param("size", u.content().length)
                    .param("sm3", GmCrypto.hex(GmCrypto.sm3(u.content())))
                    .param("content", u.content())
                    .param("at", Timestamp.from(at))
                    .update();
        }
    }

    int count(String ownerKind, UUID owner) {
        return jdbc.sql("select count(*) from notices.attachment where owner_kind = :k and owner_id = :o")
                .param("k", ownerKind)
                .param("o", owner)
                .query(Integer.class)
                .single();
    }

    public List<Info> of(String ownerKind, UUID owner) {
        return jdbc.sql("""
                select id, name, type, size from notices.attachment
                 where owner_kind = :k and owner_id = :o order by added_at, name""")
                .param("k", ownerKind)
                .param("o", owner)
                .query((rs, i) -> new Info(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    Optional<File> file(String ownerKind, UUID owner, UUID id) {
        return jdbc.sql("""
                select name, type, content from notices.attachment
                 where id = :id and owner_kind = :k and owner_id = :o""")
                .param("id", id)
                .param("k", ownerKind)
                .param("o", owner)
                .query((rs, i) -> new File(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }
}
