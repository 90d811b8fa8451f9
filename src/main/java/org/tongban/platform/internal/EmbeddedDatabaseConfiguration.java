package org.tongban.platform.internal;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL inside the JVM's process tree when no external database is configured, so that the run
 * command works on a bare machine. The cluster lives under {@code tongban.embedded-db.data-dir} and survives
 * restarts, written durably (fsync on). Connections go through HikariCP: the embedded server's own DataSource
 * opens a new connection on every call, which made the engine an order of magnitude slower.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "tongban";

    /** Stopped by the data source (see {@link #dataSource}), not on its own. */
    @Bean(destroyMethod = "")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
        var dir = Path.of(properties.dataDir()).toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        stopOrphanedServer(dir);
        int port = properties.port() == 0 ? freePort() : properties.port();
        var started = System.nanoTime();
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir.toFile())
                .setCleanDataDirectory(false)
                // Spring's own shutdown stops the server when the pool closes; a second hook of the library's
                // would race it and stop the server while the engine and the event registry still write.
                .setRegisterShutdownHook(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                // The server's own log names errors without the values in them (a DETAIL line showed a phone),
                // and never prints the statement or the parameters of one that failed.
                .setServerConfig("log_error_verbosity", "terse")
                .setServerConfig("log_min_error_statement", "panic")
                .setServerConfig("log_parameter_max_length_on_error", "0");
        if (properties.durable()) {
            // The library starts the server with -F (fsync off); a -c option comes after it on the command line and
            // wins. What was acknowledged must survive an OS crash or a power cut, as the README promises.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        } else {
            // Tests only: a throw-away cluster, where speed counts and a crash loses nothing of value.
            builder.setServerConfig("synchronous_commit", "off").setServerConfig("full_page_writes", "off");
        }
        var pg = builder.start();
        createDatabaseIfMissing(pg);
        log.info(
                "Embedded PostgreSQL ready on 127.0.0.1:{} with data in {} ({} ms)",
                port,
                dir,
                (System.nanoTime() - started) / 1_000_000);
        return pg;
    }

    /**
     * Pool settings (size, init SQL) bind from {@code spring.datasource.hikari}, as for an external database. The
     * server stops when the pool closes, not before: stopped earlier, a component still shutting down would wait
     * the pool's whole connection timeout for a server that is gone.
     */
    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres pg, @Value("${spring.datasource.username:tongban_app}") String user) {
        var ds = new HikariDataSource() {
            @Override
            public void close() {
                super.close();
                try {
                    pg.close();
                } catch (IOException e) {
                    log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.toString());
                }
            }
        };
        // No user in the URL: the driver would prefer it to the pool's. The pool connects as the application's
        // role (tongban_app, created by the migrations, which Flyway runs as the server's superuser postgres).
        ds.setJdbcUrl("jdbc:postgresql://localhost:" + pg.getPort() + "/" + DATABASE);
        ds.setUsername(user);
        ds.setPoolName("tongban-embedded");
        return ds;
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg) {
        DataSource admin = pg.getPostgresDatabase();
        try (var c = admin.getConnection();
                var check = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            check.setString(1, DATABASE);
            try (var rs = check.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the embedded database", e);
        }
    }

    /**
     * A JVM killed with SIGKILL leaves its postmaster running and the data directory locked. Stop that orphan so
     * that the next start succeeds instead of failing on "lock file already exists".
     */
    private static void stopOrphanedServer(Path dir) throws IOException {
        var pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) return;
        var lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) return;
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return;
        }
        ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(p -> {
            if (p.info().command().map(c -> c.contains("postgres")).orElse(false)) {
                log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by an earlier run", pid);
                p.destroy();
                p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
            }
        });
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
