package org.tongban.licenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tongban.licenses.LicenseTests.DEMO_COMPANY;
import static org.tongban.licenses.LicenseTests.accountOf;
import static org.tongban.licenses.LicenseTests.equipment;
import static org.tongban.licenses.LicenseTests.session;
import static org.tongban.licenses.LicenseTests.tree;
import static org.tongban.licenses.LicenseTests.verifyOnline;

import java.time.Instant;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tongban.IntegrationTest;
import org.tongban.audit.AuditManagement;
import org.tongban.licenses.internal.LicenseIssuance;
import org.tongban.licenses.internal.LicenseManagement;
import org.tongban.licenses.internal.LicenseVerification;
import org.tongban.licenses.internal.LicenseWallet;
import org.tongban.verifier.OfflineVerifier;
import org.tongban.verifier.Outcome;
import org.tongban.verifier.Sm2;
import org.tongban.verifier.TrustList;

/**
 * Finding 16 of issue 9: a rotated (compromised) key kept verifying for ten years, and one operator rotated the root
 * key alone. A revoked key's tokens and later licenses fail online and offline; the root key takes two people.
 */
class LicenseKeyRevocationTests extends IntegrationTest {

    @Autowired
    LicenseIssuance issuance;

    @Autowired
    LicenseManagement management;

    @Autowired
    LicenseWallet wallet;

    @Autowired
    LicenseVerification verification;

    @Autowired
    LicenseKeyStore keys;

    @Autowired
    AuditManagement audit;

    @Test
    void aTokenSignedByARevokedKeyFailsOnlineAndOfflineAndLicensesSignedFromTheRevocationOnDoNotVerify()
            throws Exception {
        var official = accountOf("official");
        var earlier = issuance.issue(official, UUID.randomUUID().toString(), equipment(DEMO_COMPANY));
        Thread.sleep(1100);
        var from = Instant.now();
        Thread.sleep(1100);
        var later = issuance.issue(official, UUID.randomUUID().toString(), equipment(DEMO_COMPANY));
        var kid = management.license(official, later.identifier()).keyId();
        assertThat(management.license(official, earlier.identifier()).keyId()).isEqualTo(kid);
        var token = wallet.show(accountOf("enterprise"), later.identifier(), null, null)
                .token();
        assertThat(verifyOnline(token).get("outcome").asString()).isEqualTo("VALID");

        // Only the operator revokes, with a reason.
        var body = "{\"reason\":\"私钥泄露\",\"from\":\"" + from + "\"}";
        assertThat(session("official")
                        .json("POST", "/api/v1/licenses/keys/" + kid + "/revoke", body)
                        .status())
                .isEqualTo(403);
        assertThat(session("operator")
                        .json("POST", "/api/v1/licenses/keys/" + kid + "/revoke", "{\"reason\":\" \"}")
                        .status())
                .isEqualTo(422);
        var revoked = session("operator").json("POST", "/api/v1/licenses/keys/" + kid + "/revoke", body);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(tree(revoked.body()).get("revokedAt").asString()).isNotEmpty();

        assertThat(verifyOnline(token).get("outcome").asString()).isEqualTo("KEY_REVOKED");
        var trust = TrustList.verify(verification.trustList(), Sm2.fromPem(verification.rootKey()));
        assertThat(trust.key(kid).orElseThrow().revokedAt())
                .isEqualTo(from.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(new OfflineVerifier(trust, null).verify(token, Instant.now()).outcome())
                .isEqualTo(Outcome.KEY_REVOKED);

        // Licenses signed before the revocation still verify; those signed from it on do not.
        assertThat(management.license(official, earlier.identifier()).signatureValid())
                .isTrue();
        assertThat(management.license(official, later.identifier()).signatureValid())
                .isFalse();

        // The department signs with a new key at once, and its tokens verify.
        var fresh = wallet.show(accountOf("enterprise"), earlier.identifier(), null, null);
        assertThat(fresh.keyId()).isNotEqualTo(kid);
        assertThat(verifyOnline(fresh.token()).get("outcome").asString()).isEqualTo("VALID");
        Awaitility.await()
                .untilAsserted(() -> assertThat(audit.recent(50, "LICENCE_KEY_REVOKED", null))
                        .anySatisfy(e -> assertThat(e.subject()).isEqualTo(kid)));
    }

    @Test
    void onePersonCannotRotateTheRootKeyAlone() throws Exception {
        var rootBefore = verification.rootKey();
        var operator = session("operator");
        assertThat(operator.json("POST", "/api/v1/licenses/keys/PLATFORM/ROOT/rotate", null)
                        .status())
                .isEqualTo(403);

        var proposed = operator.json("POST", "/api/v1/licenses/keys/root-rotations", "{\"reason\":\"年度轮换\"}");
        assertThat(proposed.status()).isEqualTo(201);
        var id = tree(proposed.body()).get("id").asString();
        assertThat(operator.json("POST", "/api/v1/licenses/keys/root-rotations", "{\"reason\":\"再来一次\"}")
                        .status())
                .as("one proposal waits at a time")
                .isEqualTo(409);
        // The proposer cannot approve; neither can someone without the permission.
        assertThat(operator.json("POST", "/api/v1/licenses/keys/root-rotations/" + id + "/approve", null)
                        .status())
                .isEqualTo(403);
        assertThat(session("official")
                        .json("POST", "/api/v1/licenses/keys/root-rotations/" + id + "/approve", null)
                        .status())
                .isEqualTo(403);
        assertThat(verification.rootKey()).isEqualTo(rootBefore);

        var approved = session("manager").json("POST", "/api/v1/licenses/keys/root-rotations/" + id + "/approve", null);
        assertThat(approved.status()).isEqualTo(200);
        var newRoot = tree(approved.body()).get("kid").asString();
        assertThat(verification.rootKey()).isNotEqualTo(rootBefore);
        var trust = TrustList.verify(verification.trustList(), Sm2.fromPem(verification.rootKey()));
        assertThat(trust.rootKid()).isEqualTo(newRoot);
        assertThat(session("manager")
                        .json("POST", "/api/v1/licenses/keys/root-rotations/" + id + "/approve", null)
                        .status())
                .as("decided once")
                .isEqualTo(409);
        Awaitility.await().untilAsserted(() -> {
            assertThat(audit.recent(50, "LICENCE_ROOT_ROTATION_REFUSED", null))
                    .anySatisfy(e -> assertThat(e.subject()).isEqualTo(id));
            assertThat(audit.recent(50, "LICENCE_ROOT_ROTATION_APPROVED", null))
                    .anySatisfy(e -> assertThat(e.subject()).isEqualTo(id));
        });
        assertThat(keys.key(newRoot).orElseThrow().use()).isEqualTo(LicenseKeyStore.ROOT);
    }
}
