package org.tongban.bench;

import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** How a JMH benchmark's main runs it: as its annotations say, or with {@code smoke} once, briefly, in one fork (CI). */
final class JmhRun {

    private JmhRun() {}

    static void run(Class<?> benchmark, String[] args) throws Exception {
        var options = new OptionsBuilder().include(benchmark.getName());
        if (args.length > 0 && args[0].equals("smoke"))
            options.warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.seconds(1))
                    .forks(1);
        new Runner(options.build()).run();
    }
}
