package org.tongban.healthcode.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.healthcode.HealthCodeAudit;
import org.tongban.healthcode.HealthCodeRefusedException;
import org.tongban.healthcode.HealthStatus;
import org.tongban.healthcode.InvalidHealthCodeInputException;
import org.tongban.identity.Departments;

/**
 * Venue codes (场所码): an official registers a venue of their department, whose QR holds the address
 * {@code /healthcode/venues/{code}}; a signed-in citizen who opens it records a visit with their colour at that
 * moment, and sees their visits; the venue's department sees how many visits a day, never who.
 */
@Service
public class Venues {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A venue as its department sees it. */
    public record Venue(UUID id, String code, String name, String address, String department, Instant registeredAt) {}

    /** A visit as the citizen sees it. */
    public record Visit(String venueName, String venueAddress, Instant at, HealthStatus status) {}

    /** Visits per day. */
    public record DayCount(LocalDate day, long visits) {}

    private final JdbcClient jdbc;
    private final Departments departments;
    private final AuditManagement audit;
    private final Clock clock;

    Venues(JdbcClient jdbc, Departments departments, AuditManagement audit, Clock clock) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Venue register(UUID official, String name, String address) {
        var department = departments.departmentOf(official).orElseThrow(HealthCodeRefusedException::notFound);
        var errors = new LinkedHashMap<String, String>();
        var n = name.strip();
        var a = address.strip();
        if (n.isEmpty() || n.length() > 60) errors.put("name", "healthcode.error.venueName");
        if (a.isEmpty() || a.length() > 120) errors.put("address", "healthcode.error.venueAddress");
        if (!errors.isEmpty()) throw new InvalidHealthCodeInputException(errors);
        var venue = new Venue(UUID.randomUUID(), newCode(), n, a, department, clock.instant());
        jdbc.sql("""
                insert into healthcode.venue (id, code, name, address, department, registered_by, registered_at)
                values (:id, :c, :n, :a, :d, :by, :at)""")
                .param("id", venue.id())
                .param("c", venue.code())
                .param("n", n)
                .param("a", a)
                .param("d", department)
                .param("by", official)
                .param("at", Timestamp.from(venue.registeredAt()))
                .update();
        audit.recordWithin(AuditRecord.success(
                HealthCodeAudit.HEALTHCODE_VENUE_REGISTERED,
                official.toString(),
                venue.id().toString(),
                Map.of("name", n, "department", department)));
        return venue;
    }

    /** A venue by the code its QR holds, for anyone signed in who scanned it. */
    @Transactional(readOnly = true)
    public Venue byCode(String code) {
        return jdbc.sql("select * from healthcode.venue where code = :c")
                .param("c", code)
                .query(Venues::row)
                .optional()
                .orElseThrow(HealthCodeRefusedException::notFound);
    }

    /** The venues of the official's department, newest first. */
    @Transactional(readOnly = true)
    public List<Venue> ofDepartment(UUID official) {
        var department = departments.departmentOf(official).orElse("");
        return jdbc.sql("select * from healthcode.venue where department = :d order by registered_at desc")
                .param("d", department)
                .query(Venues::row)
                .list();
    }

    /** A venue of the official's department; another department's is not found (audited). */
    @Transactional(readOnly = true)
    public Venue ownVenue(UUID official, UUID id) {
        var department = departments.departmentOf(official).orElse("");
        var venue = jdbc.sql("select * from healthcode.venue where id = :id")
                .param("id", id)
                .query(Venues::row)
                .optional()
                .orElse(null);
        if (venue == null || !venue.department().equals(department)) {
            audit.recordNow(AuditRecord.denied(
                    HealthCodeAudit.HEALTHCODE_REFUSED,
                    official.toString(),
                    id.toString(),
                    Map.of("reason", "NOT_OWN")));
            throw HealthCodeRefusedException.notFound();
        }
        return venue;
    }

    /** Visits a day for the last 14 days, newest first: counts, not names. */
    @Transactional(readOnly = true)
    public List<DayCount> counts(UUID official, UUID venue) {
        var v = ownVenue(official, venue);
        return jdbc.sql("""
                select (visited_at at time zone 'Asia/Shanghai')::date as day, count(*) from healthcode.visit
                 where venue_id = :v and visited_at > now() - interval '14 days' group by 1 order by 1 desc""")
                .param("v", v.id())
                .query((rs, i) -> new DayCount(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list();
    }

    public long total(UUID venue) {
        return jdbc.sql("select count(*) from healthcode.visit where venue_id = :v")
                .param("v", venue)
                .query(Long.class)
                .single();
    }

    @Transactional
    public Visit visit(UUID citizen, String code, HealthStatus status) {
        var venue = byCode(code);
        var at = clock.instant();
        jdbc.sql("""
                insert into healthcode.visit (venue_id, person_account, visited_at, status) values (:v, :p, :at, :s)""")
                .param("v", venue.id())
                .param("p", citizen)
                .param("at", Timestamp.from(at))
                .param("s", status.name())
                .update();
        return new Visit(venue.name(), venue.address(), at, status);
    }

    /** The citizen's own visits, newest first. */
    @Transactional(readOnly = true)
    public List<Visit> mine(UUID citizen) {
        return jdbc.sql("""
                select v.name, v.address, s.visited_at, s.status from healthcode.visit s
                  join healthcode.venue v on v.id = s.venue_id
                 where s.person_account = :p order by s.visited_at desc limit 100""")
                .param("p", citizen)
                .query((rs, i) -> new Visit(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        HealthStatus.valueOf(rs.getString(4))))
                .list();
    }

    private static Venue row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Venue(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("address"),
                rs.getString("department"),
                rs.getTimestamp("registered_at").toInstant());
    }

    private static String newCode() {
        var sb = new StringBuilder();
        for (int i = 0; i < 12; i++) sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return sb.toString();
    }
}
