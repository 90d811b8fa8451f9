package org.tongban.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sealed form of a row (issue 9, finding 13): fields cannot trade text, and nothing verifies without the key. */
class ChainFormTests {

    static final ChainKey KEY = new ChainKey(new byte[32]);
    static final String PREV = "0".repeat(64);
    static final Instant AT = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void textCannotMoveAcrossTheFieldSeparator() {
        // The unkeyed form joined fields with U+001F, which a field may contain: two rows, one hash.
        assertThat(AuditChain.unkeyed(PREV, 1, AT, "C", "a\u001fb", "c", "SUCCESS", ""))
                .isEqualTo(AuditChain.unkeyed(PREV, 1, AT, "C", "a", "b\u001fc", "SUCCESS", ""));
        assertThat(KEY.row(PREV, 1, AT, "C", "a\u001fb", "c", "SUCCESS", ""))
                .isNotEqualTo(KEY.row(PREV, 1, AT, "C", "a", "b\u001fc", "SUCCESS", ""));
        assertThat(KEY.row(PREV, 1, AT, "C", "a;1:b", "c", "SUCCESS", ""))
                .isNotEqualTo(KEY.row(PREV, 1, AT, "C", "a", "b;1:c", "SUCCESS", ""));
    }

    @Test
    void anAnonymousActorDiffersFromAnEmptyOne() {
        assertThat(KEY.row(PREV, 1, AT, "C", null, "s", "SUCCESS", ""))
                .isNotEqualTo(KEY.row(PREV, 1, AT, "C", "", "s", "SUCCESS", ""));
    }

    @Test
    void oneDetailCannotPoseAsTwo() {
        assertThat(AuditChain.canonical(Map.of("a", "1\nb=2")))
                .isNotEqualTo(AuditChain.canonical(Map.of("a", "1", "b", "2")));
        assertThat(AuditChain.canonical(Map.of("a=b", "c"))).isNotEqualTo(AuditChain.canonical(Map.of("a", "b=c")));
        assertThat(AuditChain.canonical(Map.of("b", "2", "a", "1"))).isEqualTo("a=1\nb=2\n");
    }

    @Test
    void anotherKeyGivesAnotherMac() {
        var other = new ChainKey(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32
        });
        assertThat(other.row(PREV, 1, AT, "C", "a", "s", "SUCCESS", ""))
                .isNotEqualTo(KEY.row(PREV, 1, AT, "C", "a", "s", "SUCCESS", ""));
        assertThat(other.head(1, PREV)).isNotEqualTo(KEY.head(1, PREV));
    }

    @Test
    void anEditedCheckpointIsNotAuthentic(@TempDir Path dir) throws Exception {
        var file = dir.resolve("checkpoints.log");
        var checkpoints = new Checkpoints(file, KEY);
        assertThat(checkpoints.last()).isEmpty();
        checkpoints.write(41, "a".repeat(64));
        checkpoints.write(42, "b".repeat(64));
        assertThat(checkpoints.last()).hasValueSatisfying(c -> {
            assertThat(c.seq()).isEqualTo(42);
            assertThat(c.authentic()).isTrue();
        });
        Files.writeString(file, Files.readString(file).replace("42 ", "40 "));
        assertThat(checkpoints.last())
                .hasValueSatisfying(c -> assertThat(c.authentic()).isFalse());
    }
}
