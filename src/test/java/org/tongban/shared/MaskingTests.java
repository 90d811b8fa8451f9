package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTests {

    @ParameterizedTest
    @CsvSource({
        "张三, 张*",
        "王小明, 王**",
        "欧阳娜娜, 欧阳**",
        "诸葛亮, 诸葛*",
        "司马相如, 司马**",
        "令狐冲, 令狐*",
        "张, *",
        "欧阳, 欧*",
        "欧小明, 欧**",
        "阿依古丽·买买提, 阿*******",
    })
    void keepsTheSurnameAndMasksEveryOtherCharacter(String name, String masked) {
        assertThat(Masking.name(name)).isEqualTo(masked);
    }

    @Test
    void countsCharactersOutsideTheBasicPlaneOnce() {
        assertThat(Masking.name("𠮷大")).isEqualTo("𠮷*");
        assertThat(Masking.name("王𠮷")).isEqualTo("王*");
    }

    @Test
    void nameToleratesEmptyBlankAndNull() {
        assertThat(Masking.name("")).isEmpty();
        assertThat(Masking.name("  ")).isEmpty();
        assertThat(Masking.name(null)).isEmpty();
        assertThat(Masking.name(" 张三 ")).isEqualTo("张*");
    }

    @Test
    void idNumberKeepsFirstFourAndLastFour() {
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("1101**********002X");
        assertThat(Masking.idNumber("440524188001010014")).isEqualTo("4405**********0014");
    }

    @Test
    void idNumberMasksShortOrMissingInputEntirely() {
        assertThat(Masking.idNumber("1234567")).isEqualTo("*******");
        assertThat(Masking.idNumber("")).isEmpty();
        assertThat(Masking.idNumber(null)).isEmpty();
    }

    @Test
    void phoneKeepsFirstThreeAndLastFour() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("+86 138-1234-5678")).isEqualTo("138****5678");
    }

    @Test
    void phoneMasksShortOrMissingInputEntirely() {
        assertThat(Masking.phone("1234567")).isEqualTo("*******");
        assertThat(Masking.phone("")).isEmpty();
        assertThat(Masking.phone(null)).isEmpty();
    }

    @Test
    void idNumbersAndPhonesInFreeTextAreMaskedAndOtherNumbersKept() {
        assertThat(Masking.inText("Key (phone)=(13800138000) already exists; id 11010519491231002X; +8613912345678"))
                .isEqualTo("Key (phone)=(138****8000) already exists; id 1101**********002X; 139****5678");
        assertThat(Masking.inText("took 1764208800123 ms, case 440100-GA-005-20261202-0001, uuid 0e1c5b0a-1234"))
                .isEqualTo("took 1764208800123 ms, case 440100-GA-005-20261202-0001, uuid 0e1c5b0a-1234");
        assertThat(Masking.inText(null)).isEmpty();
    }
}
