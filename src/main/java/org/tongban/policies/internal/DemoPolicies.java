package org.tongban.policies.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.tongban.identity.Departments;
import org.tongban.shared.CreditCode;

/**
 * Seeds the demo enterprise profiles ({@code policies/demo-profiles.psv}) and the twelve demo policies
 * ({@code policies/demo-policies.psv}), each drafted and published by an official of its issuing department through
 * the real flow, so every demo rule has passed the compiler; the human-resources bureau confirms its 免申即享
 * policy's matched list, so 王五's company has a benefit and a message. Once, after the catalogue and identity; not
 * in the production profile.
 */
@Component
@Order(60)
class DemoPolicies implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPolicies.class);
    private static final String CONFIRMED = "440100-RS";

    private final Policies policies;
    private final PolicyOffers offers;
    private final ProfileStore profiles;
    private final Departments departments;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Environment environment;
    private final java.time.Clock clock;

    DemoPolicies(
            Policies policies,
            PolicyOffers offers,
            ProfileStore profiles,
            Departments departments,
            JdbcClient jdbc,
            TransactionTemplate tx,
            Environment environment,
            java.time.Clock clock) {
        this.policies = policies;
        this.offers = offers;
        this.profiles = profiles;
        this.departments = departments;
        this.jdbc = jdbc;
        this.tx = tx;
        this.environment = environment;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (environment.acceptsProfiles(Profiles.of("production"))
                || !environment.getProperty("tongban.demo-data.enabled", Boolean.class, true)) {
            return;
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.demo-policies'))")
                    .query()
                    .singleValue();
            for (var f : lines("policies/demo-profiles.psv", -1)) {
                var code = CreditCode.parse(f[0] + CreditCode.checkChar(f[0])).value();
                if (profiles.find(code).isPresent()) continue;
                var licences = f[9].isEmpty() ? List.<String>of() : Arrays.asList(f[9].split(","));
                offers.updateProfile(
                        "system:demo-data",
                        new Profile(
                                code,
                                f[1],
                                f[2],
                                f[3],
                                Long.parseLong(f[4]),
                                LocalDate.parse(f[5]),
                                f[6],
                                Integer.parseInt(f[7]),
                                f[8],
                                licences,
                                Boolean.parseBoolean(f[10])));
            }
            var count = jdbc.sql("select count(*) from policies.policy")
                    .query(Long.class)
                    .single();
            if (count > 0) return;
            var n = 0;
            for (var f : lines("policies/demo-policies.psv", 9)) if (seed(f)) n++;
            log.info("Demo policies seeded: {} profiles, {} policies", profiles.count(), n);
        });
    }

    private boolean seed(String[] f) {
        var officials = departments.officialsOf(f[0]);
        if (officials.isEmpty()) return false;
        var official = officials.getFirst();
        var form = new LinkedMultiValueMap<String, String>();
        form.add("automatic", f[1]);
        form.add("serviceItem", f[2]);
        form.add("titleZh", f[3]);
        form.add("titleEn", f[4]);
        form.add("benefitZh", f[5]);
        form.add("benefitEn", f[6]);
        form.add("documents", f[7].replace("\\n", "\n"));
        var year = LocalDate.now(clock).getYear();
        form.add("validFrom", LocalDate.of(year, 1, 1).toString());
        form.add("validTo", LocalDate.of(year + 1, 12, 31).toString());
        var conditions = f[8].split(";;");
        for (int i = 0; i < conditions.length; i++) {
            var c = conditions[i].split("~", -1);
            form.add("expression" + i, c[0]);
            form.add("wordingZh" + i, c[1]);
            form.add("wordingEn" + i, c[2]);
        }
        var id = policies.draft(official, form);
        policies.publish(official, id);
        if (f[0].equals(CONFIRMED) && "true".equals(f[1])) {
            var codes = offers.matches(official, id).stream()
                    .map(PolicyViews.Match::creditCode)
                    .toList();
            if (!codes.isEmpty()) offers.grant(official, id, codes);
        }
        return true;
    }

    /** The lines of a resource, split at |; the last of {@code limit} fields keeps its own (a rule's ||). */
    private static List<String[]> lines(String resource, int limit) {
        var out = new ArrayList<String[]>();
        try (var in = new BufferedReader(
                new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null)
                if (!line.isBlank() && !line.startsWith("#")) out.add(line.split("\\|", limit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
