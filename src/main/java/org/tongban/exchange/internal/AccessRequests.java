package org.tongban.exchange.internal;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditManagement;
import org.tongban.audit.AuditRecord;
import org.tongban.exchange.ExchangeAudit;
import org.tongban.exchange.ExchangeRefusedException;
import org.tongban.exchange.InvalidExchangeInputException;
import org.tongban.identity.Departments;
import org.tongban.identity.ServiceClients;
import org.tongban.shared.Refusal;

/**
 * Access requests between departments and the grants they become: a department asks for fields of another's resource
 * (a 不予共享 field is refused on its field), the owner approves (possibly fewer fields and an earlier end), or refuses
 * with a reason; approval registers an OAuth2 client-credentials client whose scope names the grant (ADR 0032). Either
 * department may revoke a grant: its client's secret ends and the gateway refuses its calls at once.
 */
@Service
public class AccessRequests {

    static final String SCOPE_PREFIX = "exchange:";
    static final int MAX_DAYS = 3 * 366;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Catalogue catalogue;
    private final Departments departments;
    private final ServiceClients clients;
    private final AuditManagement audit;
    private final Clock clock;

    AccessRequests(
            JdbcClient jdbc,
            Catalogue catalogue,
            Departments departments,
            ServiceClients clients,
            AuditManagement audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.departments = departments;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    public static String scopeOf(UUID request) {
        return SCOPE_PREFIX + request;
    }

    private String departmentOf(UUID official) {
        return departments
                .departmentOf(official)
                .orElseThrow(() -> new ExchangeRefusedException(Refusal.Kind.FORBIDDEN, "exchange.error.noDepartment"));
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional
    public RequestView request(UUID official, NewRequest cmd) {
        var dept = departmentOf(official);
        var errors = new LinkedHashMap<String, String>();
        var resource = catalogue.find(cmd.resource().strip());
        if (resource.isEmpty()) errors.put("resource", "exchange.request.error.resource");
        else if (resource.get().ownerDepartment().equals(dept)) errors.put("resource", "exchange.request.error.own");
        var fields = cmd.fields().stream()
                .map(String::strip)
                .filter(f -> !f.isEmpty())
                .distinct()
                .toList();
        if (resource.isPresent()) {
            if (fields.isEmpty()) errors.put("fields", "exchange.request.error.noFields");
            for (var f : fields) {
                var field = resource.get().field(f);
                if (field.isEmpty()) errors.put("fields", "exchange.request.error.unknownField");
                else if (field.get().shareClass() == ShareClass.NONE)
                    errors.put("fields", "exchange.request.error.notShared");
            }
        }
        if (cmd.purpose().isBlank() || cmd.purpose().strip().length() > 200)
            errors.put("purpose", "exchange.request.error.purpose");
        if (cmd.legalBasis().isBlank() || cmd.legalBasis().strip().length() > 200)
            errors.put("legalBasis", "exchange.request.error.legalBasis");
        var from = date(cmd.validFrom(), "validFrom", errors);
        var until = date(cmd.validUntil(), "validUntil", errors);
        if (from != null && from.isBefore(today())) errors.put("validFrom", "exchange.request.error.past");
        if (from != null && until != null) {
            if (until.isBefore(from)) errors.put("validUntil", "exchange.request.error.beforeStart");
            else if (until.isAfter(from.plusDays(MAX_DAYS))) errors.put("validUntil", "exchange.request.error.tooLong");
        }
        if (!errors.isEmpty()) {
            if (resource.isPresent() && "exchange.request.error.notShared".equals(errors.get("fields"))) {
                audit.recordNow(AuditRecord.denied(
                        ExchangeAudit.EXCHANGE_ACCESS_REQUESTED,
                        official.toString(),
                        resource.get().code(),
                        Map.of("department", dept, "reason", "NOT_SHARED", "fields", String.join(",", fields))));
            }
            throw new InvalidExchangeInputException(errors);
        }
        var id = UUID.randomUUID();
        jdbc.sql("""
                insert into exchange.access_request (id, resource_code, requester_department, requested_by, fields,
                       purpose, legal_basis, valid_from, valid_until, status, created_at)
                values (:id, :r, :d, :by, :f, :p, :l, :from, :until, 'PENDING', :at)""")
                .param("id", id)
                .param("r", resource.orElseThrow().code())
                .param("d", dept)
                .param("by", official)
                .param("f", fields.toArray(String[]::new))
                .param("p", cmd.purpose().strip())
                .param("l", cmd.legalBasis().strip())
                .param("from", from)
                .param("until", until)
                .param("at", Timestamp.from(clock.instant()))
                .update();
        audit.recordWithin(AuditRecord.success(
                ExchangeAudit.EXCHANGE_ACCESS_REQUESTED,
                official.toString(),
                resource.get().code(),
                Map.of("request", id.toString(), "department", dept, "fields", String.join(",", fields))));
        return load(id).orElseThrow();
    }

    private static @Nullable LocalDate date(String raw, String field, Map<String, String> errors) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, "exchange.request.error.date");
            return null;
        }
    }

    /** The request, for an official of either department; another's is not found. */
    @Transactional(readOnly = true)
    public RequestView find(UUID official, UUID id) {
        var dept = departmentOf(official);
        return load(id).filter(r -> r.ownerDepartment().equals(dept)
                        || r.requesterDepartment().equals(dept))
                .orElseThrow(ExchangeRefusedException::notFound);
    }

    /** Requests to the official's department's resources, pending first. */
    @Transactional(readOnly = true)
    public List<RequestView> incoming(UUID official) {
        var dept = departmentOf(official);
        return list("r.owner_department = :d", dept);
    }

    /** The official's department's own requests. */
    @Transactional(readOnly = true)
    public List<RequestView> outgoing(UUID official) {
        var dept = departmentOf(official);
        return list("a.requester_department = :d", dept);
    }

    /** The owner approves, with the fields and the last day it grants (at most those asked). */
    @Transactional
    public IssuedCredential approve(UUID official, UUID id, List<String> fields, String grantedUntil) {
        var request = ownersPending(official, id);
        var errors = new LinkedHashMap<String, String>();
        var granted = fields.stream()
                .map(String::strip)
                .filter(f -> !f.isEmpty())
                .distinct()
                .toList();
        if (granted.isEmpty()) errors.put("fields", "exchange.decide.error.noFields");
        else if (!request.fields().containsAll(granted)) errors.put("fields", "exchange.decide.error.moreFields");
        var until = grantedUntil.isBlank() ? request.validUntil() : date(grantedUntil, "grantedUntil", errors);
        if (until != null && (until.isAfter(request.validUntil()) || until.isBefore(request.validFrom())))
            errors.put("grantedUntil", "exchange.decide.error.until");
        if (!errors.isEmpty()) throw new InvalidExchangeInputException(errors);
        var clientId = "exchange-" + id;
        var secret = secret();
        var scope = scopeOf(id);
        var end = java.util.Objects.requireNonNull(until)
                .plusDays(1)
                .atStartOfDay(clock.getZone())
                .toInstant();
        clients.register(
                clientId, request.requesterNameZh() + " → " + request.resourceName(), secret, Set.of(scope), end);
        jdbc.sql("""
                update exchange.access_request set status = 'APPROVED', granted_fields = :f, granted_until = :u,
                       decided_by = :by, decided_at = :at, client_id = :c where id = :id and status = 'PENDING'""")
                .param("f", granted.toArray(String[]::new))
                .param("u", until)
                .param("by", official)
                .param("at", Timestamp.from(clock.instant()))
                .param("c", clientId)
                .param("id", id)
                .update();
        audit.recordWithin(AuditRecord.success(
                ExchangeAudit.EXCHANGE_ACCESS_APPROVED,
                official.toString(),
                request.resourceCode(),
                Map.of(
                        "request", id.toString(),
                        "requester", request.requesterDepartment(),
                        "fields", String.join(",", granted),
                        "until", String.valueOf(until),
                        "narrowed",
                                Boolean.toString(
                                        granted.size() < request.fields().size()
                                                || !request.validUntil().equals(until)))));
        return new IssuedCredential(clientId, secret, scope, "/oauth2/token");
    }

    @Transactional
    public RequestView refuse(UUID official, UUID id, String reason) {
        var request = ownersPending(official, id);
        if (reason.isBlank() || reason.strip().length() > 500)
            throw new InvalidExchangeInputException(Map.of("reason", "exchange.decide.error.reason"));
        jdbc.sql("""
                update exchange.access_request set status = 'REFUSED', decision_reason = :r, decided_by = :by,
                       decided_at = :at where id = :id and status = 'PENDING'""")
                .param("r", reason.strip())
                .param("by", official)
                .param("at", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        audit.recordWithin(AuditRecord.success(
                ExchangeAudit.EXCHANGE_ACCESS_REFUSED,
                official.toString(),
                request.resourceCode(),
                Map.of("request", id.toString(), "requester", request.requesterDepartment())));
        return load(id).orElseThrow();
    }

    /** Either department ends a grant at once: its client gets no new token and the gateway refuses its calls. */
    @Transactional
    public RequestView revoke(UUID official, UUID id) {
        var request = find(official, id);
        if (request.status() != RequestStatus.APPROVED)
            throw new ExchangeRefusedException(Refusal.Kind.CONFLICT, "exchange.error.notApproved");
        jdbc.sql("update exchange.access_request set status = 'REVOKED', revoked_at = :at where id = :id")
                .param("at", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        if (request.clientId() != null) clients.disable(request.clientId());
        audit.recordWithin(AuditRecord.success(
                ExchangeAudit.EXCHANGE_GRANT_REVOKED,
                official.toString(),
                request.resourceCode(),
                Map.of("request", id.toString(), "requester", request.requesterDepartment())));
        return load(id).orElseThrow();
    }

    private RequestView ownersPending(UUID official, UUID id) {
        var dept = departmentOf(official);
        var request =
                load(id).filter(r -> r.ownerDepartment().equals(dept)).orElseThrow(ExchangeRefusedException::notFound);
        if (!request.pending()) throw new ExchangeRefusedException(Refusal.Kind.CONFLICT, "exchange.error.decided");
        return request;
    }

    private static String secret() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The grant named by a client id (the gateway's look-up). */
    @Transactional(readOnly = true)
    public Optional<RequestView> byClient(String clientId) {
        return jdbc.sql(SELECT + " where a.client_id = :c")
                .param("c", clientId)
                .query(this::map)
                .optional();
    }

    /** Active grants on personal resources with a conditional field: the purposes a citizen may consent to. */
    @Transactional(readOnly = true)
    public List<RequestView> needingConsent() {
        var today = today();
        return jdbc
                .sql(SELECT + " where a.status = 'APPROVED' and r.personal and r.subject_kind = 'PERSON'"
                        + " order by a.decided_at desc")
                .query(this::map)
                .list()
                .stream()
                .filter(g -> g.activeOn(today) && needsConsent(g))
                .toList();
    }

    /** Whether a grant reads a personal conditional field, which needs the subject's consent (ADR 0033). */
    public boolean needsConsent(RequestView grant) {
        var resource = catalogue.find(grant.resourceCode()).orElseThrow();
        if (!resource.personal() || resource.subjectKind() != SubjectKind.PERSON) return false;
        var fields = grant.grantedFields() == null ? grant.fields() : grant.grantedFields();
        return fields.stream()
                .anyMatch(f -> resource.field(f)
                        .map(x -> x.shareClass() == ShareClass.CONDITIONAL)
                        .orElse(false));
    }

    Optional<RequestView> load(UUID id) {
        return jdbc.sql(SELECT + " where a.id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    private List<RequestView> list(String where, String dept) {
        return jdbc.sql(SELECT + " where " + where
                        + " order by case a.status when 'PENDING' then 0 else 1 end, a.created_at desc limit 200")
                .param("d", dept)
                .query(this::map)
                .list();
    }

    private static final String SELECT = """
            select a.id, a.resource_code, r.name, r.owner_department, a.requester_department, a.fields, a.purpose,
                   a.legal_basis, a.valid_from, a.valid_until, a.status, a.granted_fields, a.granted_until,
                   a.decision_reason, a.decided_at, a.client_id, a.created_at
              from exchange.access_request a join exchange.resource r on r.code = a.resource_code""";

    private RequestView map(ResultSet rs, int i) throws SQLException {
        var owner = rs.getString(4);
        var requester = rs.getString(5);
        var o = departments.department(owner);
        var q = departments.department(requester);
        var decided = rs.getTimestamp(15);
        var grantedUntil = rs.getDate(13);
        return new RequestView(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                owner,
                o.map(d -> d.nameZh()).orElse(owner),
                o.map(d -> d.nameEn()).orElse(owner),
                requester,
                q.map(d -> d.nameZh()).orElse(requester),
                q.map(d -> d.nameEn()).orElse(requester),
                strings(rs.getArray(6)),
                rs.getString(7),
                rs.getString(8),
                rs.getDate(9).toLocalDate(),
                rs.getDate(10).toLocalDate(),
                RequestStatus.valueOf(rs.getString(11)),
                rs.getArray(12) == null ? null : strings(rs.getArray(12)),
                grantedUntil == null ? null : grantedUntil.toLocalDate(),
                rs.getString(14),
                decided == null ? null : decided.toInstant(),
                rs.getString(16),
                rs.getTimestamp(17).toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
