package org.tongban.audit.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Signed checkpoints of the chain's head, kept outside the database: one line per checkpoint in a file (and the same
 * line in the log), {@code seq hash time mac}. Someone who can write to the database but not to this file cannot
 * shorten the chain past a checkpoint unnoticed, even by putting back an earlier head with its MAC.
 */
@Component
class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);
    /** A line is under 200 bytes; the tail read holds several. */
    private static final int TAIL = 2048;

    /** One checkpoint; {@code authentic} is false when its MAC does not match or the line cannot be read. */
    record Checkpoint(long seq, String hash, boolean authentic) {}

    private final @Nullable Path file;
    private final ChainKey key;

    @Autowired
    Checkpoints(AuditProperties properties, ChainKey key) {
        this(StringUtils.hasText(properties.checkpointFile()) ? Path.of(properties.checkpointFile()) : null, key);
    }

    Checkpoints(@Nullable Path file, ChainKey key) {
        this.file = file;
        this.key = key;
    }

    synchronized void write(long seq, String hash) {
        if (file == null) return;
        var at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var line = seq + " " + hash + " " + at + " " + key.checkpoint(seq, hash, at);
        try {
            var parent = file.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            Files.writeString(
                    file,
                    line + "\n",
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit checkpoint to " + file, e);
        }
        log.info("Audit checkpoint {}", line);
    }

    /** The newest checkpoint, if any was written. */
    Optional<Checkpoint> last() {
        if (file == null || !Files.exists(file)) return Optional.empty();
        String tail;
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            var buffer = ByteBuffer.allocate((int) Math.min(size, TAIL));
            channel.read(buffer, size - buffer.capacity());
            tail = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the audit checkpoints in " + file, e);
        }
        var lines = tail.strip().split("\n");
        var last = lines[lines.length - 1].strip();
        if (last.isEmpty()) return Optional.empty();
        return Optional.of(parse(last));
    }

    private Checkpoint parse(String line) {
        var parts = line.split(" ");
        try {
            long seq = Long.parseLong(parts[0]);
            boolean authentic = parts.length == 4
                    && key.checkpoint(seq, parts[1], Instant.parse(parts[2])).equals(parts[3]);
            return new Checkpoint(seq, parts[1], authentic);
        } catch (RuntimeException unreadable) {
            return new Checkpoint(0, "", false);
        }
    }
}
