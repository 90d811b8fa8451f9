package org.tongban.licenses.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A license document read back from its canonical bytes (a stored license, or one inside a token) either has every
 * member the record needs, or is refused by naming the one it lacks: before the null checks (ADR 0020) a document
 * without its holder failed with a NullPointerException further on.
 */
class LicenseDocumentParseTests {

    static final String WHOLE = """
            {"data":{"sex":"MALE"},"holder":{"id":"440106199003071231","kind":"PERSON","name":"张三"},"id":"X1",\
            "issueDate":"2026-01-05","issuer":{"creditCode":"11440100MB2C01010X","department":"440100-GA","name":"广州市公安局"},\
            "kid":"k1","number":"N1","type":{"code":"CN_ID","name":"居民身份证","typeCode":"111"},"validFrom":"2026-01-05"}""";

    @Test
    void aWholeDocumentIsReadBack() {
        var doc = LicenseDocument.parse(WHOLE.getBytes(StandardCharsets.UTF_8));
        assertThat(doc.holderName()).isEqualTo("张三");
        assertThat(doc.validTo()).isNull();
        assertThat(doc.previous()).isNull();
        assertThat(doc.data()).containsEntry("sex", "MALE");
    }

    @Test
    void aDocumentWithoutItsHolderIsRefusedByNamingIt() {
        var withoutHolder = WHOLE.replaceFirst("\"holder\":\\{[^}]*\\},", "");
        assertThatThrownBy(() -> LicenseDocument.parse(withoutHolder.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"holder\"");
    }

    @Test
    void aMemberOfTheWrongKindIsRefusedByNamingIt() {
        var numberAsNumber = WHOLE.replace("\"number\":\"N1\"", "\"number\":1");
        assertThatThrownBy(() -> LicenseDocument.parse(numberAsNumber.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"number\"");
    }
}
