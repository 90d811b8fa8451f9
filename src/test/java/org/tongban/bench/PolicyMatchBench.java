package org.tongban.bench;

import dev.cel.runtime.CelRuntime;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.tongban.policies.internal.PolicyRules;
import org.tongban.policies.internal.Profile;

/**
 * One newly published policy (four conditions) evaluated over N in-memory enterprise profiles, condition by
 * condition as the matcher does (it keeps which conditions held, for the reasons): the CEL programs compiled once
 * by {@link PolicyRules} against the same conditions written as plain Java predicates, in one JMH run. The ratio is
 * what a safe, user-written rule language costs over code compiled into the platform. Run by
 * {@code bench/policies.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class PolicyMatchBench {

    static final List<String> RULES = List.of(
            "capital >= 100",
            "industry.startsWith(\"I\") || industry.startsWith(\"C39\")",
            "size in [\"微型\", \"小型\", \"中型\"]",
            "!badRecord && age <= 10");

    static final List<Predicate<Profile>> BASELINE = List.of(
            p -> p.capital() >= 100,
            p -> p.industry().startsWith("I") || p.industry().startsWith("C39"),
            p -> List.of("微型", "小型", "中型").contains(p.size()),
            p -> !p.badRecord() && p.age(Today.DATE) <= 10);

    static final class Today {
        static final LocalDate DATE = LocalDate.of(2026, 12, 4);
    }

    @Param("100000")
    public int profiles;

    PolicyRules rules;
    List<CelRuntime.Program> programs;
    List<Profile> population;

    @Setup
    public void setUp() {
        rules = new PolicyRules();
        programs = RULES.stream().map(rules::program).toList();
        var random = new SplittableRandom(42);
        var industries = List.of("I6513", "I6520", "C3971", "C3484", "F5191", "H6210", "G5430", "A0141");
        population = new ArrayList<>(profiles);
        for (int i = 0; i < profiles; i++)
            population.add(new Profile(
                    "code" + i,
                    "企业" + i,
                    industries.get(random.nextInt(industries.size())),
                    "440106",
                    random.nextInt(5000),
                    Today.DATE.minusDays(random.nextInt(20 * 365)),
                    Profile.SIZES.get(random.nextInt(4)),
                    random.nextInt(1000),
                    Profile.RATINGS.get(random.nextInt(5)),
                    List.of("BUSINESS_LICENCE"),
                    random.nextInt(20) == 0));
    }

    /** The number of full matches, every condition evaluated by its CEL program. */
    @Benchmark
    public int cel() {
        var matched = 0;
        for (var p : population) {
            var all = true;
            for (var program : programs) all &= rules.test(program, p, Today.DATE);
            if (all) matched++;
        }
        return matched;
    }

    /** The same conditions as Java predicates: the baseline. */
    @Benchmark
    public int javaPredicates() {
        var matched = 0;
        for (var p : population) {
            var all = true;
            for (var predicate : BASELINE) all &= predicate.test(p);
            if (all) matched++;
        }
        return matched;
    }

    /** As {@link JmhRun}, with the number of profiles: {@code smoke [n]} or {@code full [n]}. */
    public static void main(String[] args) throws Exception {
        var smoke = args.length > 0 && args[0].equals("smoke");
        var n = args.length > 1 ? args[1] : smoke ? "1000" : "100000";
        var options =
                new OptionsBuilder().include(PolicyMatchBench.class.getName()).param("profiles", n);
        if (smoke)
            options.warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.seconds(1))
                    .forks(1);
        new Runner(options.build()).run();
    }
}
