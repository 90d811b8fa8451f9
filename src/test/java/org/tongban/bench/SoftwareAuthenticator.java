package org.tongban.bench;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A platform authenticator in software (ES256, "none" attestation, discoverable credential), so that a load
 * generator can register a passkey and sign in with it through the real endpoints, as Chromium would.
 */
public final class SoftwareAuthenticator {

    private final KeyPair keys;
    private final byte[] credentialId = new byte[16];
    private final String rpId;
    private final String origin;
    private String userHandle = "";
    private boolean userVerified = true;

    public SoftwareAuthenticator(String rpId, String origin) throws Exception {
        this.rpId = rpId;
        this.origin = origin;
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        keys = generator.generateKeyPair();
        new java.security.SecureRandom().nextBytes(credentialId);
    }

    /** From now on, answers as an authenticator that checked presence only, not the user (no face, finger or PIN). */
    public SoftwareAuthenticator withoutUserVerification() {
        userVerified = false;
        return this;
    }

    public String credentialId() {
        return b64(credentialId);
    }

    /** The JSON that /webauthn/register takes, for the given challenge and user handle (both base64url). */
    public String registration(String challenge, String userHandle, String label) throws Exception {
        this.userHandle = userHandle;
        var clientData = clientData("webauthn.create", challenge);
        var authData = new ByteArrayOutputStream();
        authData.write(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(userVerified ? 0x45 : 0x41); // user present, (user verified,) attested credential data
        authData.write(new byte[4]);
        authData.write(new byte[16]); // AAGUID
        authData.write(
                ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.write(credentialId);
        authData.write(coseKey());
        var attestation = new ByteArrayOutputStream();
        attestation.write(0xA3);
        text(attestation, "fmt");
        text(attestation, "none");
        text(attestation, "attStmt");
        attestation.write(0xA0);
        text(attestation, "authData");
        bytes(attestation, authData.toByteArray());
        return """
                {"publicKey":{"credential":{"id":"%s","rawId":"%s","response":{"attestationObject":"%s",\
                "clientDataJSON":"%s","transports":["internal"]},"type":"public-key","clientExtensionResults":{},\
                "authenticatorAttachment":"platform"},"label":"%s"}}""".formatted(
                        b64(credentialId), b64(credentialId), b64(attestation.toByteArray()), b64(clientData), label);
    }

    /** The JSON that /login/webauthn takes, for the given challenge. */
    public String assertion(String challenge) throws Exception {
        var clientData = clientData("webauthn.get", challenge);
        var authData = ByteBuffer.allocate(37)
                .put(sha256(rpId.getBytes(StandardCharsets.UTF_8)))
                .put((byte) (userVerified ? 0x05 : 0x01))
                .putInt(0)
                .array();
        var signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update(authData);
        signer.update(sha256(clientData));
        return """
                {"id":"%s","rawId":"%s","response":{"authenticatorData":"%s","clientDataJSON":"%s","signature":"%s",\
                "userHandle":"%s"},"credType":"public-key","clientExtensionResults":{},"authenticatorAttachment":"platform"}""".formatted(
                b64(credentialId), b64(credentialId), b64(authData), b64(clientData), b64(signer.sign()), userHandle);
    }

    private byte[] clientData(String type, String challenge) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                        + "\",\"crossOrigin\":false}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] coseKey() {
        var point = ((ECPublicKey) keys.getPublic()).getW();
        var out = new ByteArrayOutputStream();
        out.write(0xA5);
        out.write(0x01);
        out.write(0x02); // kty: EC2
        out.write(0x03);
        out.write(0x26); // alg: ES256 (-7)
        out.write(0x20);
        out.write(0x01); // crv: P-256
        out.write(0x21);
        bytes(out, fixed32(point.getAffineX().toByteArray()));
        out.write(0x22);
        bytes(out, fixed32(point.getAffineY().toByteArray()));
        return out.toByteArray();
    }

    private static byte[] fixed32(byte[] value) {
        var out = new byte[32];
        int copy = Math.min(32, value.length);
        System.arraycopy(value, value.length - copy, out, 32 - copy, copy);
        return out;
    }

    private static void text(ByteArrayOutputStream out, String s) {
        var b = s.getBytes(StandardCharsets.UTF_8);
        out.write(0x60 | b.length);
        out.writeBytes(b);
    }

    private static void bytes(ByteArrayOutputStream out, byte[] b) {
        if (b.length < 24) out.write(0x40 | b.length);
        else if (b.length < 256) {
            out.write(0x58);
            out.write(b.length);
        } else {
            out.write(0x59);
            out.write(b.length >> 8);
            out.write(b.length & 0xff);
        }
        out.writeBytes(b);
    }

    static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
