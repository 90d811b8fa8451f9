package org.tongban.licenses.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.identity.Departments;
import org.tongban.licenses.LicenseIssued;
import org.tongban.licenses.LicenseStatus;
import org.tongban.licenses.LicenseStatusChanged;
import org.tongban.verifier.Json;

/**
 * Seeds the license types ({@code licenses/types.json}: 38 real types of persons and enterprises) and the demo
 * people's and enterprises' licenses ({@code licenses/demo-licenses.json}: 张三, 李四, 王五 and their two enterprises,
 * one license suspended and one revoked to show verification failing) once, after identity's demo data. Not in the
 * production profile, which seeds nothing.
 */
@Component
@Order(40)
class DemoLicenses implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLicenses.class);
    static final String ACTOR = "system:demo-data";

    private final LicenseTypeStore types;
    private final Issuer issuer;
    private final LicenseStatusStore store;
    private final Departments identity;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Environment environment;

    private final Clock clock;

    DemoLicenses(
            LicenseTypeStore types,
            Issuer issuer,
            LicenseStatusStore store,
            Departments identity,
            JdbcClient jdbc,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            Environment environment,
            Clock clock) {
        this.clock = clock;
        this.types = types;
        this.issuer = issuer;
        this.store = store;
        this.identity = identity;
        this.jdbc = jdbc;
        this.tx = tx;
        this.events = events;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (environment.acceptsProfiles(Profiles.of("production"))
                || !environment.getProperty("tongban.demo-data.enabled", Boolean.class, true)) {
            return;
        }
        var typeJson = read("licenses/types.json");
        var licenseJson = read("licenses/demo-licenses.json");
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.demo-licences'))")
                    .query()
                    .singleValue();
            if (types.count() > 0) return;
            for (var t : typeJson) types.insert(LicenseTypeStore.fromJson(t));
            int n = seedLicenses(licenseJson);
            log.info("Demo licenses seeded: {} license types, {} licenses", typeJson.size(), n);
        });
    }

    @SuppressWarnings("unchecked")
    private int seedLicenses(List<Map<String, Object>> entries) {
        int issued = 0;
        var today = LocalDate.now(clock);
        for (var e : entries) {
            var type = types.find(JsonMaps.text(e, "type")).orElseThrow();
            var department = identity.department(JsonMaps.text(e, "department")).orElse(null);
            if (department == null || department.creditCode() == null) {
                log.warn(
                        "Demo license of type {} skipped: department {} does not exist",
                        type.code(),
                        e.get("department"));
                continue;
            }
            var validFrom = e.get("validFrom") == null ? null : LocalDate.parse((String) e.get("validFrom"));
            var command = new IssueLicense(
                    type.code(),
                    JsonMaps.text(e, "holderName"),
                    JsonMaps.text(e, "holderId"),
                    (Map<String, String>) (Map<?, ?>) JsonMaps.object(e, "data"),
                    (String) e.get("number"),
                    validFrom,
                    null);
            var checked = Drafts.check(type, command, today);
            if (!checked.ok())
                throw new IllegalStateException("demo license of " + type.code() + " is invalid: " + checked.errors());
            var now = Instant.now();
            var outcome = issuer.issue(
                            List.of(new Issuer.Placement(checked.valid(), department, null, null, null, null)),
                            ACTOR,
                            now)
                    .getFirst();
            var row = outcome.row();
            events.publishEvent(new LicenseIssued(
                    row.identifier(),
                    row.type(),
                    row.issuerDepartment(),
                    row.holderNameMasked(),
                    null,
                    null,
                    ACTOR,
                    now));
            issued++;
            if (e.get("status") != null) {
                var to = LicenseStatus.valueOf((String) e.get("status"));
                var reason = JsonMaps.text(e, "reason");
                store.changeStatus(row.id(), LicenseStatus.VALID, to, reason, ACTOR, now);
                events.publishEvent(
                        new LicenseStatusChanged(row.identifier(), LicenseStatus.VALID, to, reason, ACTOR, now));
            }
        }
        return issued;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> read(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            var list = new ArrayList<Map<String, Object>>();
            for (var o : (List<Object>) Json.parse(in.readAllBytes())) list.add((Map<String, Object>) o);
            return list;
        }
    }
}
