package org.tongban.identity.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.platform.FieldProtection;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;

/**
 * Reads and writes natural persons in the {@code identity} schema. Personal data goes through
 * {@link FieldProtection}: encrypted columns for reading back, blind indexes for look-ups.
 */
@Component
public class PersonStore {

    static final String ID_NUMBER = "identity.person.id_number";
    static final String PHONE = "identity.person.phone";

    private final JdbcClient jdbc;
    private final FieldProtection protection;

    PersonStore(JdbcClient jdbc, FieldProtection protection) {
        this.jdbc = jdbc;
        this.protection = protection;
    }

    public byte[] idNumberIndex(IdNumber id) {
        return protection.blindIndex(id.value(), ID_NUMBER);
    }

    public byte[] phoneIndex(PhoneNumber phone) {
        return protection.blindIndex(phone.value(), PHONE);
    }

    public boolean idNumberTaken(IdNumber id) {
        return jdbc.sql("select count(*) from identity.person where id_number_idx = :v")
                        .param("v", idNumberIndex(id))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public boolean phoneTaken(PhoneNumber phone) {
        return jdbc.sql("select count(*) from identity.person where phone_idx = :v")
                        .param("v", phoneIndex(phone))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    public UUID insertPerson(String name, IdNumber id, @Nullable PhoneNumber phone, int trustLevel) {
        var personId = UUID.randomUUID();
        jdbc.sql("""
                insert into identity.person (id, name, id_number_enc, id_number_idx, id_number_masked, phone_enc,
                       phone_idx, phone_masked, birth_date, sex, trust_level, created_at)
                values (:id, :name, :idEnc, :idIdx, :idMasked, :phoneEnc, :phoneIdx, :phoneMasked, :birth, :sex,
                        :level, now())""")
                .param("id", personId)
                .param("name", name)
                .param("idEnc", protection.encrypt(id.value(), ID_NUMBER))
                .param("idIdx", idNumberIndex(id))
                .param("idMasked", id.masked())
                .param("phoneEnc", phone == null ? null : protection.encrypt(phone.value(), PHONE))
                .param("phoneIdx", phone == null ? null : phoneIndex(phone))
                .param("phoneMasked", phone == null ? null : phone.masked())
                .param("birth", id.birthDate())
                .param("sex", id.sex().name())
                .param("level", trustLevel)
                .update();
        return personId;
    }

    public void setTrustLevel(UUID personId, int level) {
        jdbc.sql("update identity.person set trust_level = :l, version = version + 1 where id = :id")
                .param("l", level)
                .param("id", personId)
                .update();
    }

    public void setPhone(UUID personId, PhoneNumber phone) {
        jdbc.sql("""
                update identity.person set phone_enc = :enc, phone_idx = :idx, phone_masked = :masked,
                       version = version + 1 where id = :id""")
                .param("enc", protection.encrypt(phone.value(), PHONE))
                .param("idx", phoneIndex(phone))
                .param("masked", phone.masked())
                .param("id", personId)
                .update();
    }

    /** Decrypts a person's ID number: only for checks against a register, never for display. */
    public IdNumber idNumberOf(UUID personId) {
        var enc = jdbc.sql("select id_number_enc from identity.person where id = :id")
                .param("id", personId)
                .query(byte[].class)
                .single();
        return IdNumber.parse(protection.decrypt(enc, ID_NUMBER));
    }

    /** Decrypts a person's phone, to send a code to it. */
    public Optional<PhoneNumber> phoneOf(UUID personId) {
        var enc = jdbc.sql("select phone_enc from identity.person where id = :id")
                .param("id", personId)
                .query((rs, i) -> rs.getBytes(1))
                .optional();
        return enc.filter(e -> e != null).map(e -> PhoneNumber.parse(protection.decrypt(e, PHONE)));
    }

    /** The names of the persons holding these accounts, by account (accounts without a person are left out). */
    public Map<UUID, String> namesByAccount(Collection<UUID> accountIds) {
        var names = new HashMap<UUID, String>();
        if (accountIds.isEmpty()) return names;
        jdbc.sql("""
                select a.id, p.name from identity.account a join identity.person p on p.id = a.person_id
                 where a.id = any(:ids)""")
                .param("ids", accountIds.toArray(UUID[]::new))
                .query((rs, i) -> names.put(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
        return names;
    }

    public record PersonRow(
            UUID personId,
            String name,
            String maskedIdNumber,
            @Nullable String maskedPhone,
            LocalDate birthDate,
            String sex,
            int trustLevel) {}

    public PersonRow person(UUID personId) {
        return jdbc.sql("""
                select id, name, id_number_masked, phone_masked, birth_date, sex, trust_level
                  from identity.person where id = :id""")
                .param("id", personId)
                .query((rs, i) -> new PersonRow(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, LocalDate.class),
                        rs.getString(6),
                        rs.getInt(7)))
                .single();
    }
}
