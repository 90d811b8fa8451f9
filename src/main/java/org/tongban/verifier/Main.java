package org.tongban.verifier;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Verifies a show token from the command line with files downloaded beforehand, no network:
 *
 * <pre>
 * java -cp tongban-0.1.0-SNAPSHOT-verifier.jar:bcprov-jdk18on-1.87.jar org.tongban.verifier.Main \
 *      --root root.pem --trust-list trust-list.jws [--status-list status-list.jws] TOKEN|@token-file
 * </pre>
 *
 * Prints the outcome and what the token discloses; exits 0 when valid, 1 when not, 2 on a usage or file error.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String root = null;
        String trust = null;
        String status = null;
        String token = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--root" -> root = i + 1 < args.length ? args[++i] : null;
                case "--trust-list" -> trust = i + 1 < args.length ? args[++i] : null;
                case "--status-list" -> status = i + 1 < args.length ? args[++i] : null;
                default -> token = args[i];
            }
        }
        if (root == null || trust == null || token == null) {
            System.err.println(
                    "usage: Main --root root.pem --trust-list trust-list.jws [--status-list status-list.jws] TOKEN|@file");
            return 2;
        }
        try {
            var now = Instant.now();
            var trustList = TrustList.verify(read(trust), Sm2.fromPem(read(root)));
            var statusList = status == null ? null : StatusList.verify(read(status), trustList, now);
            var text = token.startsWith("@") ? read(token.substring(1)) : token;
            var result = new OfflineVerifier(trustList, statusList).verify(text.strip(), now);
            System.out.println("outcome: " + result.outcome() + " (" + result.message() + ")");
            if (result.token() != null) {
                var t = result.token();
                System.out.println("licence: " + t.licenseId() + " " + t.typeName());
                System.out.println("issuer:  " + t.issuer()
                        + (result.key() == null ? "" : " " + result.key().nameZh()));
                t.fields().forEach((k, v) -> System.out.println("  " + k + ": " + v));
                System.out.println("status checked: " + result.statusChecked());
                if (result.stale()) {
                    System.out.println("lists stale by: " + staleness(result.staleBy()) + " (refresh them"
                            + (result.statusChecked() ? ")" : "; too old to vouch that the license is in force)"));
                }
            }
            return result.valid() ? 0 : 1;
        } catch (VerificationFailure e) {
            System.err.println("cannot use the lists: " + e.outcome().message() + " (" + e.getMessage() + ")");
            return 2;
        } catch (IOException | IllegalArgumentException e) {
            System.err.println("cannot read: " + e.getMessage());
            return 2;
        }
    }

    /** "2 d 3 h", "3 h 20 min", "5 min": how long past their update time the lists are. */
    static String staleness(java.time.Duration d) {
        if (d.toDays() > 0) return d.toDays() + " d " + d.toHoursPart() + " h";
        if (d.toHours() > 0) return d.toHours() + " h " + d.toMinutesPart() + " min";
        return Math.max(1, d.toMinutes()) + " min";
    }

    private static String read(String file) throws IOException {
        return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    }
}
