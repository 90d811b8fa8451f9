package org.tongban.platform.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.core.env.PropertyResolver;
import org.springframework.util.StringUtils;

/**
 * The production profile insists (issue 9, finding 17): before any bean starts, it refuses to run with a setting
 * meant for development, and names every such setting at once, so that an operator fixes them in one go. Registered
 * in {@code META-INF/spring.factories}; it runs after the configuration files and the environment are read.
 */
public class ProductionReadiness implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("production"))) return;
        var problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(
                    "The production profile refuses to start:\n - " + String.join("\n - ", problems));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** Every development setting in these properties, each with what to set instead; empty when ready. */
    static List<String> problems(PropertyResolver env) {
        var problems = new ArrayList<String>();
        if (!StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            problems.add(
                    "The embedded PostgreSQL is meant for development: set TONGBAN_DB_URL (spring.datasource.url).");
        }
        var appUser = env.getProperty("spring.datasource.username", "");
        if (appUser.equals("postgres") || appUser.equals(env.getProperty("spring.flyway.user", ""))) {
            problems.add("The application connects as '" + appUser + "', the superuser or the migrations' login: "
                    + "connect as tongban_app (TONGBAN_DB_USER) and migrate as the owner (TONGBAN_DB_MIGRATION_USER).");
        }
        if (env.getProperty("tongban.notifications.sms", "development").equals("development")) {
            problems.add(
                    "SMS go to the development sender, which logs them: set tongban.notifications.sms to a gateway.");
        }
        if (env.getProperty("tongban.notifications.email", "development").equals("development")) {
            problems.add("E-mails go to the development sender, which logs them: set TONGBAN_EMAIL=smtp and the mail "
                    + "server (TONGBAN_SMTP_HOST and the rest of spring.mail.*).");
        }
        if (env.getProperty("springdoc.swagger-ui.enabled", Boolean.class, true)) {
            problems.add("The Swagger UI is open: set springdoc.swagger-ui.enabled=false.");
        }
        var rpId = env.getProperty("tongban.security.passkeys.rp-id", "");
        if (local(rpId)) {
            problems.add("The passkey relying-party id is '" + rpId + "': set TONGBAN_RP_ID to the portal's domain.");
        }
        var issuer = env.getProperty("tongban.security.issuer", "");
        if (!publicHttps(issuer)) {
            problems.add("The token issuer is '" + issuer + "': set TONGBAN_ISSUER to the portal's https address.");
        }
        for (var origin : StringUtils.commaDelimitedListToStringArray(
                env.getProperty("tongban.security.passkeys.allowed-origins", ""))) {
            if (!publicHttps(origin.strip())) {
                problems.add("The passkey origin '" + origin.strip()
                        + "' is not a public https address: set TONGBAN_ORIGINS.");
            }
        }
        if (!env.getProperty("server.servlet.session.cookie.secure", Boolean.class, false)) {
            problems.add(
                    "Session cookies would travel over plain http: set server.servlet.session.cookie.secure=true.");
        }
        requireKey(env, problems, "tongban.keys.field-encryption-key", "TONGBAN_FIELD_KEY");
        requireKey(env, problems, "tongban.keys.blind-index-key", "TONGBAN_INDEX_KEY");
        requireKey(env, problems, "tongban.licenses.master-key", "TONGBAN_LICENCE_MASTER_KEY");
        requireKey(env, problems, "tongban.audit.chain-key", "TONGBAN_AUDIT_KEY");
        for (var file :
                List.of("tongban.keys.dev-key-file", "tongban.licenses.dev-key-file", "tongban.audit.dev-key-file")) {
            if (StringUtils.hasText(env.getProperty(file))) {
                problems.add("A development key file is configured (" + file
                        + "): production keys come from the environment.");
            }
        }
        if (env.getProperty("tongban.demo-data.enabled", Boolean.class, false)) {
            problems.add("Demo data with known passwords would be seeded: set TONGBAN_DEMO_DATA=false.");
        }
        return problems;
    }

    private static void requireKey(PropertyResolver env, List<String> problems, String property, String variable) {
        if (!StringUtils.hasText(env.getProperty(property))) {
            problems.add("No key in " + property + ": set " + variable + "; production never generates keys.");
        }
    }

    private static boolean publicHttps(String address) {
        try {
            var uri = URI.create(address);
            return "https".equalsIgnoreCase(uri.getScheme()) && !local(uri.getHost());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static boolean local(@Nullable String host) {
        if (!StringUtils.hasText(host)) return true;
        var h = host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "");
        return h.equals("localhost")
                || h.endsWith(".localhost")
                || h.startsWith("127.")
                || h.equals("::1")
                || h.equals("0.0.0.0");
    }
}
