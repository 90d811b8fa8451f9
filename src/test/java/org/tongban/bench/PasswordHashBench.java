package org.tongban.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * One password check (Argon2id verify) at the parameters Tongban uses since issue 9 (OWASP's minimum: 19 MiB, 2
 * passes, 1 lane) against Spring's defaults that it used before (16 MiB, 2 passes), in one JMH run: what raising the
 * parameters costs a sign-in, and so how many sign-ins a core can check. Run by {@code bench/passwords.sh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PasswordHashBench {

    static final String PASSWORD = "Tongban@2026";

    Argon2PasswordEncoder before;
    Argon2PasswordEncoder now;
    String beforeHash;
    String nowHash;

    @Setup
    public void setUp() {
        before = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        now = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2); // SecurityConfiguration.argon2()
        beforeHash = before.encode(PASSWORD);
        nowHash = now.encode(PASSWORD);
    }

    @Benchmark
    public boolean springDefaults16MiB() {
        return before.matches(PASSWORD, beforeHash);
    }

    @Benchmark
    public boolean owaspMinimum19MiB() {
        return now.matches(PASSWORD, nowHash);
    }

    public static void main(String[] args) throws Exception {
        JmhRun.run(PasswordHashBench.class, args);
    }
}
