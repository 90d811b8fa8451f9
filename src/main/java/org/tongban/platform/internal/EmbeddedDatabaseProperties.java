package org.tongban.platform.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its files, and on which port it listens (0: a free port at each start).
 *
 * @param dataDir directory of the PostgreSQL cluster; kept across restarts
 * @param port    TCP port on 127.0.0.1
 * @param durable fsync, synchronous commit and full-page writes on (the platform's data survives an OS crash); only
 *                the test profile turns this off, for speed
 */
@ConfigurationProperties(prefix = "tongban.embedded-db", ignoreUnknownFields = false)
public record EmbeddedDatabaseProperties(
        String dataDir, int port, @DefaultValue("true") boolean durable) {}
