package org.tongban.identity.internal;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar tongban.jar bootstrap --operator-name=... --operator-id=... --operator-phone=...
 * --manager-name=... --manager-id=... --manager-phone=... [--operator-login=...] [--manager-login=...]}: the first
 * start of an installation (ADR 0035, README "Production"). The application starts as usual (migrations, key
 * checks), creates the first operator and manager with {@link FirstStart}, prints their initial passwords once on
 * the console, and exits: 0 when done, 1 when refused (already bootstrapped, or bad input), with the reason. Without
 * the word {@code bootstrap} among the arguments it does nothing. {@code tongban.first-start.exit=false} keeps the
 * application running afterwards (the tests).
 */
@Component
@Order(0)
class FirstStartCommand implements ApplicationRunner {

    static final String COMMAND = "bootstrap";

    private final FirstStart firstStart;
    private final ApplicationContext context;
    private final boolean exit;
    private volatile @Nullable Integer outcome;

    FirstStartCommand(
            FirstStart firstStart,
            ApplicationContext context,
            @Value("${tongban.first-start.exit:true}") boolean exit) {
        this.firstStart = firstStart;
        this.context = context;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.getNonOptionArgs().contains(COMMAND)) return;
        int code = execute(args);
        outcome = code;
        if (exit) System.exit(SpringApplication.exit(context, () -> code));
    }

    /** What the last bootstrap in this process ended with (0 done, 1 refused), or null if none ran. */
    @Nullable
    Integer outcome() {
        return outcome;
    }

    int execute(ApplicationArguments args) {
        // The installer's console, not the log: the initial passwords must not end up in shipped log files.
        PrintStream console = System.out;
        try {
            var created = firstStart.bootstrap(administrator(args, "operator"), administrator(args, "manager"));
            console.println();
            console.println("Tongban first start: done. Initial passwords are shown this once; each must be replaced");
            console.println("at the first sign-in, which also asks for a one-time code sent to the person's phone.");
            for (var c : created) {
                console.println("  " + c.role().name() + ": sign in with '" + c.signInWith() + "', initial password "
                        + c.initialPassword());
            }
            console.println();
            return 0;
        } catch (FirstStart.Refused refused) {
            console.println("Tongban first start: " + refused.getMessage());
            return 1;
        }
    }

    private static FirstStart.Administrator administrator(ApplicationArguments args, String who) {
        return new FirstStart.Administrator(
                Objects.requireNonNullElse(option(args, who + "-name"), ""),
                Objects.requireNonNullElse(option(args, who + "-id"), ""),
                Objects.requireNonNullElse(option(args, who + "-phone"), ""),
                option(args, who + "-login"));
    }

    private static @Nullable String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        if (values == null || values.isEmpty() || values.getFirst().isBlank()) return null;
        return values.getFirst().strip();
    }
}
