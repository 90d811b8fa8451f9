package org.tongban.exchange.internal;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.platform.FieldProtection;
import org.tongban.verifier.Sm2;

/**
 * The exchange's SM2 key that signs the call log's head (ADR 0032). Generated once, kept in the database wrapped
 * with the platform's SM4 field key (so a database dump alone cannot sign); the public key is stored beside it
 * and published with the signatures, so anyone can check a head.
 */
@Component("exchangeLogKey")
public class LogKey {

    private static final String PURPOSE = "exchange-log";
    private final String kid;
    private final ECPrivateKeyParameters privateKey;
    private final ECPublicKeyParameters publicKey;

    LogKey(JdbcClient jdbc, FieldProtection protection, TransactionTemplate tx, Clock clock) {
        var loaded = tx.execute(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('tongban.exchange-log-key'))")
                    .query()
                    .singleValue();
            var stored = jdbc.sql(
                            "select kid, public_key, wrapped from exchange.signing_key order by created_at desc limit 1")
                    .query((rs, i) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getBytes(3)})
                    .optional();
            if (stored.isPresent()) {
                var kid = (String) stored.get()[0];
                var d = new BigInteger(1, protection.unwrap((byte[]) stored.get()[2], PURPOSE + ":" + kid));
                return new Object[] {
                    kid, new ECPrivateKeyParameters(d, Sm2.DOMAIN), Sm2.publicKey((byte[]) stored.get()[1])
                };
            }
            var generator = new ECKeyPairGenerator();
            generator.init(new ECKeyGenerationParameters(Sm2.DOMAIN, new SecureRandom()));
            var pair = generator.generateKeyPair();
            var priv = (ECPrivateKeyParameters) pair.getPrivate();
            var pub = (ECPublicKeyParameters) pair.getPublic();
            var kid = UUID.randomUUID().toString();
            jdbc.sql("""
                    insert into exchange.signing_key (kid, public_key, wrapped, created_at)
                    values (:k, :p, :w, :at)""")
                    .param("k", kid)
                    .param("p", Sm2.encode(pub))
                    .param("w", protection.wrap(priv.getD().toByteArray(), PURPOSE + ":" + kid))
                    .param("at", Timestamp.from(clock.instant()))
                    .update();
            return new Object[] {kid, priv, pub};
        });
        var k = java.util.Objects.requireNonNull(loaded);
        this.kid = (String) k[0];
        this.privateKey = (ECPrivateKeyParameters) k[1];
        this.publicKey = (ECPublicKeyParameters) k[2];
    }

    public String kid() {
        return kid;
    }

    public byte[] publicKey() {
        return Sm2.encode(publicKey);
    }

    byte[] sign(byte[] data) {
        var signer = new SM2Signer(new SM3Digest());
        signer.init(true, Sm2.withId(new ParametersWithRandom(privateKey, new SecureRandom())));
        signer.update(data, 0, data.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("Cannot sign the call log head", e);
        }
    }

    boolean verify(byte[] data, byte[] signature) {
        return Sm2.verify(publicKey, data, signature);
    }
}
