package org.tongban;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Tongban (通办): one base, three channels. Start here; each top-level package is a module. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "Tongban", sharedModules = "shared")
public class TongbanApplication {

    /**
     * The platform's clock is China's: pages show times, and "today" (deadlines, validity dates) is the day, in
     * Beijing time whatever zone the server's operating system is set to. {@code TONGBAN_TIME_ZONE} overrides it
     * for a deployment elsewhere. Set when the class loads, so that tests and tools that start the application
     * without {@link #main} get the same zone.
     */
    static {
        var zone = System.getenv().getOrDefault("TONGBAN_TIME_ZONE", "Asia/Shanghai");
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(java.time.ZoneId.of(zone)));
    }

    public static void main(String[] args) {
        SpringApplication.run(TongbanApplication.class, commandArguments(args));
    }

    /**
     * {@code bootstrap} (the first start, ADR 0035) runs beside a node that may be serving already: it listens on a
     * free port of its own unless told one, and exits when done.
     */
    static String[] commandArguments(String[] args) {
        var list = java.util.Arrays.asList(args);
        if (!list.contains("bootstrap") || list.stream().anyMatch(a -> a.startsWith("--server.port="))) return args;
        var extended = java.util.Arrays.copyOf(args, args.length + 1);
        extended[args.length] = "--server.port=0";
        return extended;
    }
}
