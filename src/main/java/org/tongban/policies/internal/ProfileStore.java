package org.tongban.policies.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The enterprise profiles (policies.enterprise_profile). */
@Repository
public class ProfileStore {

    private static final String COLUMNS = """
            credit_code, name, industry, region, capital, established, size, headcount, tax_rating, licences,
            bad_record""";

    private final JdbcClient jdbc;

    ProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Profile> find(String creditCode) {
        return jdbc.sql("select " + COLUMNS + " from policies.enterprise_profile where credit_code = :c")
                .param("c", creditCode)
                .query((rs, i) -> map(rs))
                .optional();
    }

    /** Up to {@code limit} profiles after this credit code, in code order: one batch of a scan. */
    public List<Profile> batch(String after, int limit) {
        return jdbc.sql("select " + COLUMNS
                        + " from policies.enterprise_profile where credit_code > :after order by credit_code limit :n")
                .param("after", after)
                .param("n", limit)
                .query((rs, i) -> map(rs))
                .list();
    }

    /** Inserts or replaces the profile of its credit code. */
    public void save(Profile p, Instant at) {
        jdbc.sql("""
                insert into policies.enterprise_profile (credit_code, name, industry, region, capital, established,
                       size, headcount, tax_rating, licences, bad_record, updated_at)
                values (:code, :name, :industry, :region, :capital, :established, :size, :headcount, :rating,
                        string_to_array(:licences, ','), :bad, :at)
                on conflict (credit_code) do update set name = excluded.name, industry = excluded.industry,
                       region = excluded.region, capital = excluded.capital, established = excluded.established,
                       size = excluded.size, headcount = excluded.headcount, tax_rating = excluded.tax_rating,
                       licences = excluded.licences, bad_record = excluded.bad_record, updated_at = excluded.updated_at""")
                .param("code", p.creditCode())
                .param("name", p.name())
                .param("industry", p.industry())
                .param("region", p.region())
                .param("capital", p.capital())
                .param("established", p.established())
                .param("size", p.size())
                .param("headcount", p.headcount())
                .param("rating", p.taxRating())
                .param("licences", String.join(",", p.licences()))
                .param("bad", p.badRecord())
                .param("at", Timestamp.from(at))
                .update();
    }

    public long count() {
        return jdbc.sql("select count(*) from policies.enterprise_profile")
                .query(Long.class)
                .single();
    }

    static Profile map(ResultSet rs) throws SQLException {
        return new Profile(
                rs.getString("credit_code"),
                rs.getString("name"),
                rs.getString("industry"),
                rs.getString("region"),
                rs.getLong("capital"),
                rs.getObject("established", java.time.LocalDate.class),
                rs.getString("size"),
                rs.getInt("headcount"),
                rs.getString("tax_rating"),
                strings(rs.getArray("licences")),
                rs.getBoolean("bad_record"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(String.class::cast)
                .toList();
    }
}
