package org.tongban.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tongban.verifier.VerifierTestKeys.entry;
import static org.tongban.verifier.VerifierTestKeys.pair;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The offline verifier against trust lists, status lists and tokens made with raw BouncyCastle. */
class OfflineVerifierTests {

    static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    static final VerifierTestKeys.Pair ROOT = pair("ROOT-1");
    static final VerifierTestKeys.Pair ISSUER = pair("440100-SCJG-1");
    static final VerifierTestKeys.Pair OLD = pair("440100-SCJG-0");
    static final VerifierTestKeys.Pair STATUS = pair("STATUS-1");
    static final VerifierTestKeys.Pair OTHER = pair("440100-SW-1");
    static final VerifierTestKeys.Pair STRANGER = pair("440100-SCJG-1");

    static TrustList trust() throws VerificationFailure {
        var year = Duration.ofDays(365);
        return TrustList.verify(
                VerifierTestKeys.trustList(
                        ROOT,
                        NOW,
                        List.of(
                                entry(ISSUER, "ISSUER", "440100-SCJG", NOW.minus(year), NOW.plus(year)),
                                entry(
                                        OLD,
                                        "ISSUER",
                                        "440100-SCJG",
                                        NOW.minus(year.multipliedBy(5)),
                                        NOW.minus(Duration.ofDays(1))),
                                entry(OTHER, "ISSUER", "440100-SW", NOW.minus(year), NOW.plus(year)),
                                entry(STATUS, "STATUS", "PLATFORM", NOW.minus(year), NOW.plus(year)))),
                ROOT.publicKey());
    }

    static OfflineVerifier verifier(byte... statuses) throws VerificationFailure {
        var trust = trust();
        var status = statuses.length == 0
                ? null
                : StatusList.verify(VerifierTestKeys.statusList(STATUS, NOW, statuses), trust, NOW);
        return new OfflineVerifier(trust, status);
    }

    static String token() {
        return VerifierTestKeys.token(ISSUER, "440100-SCJG", NOW.minusSeconds(5), 60, LocalDate.of(2030, 1, 1), 3);
    }

    @Test
    void aTokenSignedByATrustedIssuerVerifies() throws Exception {
        var result = verifier().verify(token(), NOW);
        assertThat(result.outcome()).isEqualTo(Outcome.VALID);
        assertThat(result.token().licenseId()).startsWith("1.2.156.3005.2.");
        assertThat(result.token().fields()).containsEntry("legalRepresentative", "王*");
        assertThat(result.key().department()).isEqualTo("440100-SCJG");
        assertThat(result.statusChecked()).isFalse();
    }

    @Test
    void everyChangedCharacterIsDetected() throws Exception {
        var verifier = verifier();
        var token = token();
        var alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            if (token.charAt(i) == '.') continue;
            var replacement = alphabet.charAt((alphabet.indexOf(token.charAt(i)) + 1) % alphabet.length());
            var changed = token.substring(0, i) + replacement + token.substring(i + 1);
            assertThat(verifier.verify(changed, NOW).outcome())
                    .as("character %d", i)
                    .isNotEqualTo(Outcome.VALID);
        }
    }

    @Test
    void aChangedPayloadIsAnInvalidSignature() throws Exception {
        var parts = token().split("\\.");
        var payload = new String(Compact.decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8).replace("王*", "李*");
        var forged = parts[0] + "." + Compact.encode(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)) + "."
                + parts[2];
        assertThat(verifier().verify(forged, NOW).outcome()).isEqualTo(Outcome.INVALID_SIGNATURE);
        assertThat(Outcome.INVALID_SIGNATURE.message()).isEqualTo("invalid signature");
    }

    @Test
    void aTokenPastItsTimeHasExpiredAndOneFromTheFutureIsNotYetValid() throws Exception {
        var verifier = verifier();
        assertThat(verifier.verify(token(), NOW.plusSeconds(90)).outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(Outcome.EXPIRED.message()).isEqualTo("expired");
        // Within the 30-second skew a token is still good.
        assertThat(verifier.verify(token(), NOW.plusSeconds(70)).outcome()).isEqualTo(Outcome.VALID);
        var future =
                VerifierTestKeys.token(ISSUER, "440100-SCJG", NOW.plusSeconds(120), 60, LocalDate.of(2030, 1, 1), 3);
        assertThat(verifier.verify(future, NOW).outcome()).isEqualTo(Outcome.NOT_YET_VALID);
    }

    @Test
    void aKeyThatIsNotOnTheListIsAnUnknownIssuer() throws Exception {
        var unknown = VerifierTestKeys.token(pair("440100-XX-9"), "440100-SCJG", NOW, 60, LocalDate.of(2030, 1, 1), 3);
        assertThat(verifier().verify(unknown, NOW).outcome()).isEqualTo(Outcome.UNKNOWN_ISSUER);
        assertThat(Outcome.UNKNOWN_ISSUER.message()).isEqualTo("unknown issuer");
    }

    @Test
    void aStrangerUsingATrustedKeyIdIsAnInvalidSignature() throws Exception {
        var forged = VerifierTestKeys.token(STRANGER, "440100-SCJG", NOW, 60, LocalDate.of(2030, 1, 1), 3);
        assertThat(verifier().verify(forged, NOW).outcome()).isEqualTo(Outcome.INVALID_SIGNATURE);
    }

    @Test
    void aDepartmentsKeyCannotVouchForAnotherDepartmentsLicense() throws Exception {
        var other = VerifierTestKeys.token(OTHER, "440100-SCJG", NOW, 60, LocalDate.of(2030, 1, 1), 3);
        assertThat(verifier().verify(other, NOW).outcome()).isEqualTo(Outcome.UNKNOWN_ISSUER);
    }

    @Test
    void aTokenSignedWithAnExpiredKeyFails() throws Exception {
        var old = VerifierTestKeys.token(OLD, "440100-SCJG", NOW, 60, LocalDate.of(2030, 1, 1), 3);
        assertThat(verifier().verify(old, NOW).outcome()).isEqualTo(Outcome.KEY_NOT_VALID);
    }

    @Test
    void aTokenSignedByARevokedKeyFailsOffline() throws Exception {
        var year = Duration.ofDays(365);
        var revokedAt = NOW.minusSeconds(600);
        var revoked = entry(ISSUER, "ISSUER", "440100-SCJG", NOW.minus(year), NOW.plus(year));
        revoked.put("revokedAt", revokedAt.getEpochSecond());
        var trust = TrustList.verify(VerifierTestKeys.trustList(ROOT, NOW, List.of(revoked)), ROOT.publicKey());
        assertThat(trust.key(ISSUER.kid()).orElseThrow().revokedAt()).isEqualTo(revokedAt);
        var verifier = new OfflineVerifier(trust, null);
        // Signed after the revocation (whoever holds the compromised key).
        assertThat(verifier.verify(token(), NOW).outcome()).isEqualTo(Outcome.KEY_REVOKED);
        // Backdated to before it: still refused, the verification is after the revocation.
        var backdated = VerifierTestKeys.token(
                ISSUER, "440100-SCJG", revokedAt.minusSeconds(30), 3600, LocalDate.of(2030, 1, 1), 3);
        assertThat(verifier.verify(backdated, NOW).outcome()).isEqualTo(Outcome.KEY_REVOKED);
        // The same token before the revocation was valid.
        assertThat(verifier.verify(backdated, revokedAt.minusSeconds(10)).outcome())
                .isEqualTo(Outcome.VALID);
        // A list without the revocation (an older one) still trusts the key.
        assertThat(verifier().verify(token(), NOW).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void aLicensePastItsLastDayHasExpired() throws Exception {
        var ended = VerifierTestKeys.token(ISSUER, "440100-SCJG", NOW, 60, LocalDate.of(2026, 11, 26), 3);
        assertThat(verifier().verify(ended, NOW).outcome()).isEqualTo(Outcome.LICENCE_EXPIRED);
        // The last day itself still counts (China's date: 10:00 on 27 November).
        var lastDay = VerifierTestKeys.token(ISSUER, "440100-SCJG", NOW, 60, LocalDate.of(2026, 11, 27), 3);
        assertThat(verifier().verify(lastDay, NOW).outcome()).isEqualTo(Outcome.VALID);
    }

    @Test
    void theStatusListSaysRevokedSuspendedOrExpired() throws Exception {
        var token = token(); // status index 3
        assertThat(verifier(new byte[] {0, 0, 0, 0}).verify(token, NOW)).satisfies(v -> {
            assertThat(v.outcome()).isEqualTo(Outcome.VALID);
            assertThat(v.statusChecked()).isTrue();
        });
        assertThat(verifier(new byte[] {0, 0, 0, 1}).verify(token, NOW).outcome())
                .isEqualTo(Outcome.REVOKED);
        assertThat(verifier(new byte[] {0, 0, 0, 2}).verify(token, NOW).outcome())
                .isEqualTo(Outcome.SUSPENDED);
        assertThat(verifier(new byte[] {0, 0, 0, 3}).verify(token, NOW).outcome())
                .isEqualTo(Outcome.LICENCE_EXPIRED);
        // Issued after the list was published: valid, but its status was not checked.
        assertThat(verifier(new byte[] {1, 1}).verify(token, NOW)).satisfies(v -> {
            assertThat(v.outcome()).isEqualTo(Outcome.VALID);
            assertThat(v.statusChecked()).isFalse();
        });
    }

    /** The review's low finding: stale lists were reported VALID without saying how stale. */
    @Test
    void staleListsSayHowStaleAndAStatusListTooOldNoLongerVouchesForALicenseInForce() throws Exception {
        var trust = trust();
        var inForce = StatusList.verify(VerifierTestKeys.statusList(STATUS, NOW, new byte[] {0, 0, 0, 0}), trust, NOW);
        var revoked = StatusList.verify(VerifierTestKeys.statusList(STATUS, NOW, new byte[] {0, 0, 0, 1}), trust, NOW);

        var soon = NOW.plus(Duration.ofMinutes(15)); // the list expired 5 minutes after NOW: within the tolerance
        var fresh = new OfflineVerifier(trust, inForce).verify(tokenAt(soon), soon);
        assertThat(fresh.outcome()).isEqualTo(Outcome.VALID);
        assertThat(fresh.statusChecked()).isTrue();
        assertThat(fresh.stale()).isTrue();
        assertThat(fresh.staleBy()).isEqualTo(Duration.ofMinutes(10));

        var later = NOW.plus(Duration.ofHours(30));
        var old = new OfflineVerifier(trust, inForce).verify(tokenAt(later), later);
        assertThat(old.outcome()).isEqualTo(Outcome.VALID);
        assertThat(old.statusChecked()).as("too old to vouch").isFalse();
        assertThat(old.staleBy()).isGreaterThan(Duration.ofHours(29));
        assertThat(Main.staleness(old.staleBy())).isEqualTo("1 d 5 h");
        // What an old list says against a license still holds.
        assertThat(new OfflineVerifier(trust, revoked)
                        .verify(tokenAt(later), later)
                        .outcome())
                .isEqualTo(Outcome.REVOKED);
        assertThat(new OfflineVerifier(trust, inForce, Duration.ofSeconds(30), Duration.ofDays(2))
                        .verify(tokenAt(later), later)
                        .statusChecked())
                .isTrue();
    }

    private static String tokenAt(Instant at) {
        return VerifierTestKeys.token(ISSUER, "440100-SCJG", at.minusSeconds(5), 60, LocalDate.of(2030, 1, 1), 3);
    }

    @Test
    void statusListBitsAreLeastSignificantFirst() throws Exception {
        var statuses = new byte[] {1, 2, 3, 0, 2, 0, 0, 0, 1};
        var list = StatusList.verify(VerifierTestKeys.statusList(STATUS, NOW, statuses), trust(), NOW);
        for (int i = 0; i < statuses.length; i++) assertThat(list.status(i)).isEqualTo(statuses[i]);
        assertThat(list.status(statuses.length)).isEqualTo(-1);
        // Byte 0 holds indexes 0..3: 1 | 2<<2 | 3<<4 | 0<<6 = 0x39.
        var packed = new java.util.zip.Inflater();
        packed.setInput(StatusList.pack(statuses, statuses.length));
        var out = new byte[8];
        packed.inflate(out);
        assertThat(out[0]).isEqualTo((byte) 0x39);
    }

    @Test
    void aStatusListSignedByAnIssuerKeyIsRefused() throws Exception {
        var byIssuer = VerifierTestKeys.statusList(ISSUER, NOW, new byte[4]);
        assertThatThrownBy(() -> StatusList.verify(byIssuer, trust(), NOW))
                .isInstanceOfSatisfying(
                        VerificationFailure.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.UNKNOWN_ISSUER));
    }

    @Test
    void aTrustListNotSignedByThePinnedRootIsRefused() {
        var list = VerifierTestKeys.trustList(pair("ROOT-X"), NOW, List.of());
        assertThatThrownBy(() -> TrustList.verify(list, ROOT.publicKey()))
                .isInstanceOfSatisfying(
                        VerificationFailure.class, e -> assertThat(e.outcome()).isEqualTo(Outcome.INVALID_SIGNATURE));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "garbage",
                "a.b",
                "a.b.c",
                "a.b.c.d",
                "!!!.???.***",
                "eyJ9.e30.AA",
                "https://example.cn/license?id=1",
                "{\"token\":1}"
            })
    void garbageIsMalformedNeverAnException(String text) throws Exception {
        assertThat(verifier().verify(text, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void nullAndHugeInputsAreMalformed() throws Exception {
        assertThat(verifier().verify(null, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
        assertThat(verifier().verify("A".repeat(100_000), NOW).outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void aTrustListOrTokenOfTheWrongTypeIsMalformed() throws Exception {
        var list = VerifierTestKeys.trustList(ROOT, NOW, List.of());
        assertThat(verifier().verify(list, NOW).outcome()).isEqualTo(Outcome.MALFORMED);
    }

    @Test
    void pemRoundTrip() {
        var pem = Sm2.pem(ISSUER.publicKey());
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n");
        assertThat(Sm2.fromPem(pem)).isEqualTo(ISSUER.publicKey());
        assertThatThrownBy(() -> Sm2.publicKey(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCommandLineVerifiesWithDownloadedFilesAndSaysWhy() throws Exception {
        var dir = java.nio.file.Files.createTempDirectory("verifier-cli");
        var now = Instant.now();
        var year = Duration.ofDays(365);
        var root = dir.resolve("root.pem");
        var trust = dir.resolve("trust-list.jws");
        var token = dir.resolve("token.txt");
        java.nio.file.Files.writeString(root, Sm2.pem(ROOT.publicKey()));
        java.nio.file.Files.writeString(
                trust,
                VerifierTestKeys.trustList(
                        ROOT, now, List.of(entry(ISSUER, "ISSUER", "440100-SCJG", now.minus(year), now.plus(year)))));
        java.nio.file.Files.writeString(
                token, VerifierTestKeys.token(ISSUER, "440100-SCJG", now, 60, LocalDate.of(2030, 1, 1), 3));
        assertThat(Main.run(new String[] {"--root", root.toString(), "--trust-list", trust.toString(), "@" + token}))
                .isZero();
        assertThat(Main.run(new String[] {"--root", root.toString(), "--trust-list", trust.toString(), "garbage"}))
                .isEqualTo(1);
        assertThat(Main.run(new String[] {"--root", root.toString()})).isEqualTo(2);
        java.nio.file.Files.writeString(root, Sm2.pem(OTHER.publicKey()));
        assertThat(Main.run(new String[] {"--root", root.toString(), "--trust-list", trust.toString(), "@" + token}))
                .isEqualTo(2);
    }
}
