package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

class GmCryptoTests {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("0123456789abcdeffedcba9876543210");
    private static final byte[] AAD = "person.id_number#42".getBytes(StandardCharsets.UTF_8);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sm3MatchesTheStandardExamples() {
        assertThat(GmCrypto.hex(GmCrypto.sm3(utf8("abc"))))
                .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
        assertThat(GmCrypto.hex(GmCrypto.sm3(utf8("abcd".repeat(16)))))
                .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void hmacSm3FollowsTheRfc2104Construction() {
        var key = utf8("index-key");
        var data = utf8("11010519491231002X");
        var ipad = new byte[64];
        var opad = new byte[64];
        for (int i = 0; i < 64; i++) {
            byte k = i < key.length ? key[i] : 0;
            ipad[i] = (byte) (k ^ 0x36);
            opad[i] = (byte) (k ^ 0x5c);
        }
        var inner = GmCrypto.sm3(concat(ipad, data));
        var expected = GmCrypto.sm3(concat(opad, inner));
        assertThat(GmCrypto.hmacSm3(key, data)).isEqualTo(expected).hasSize(32);
    }

    @Test
    void hmacSm3DependsOnTheKey() {
        var data = utf8("13812345678");
        assertThat(GmCrypto.hmacSm3(utf8("key-1"), data))
                .isEqualTo(GmCrypto.hmacSm3(utf8("key-1"), data))
                .isNotEqualTo(GmCrypto.hmacSm3(utf8("key-2"), data));
    }

    @Test
    void sm4EngineMatchesTheGbT32907Example() {
        var engine = new SM4Engine();
        engine.init(true, new KeyParameter(KEY));
        var out = new byte[16];
        engine.processBlock(KEY, 0, out, 0);
        assertThat(HEX.formatHex(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");

        engine.init(false, new KeyParameter(KEY));
        var back = new byte[16];
        engine.processBlock(out, 0, back, 0);
        assertThat(back).isEqualTo(KEY);
    }

    @Test
    void sm4EngineMatchesTheGbT32907MillionRoundExample() {
        var engine = new SM4Engine();
        engine.init(true, new KeyParameter(KEY));
        var block = KEY.clone();
        for (int i = 0; i < 1_000_000; i++) {
            engine.processBlock(block, 0, block, 0);
        }
        assertThat(HEX.formatHex(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
    }

    @Test
    void sm4GcmDecryptsTheRfc8998Example() {
        var key = HEX.parseHex("0123456789ABCDEFFEDCBA9876543210");
        var iv = HEX.parseHex("00001234567800000000ABCD");
        var aad = HEX.parseHex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        var plaintext = HEX.parseHex("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDD"
                + "EEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");
        var ciphertext = HEX.parseHex("17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735"
                + "D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D");
        var tag = HEX.parseHex("83DE3541E4C2B58177E065A9BF7B62EC");
        assertThat(GmCrypto.sm4GcmDecrypt(key, concat(iv, concat(ciphertext, tag)), aad))
                .isEqualTo(plaintext);
    }

    @Test
    void sm4GcmRoundTripsWithNonceAndTagAroundTheCiphertext() {
        var plaintext = utf8("11010519491231002X");
        var sealed = GmCrypto.sm4GcmEncrypt(KEY, plaintext, AAD);
        assertThat(sealed).hasSize(12 + plaintext.length + 16);
        assertThat(GmCrypto.sm4GcmDecrypt(KEY, sealed, AAD)).isEqualTo(plaintext);
    }

    @Test
    void sm4GcmRoundTripsEmptyPlaintextAndEmptyAad() {
        var sealed = GmCrypto.sm4GcmEncrypt(KEY, new byte[0], new byte[0]);
        assertThat(sealed).hasSize(28);
        assertThat(GmCrypto.sm4GcmDecrypt(KEY, sealed, new byte[0])).isEmpty();
    }

    @Test
    void sm4GcmUsesAFreshNonceEveryTime() {
        var plaintext = utf8("13812345678");
        var a = GmCrypto.sm4GcmEncrypt(KEY, plaintext, AAD);
        var b = GmCrypto.sm4GcmEncrypt(KEY, plaintext, AAD);
        assertThat(a).isNotEqualTo(b);
        assertThat(java.util.Arrays.copyOf(a, 12)).isNotEqualTo(java.util.Arrays.copyOf(b, 12));
    }

    @Test
    void sm4GcmRejectsAnyFlippedByte() {
        var sealed = GmCrypto.sm4GcmEncrypt(KEY, utf8("11010519491231002X"), AAD);
        for (int i = 0; i < sealed.length; i++) {
            var tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> GmCrypto.sm4GcmDecrypt(KEY, tampered, AAD))
                    .as("byte %d", i)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("SM4-GCM authentication failed");
        }
    }

    @Test
    void sm4GcmRejectsWrongAad() {
        var sealed = GmCrypto.sm4GcmEncrypt(KEY, utf8("11010519491231002X"), AAD);
        assertThatThrownBy(() -> GmCrypto.sm4GcmDecrypt(KEY, sealed, utf8("person.id_number#43")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("SM4-GCM authentication failed");
        assertThatThrownBy(() -> GmCrypto.sm4GcmDecrypt(KEY, sealed, new byte[0]))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sm4GcmRejectsWrongKey() {
        var sealed = GmCrypto.sm4GcmEncrypt(KEY, utf8("secret"), AAD);
        var otherKey = KEY.clone();
        otherKey[0] ^= 0x01;
        assertThatThrownBy(() -> GmCrypto.sm4GcmDecrypt(otherKey, sealed, AAD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("SM4-GCM authentication failed");
    }

    @Test
    void sm4GcmRejectsTruncatedInput() {
        var sealed = GmCrypto.sm4GcmEncrypt(KEY, utf8("secret"), AAD);
        assertThatThrownBy(() -> GmCrypto.sm4GcmDecrypt(KEY, java.util.Arrays.copyOf(sealed, sealed.length - 1), AAD))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> GmCrypto.sm4GcmDecrypt(KEY, new byte[27], AAD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("SM4-GCM authentication failed");
    }

    @Test
    void sm4RequiresASixteenByteKey() {
        assertThatThrownBy(() -> GmCrypto.sm4GcmEncrypt(new byte[32], utf8("x"), AAD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GmCrypto.sm4GcmDecrypt(new byte[15], new byte[40], AAD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hexIsLowerCaseWithoutSeparators() {
        assertThat(GmCrypto.hex(new byte[] {0x00, (byte) 0xab, 0x7f})).isEqualTo("00ab7f");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        var out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
