package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

/** Issue 12: a founded enterprise's code is composed from its parts with both check characters (DOMAIN 4.2). */
class CreditCodeCompositionTests {

    @Test
    void theWorkedExampleOfDomainIsComposedWithBothCheckCharacters() {
        // 91350200MA2YJ1XR9G: the embedded organisation code's check is 9 (GB 11714), the code's own G (GB 32100).
        assertThat(CreditCode.compose('9', '1', "350200", "MA2YJ1XR").value()).isEqualTo("91350200MA2YJ1XR9G");
    }

    @Test
    void sequenceBodiesGiveDistinctValidCodes() {
        var seen = new HashSet<String>();
        for (long n = 0; n < 5_000; n++) {
            var code = CreditCode.compose('9', '1', "440100", "MA" + CreditCode.base31(n, 6));
            assertThat(CreditCode.isValid(code.value())).as(code.value()).isTrue();
            assertThat(seen.add(code.value())).isTrue();
        }
        assertThat(CreditCode.base31(31, 6)).isEqualTo("000010");
    }

    @Test
    void partsThatDoNotFitAreRefused() {
        assertThatThrownBy(() -> CreditCode.compose('9', '1', "4401", "MA000001"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CreditCode.compose('9', '1', "440100", "MA00000I"))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> CreditCode.base31(887_503_681L, 6)).isInstanceOf(IllegalArgumentException.class);
    }
}
