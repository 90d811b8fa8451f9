package org.tongban.policies.internal;

import dev.cel.runtime.CelRuntime;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Evaluates policies against profiles and keeps the verdicts (policies.match): all conditions met is a match, all
 * but one (of two or more) a near match; anything less is not kept. A newly published policy is evaluated against
 * every profile in batches of {@value #BATCH} (a keyset scan, one batch insert per batch); a changed profile against
 * every published policy.
 */
@Component
public class Matcher {

    static final int BATCH = 1000;

    private final PolicyRules rules;
    private final ProfileStore profiles;
    private final PolicyStore policies;
    private final JdbcTemplate jdbc;

    Matcher(PolicyRules rules, ProfileStore profiles, PolicyStore policies, JdbcTemplate jdbc) {
        this.rules = rules;
        this.profiles = profiles;
        this.policies = policies;
        this.jdbc = jdbc;
    }

    /** The compiled programs of the policy's conditions, in order. */
    public List<CelRuntime.Program> programs(Policy policy) {
        return policy.conditions().stream()
                .map(c -> rules.program(c.expression()))
                .toList();
    }

    /** Which conditions the profile meets, in order. */
    public boolean[] evaluate(List<CelRuntime.Program> programs, Profile profile, LocalDate today) {
        var met = new boolean[programs.size()];
        for (int i = 0; i < met.length; i++) met[i] = rules.test(programs.get(i), profile, today);
        return met;
    }

    /** All met. */
    public static boolean full(boolean[] met) {
        return unmet(met) == 0;
    }

    /** Worth keeping: all met, or all but one of two or more. */
    public static boolean kept(boolean[] met) {
        var unmet = unmet(met);
        return unmet == 0 || (unmet == 1 && met.length >= 2);
    }

    private static int unmet(boolean[] met) {
        var n = 0;
        for (var m : met) if (!m) n++;
        return n;
    }

    static String encode(boolean[] met) {
        var s = new StringBuilder(met.length);
        for (var m : met) s.append(m ? '1' : '0');
        return s.toString();
    }

    static boolean[] decode(String met) {
        var out = new boolean[met.length()];
        for (int i = 0; i < out.length; i++) out[i] = met.charAt(i) == '1';
        return out;
    }

    /** Evaluates the policy against every profile and replaces its verdicts; the number of full matches. */
    public int matchAll(Policy policy, LocalDate today, Instant at) {
        jdbc.update("delete from policies.match where policy_id = ?", policy.id());
        var programs = programs(policy);
        var matched = 0;
        var after = "";
        while (true) {
            var batch = profiles.batch(after, BATCH);
            if (batch.isEmpty()) break;
            var rows = new ArrayList<Object[]>();
            for (var profile : batch) {
                var met = evaluate(programs, profile, today);
                if (!kept(met)) continue;
                if (full(met)) matched++;
                rows.add(new Object[] {policy.id(), profile.creditCode(), encode(met), full(met), Timestamp.from(at)});
            }
            if (!rows.isEmpty())
                jdbc.batchUpdate(
                        "insert into policies.match (policy_id, credit_code, met, full_match, evaluated_at)"
                                + " values (?, ?, ?, ?, ?)",
                        rows);
            after = batch.getLast().creditCode();
        }
        return matched;
    }

    /** Evaluates one (changed) profile against every published policy and replaces its verdicts. */
    public void rematch(Profile profile, LocalDate today, Instant at) {
        jdbc.update("delete from policies.match where credit_code = ?", profile.creditCode());
        for (var policy : policies.published()) {
            var met = evaluate(programs(policy), profile, today);
            if (!kept(met)) continue;
            jdbc.update(
                    "insert into policies.match (policy_id, credit_code, met, full_match, evaluated_at)"
                            + " values (?, ?, ?, ?, ?)",
                    policy.id(),
                    profile.creditCode(),
                    encode(met),
                    full(met),
                    Timestamp.from(at));
        }
    }

    /** Drops a withdrawn policy's verdicts: no enterprise sees it any more. */
    public void forget(Policy policy) {
        jdbc.update("delete from policies.match where policy_id = ?", policy.id());
    }
}
