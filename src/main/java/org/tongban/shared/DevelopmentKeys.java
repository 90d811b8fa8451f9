package org.tongban.shared;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * Development keys kept in a properties file under the data directory, so that a newcomer's platform starts with no
 * configuration and keeps its keys between starts. Only the default profile uses them; the production profile
 * refuses to start without keys from the environment.
 */
public final class DevelopmentKeys {

    /** The keys (base64), and whether any of them was generated just now (the caller warns). */
    public record Loaded(Properties keys, boolean generated) {}

    private DevelopmentKeys() {}

    /**
     * Reads the file and generates, with {@link SecureRandom}, each named key it does not hold yet ({@code name →
     * length in bytes}); when it generated one, writes the file back, readable by its owner only where the file
     * system knows POSIX permissions.
     */
    public static Loaded loadOrCreate(Path file, Map<String, Integer> lengths, String comment) throws IOException {
        var keys = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                keys.load(in);
            }
        }
        var random = new SecureRandom();
        boolean generated = false;
        for (var key : new java.util.TreeMap<>(lengths).entrySet()) {
            if (keys.getProperty(key.getKey()) != null) continue;
            var bytes = new byte[key.getValue()];
            random.nextBytes(bytes);
            keys.setProperty(key.getKey(), Base64.getEncoder().encodeToString(bytes));
            generated = true;
        }
        if (!generated) return new Loaded(keys, false);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            keys.store(out, comment);
        }
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // A file system without POSIX permissions (Windows): the file keeps the permissions its directory gives.
        }
        return new Loaded(keys, true);
    }
}
