package org.tongban.policies;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.tongban.policies.internal.Profile;
import org.tongban.shared.CreditCode;

/** Unique profiles and policy forms for tests that share one database. */
final class PolicyFixtures {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /** 王五's 广州通办示范科技有限公司 (the demo's, I6513 in 440106 with 1000 万元). */
    static final String TONGBAN = code("91440106MA5D00010");

    private PolicyFixtures() {}

    static String code(String first17) {
        return CreditCode.parse(first17 + CreditCode.checkChar(first17)).value();
    }

    static String newCode() {
        var s = new StringBuilder("91440106T");
        for (int i = 0; i < 8; i++) s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        return code(s.toString());
    }

    /** A capital no other test uses: rules that name it match only this test's profiles. */
    static long uniqueCapital() {
        return 100_000_000L + RANDOM.nextInt(800_000_000);
    }

    static Profile profile(String code, long capital, String size, String industry) {
        return new Profile(
                code,
                "测试企业" + code.substring(10),
                industry,
                "440106",
                capital,
                LocalDate.of(2022, 5, 1),
                size,
                20,
                "A",
                List.of("BUSINESS_LICENCE"),
                false);
    }

    /** A policy form; conditions are rule, Chinese and English wording, in threes. */
    static MultiValueMap<String, String> form(String title, boolean automatic, String item, String... conditions) {
        var f = new LinkedMultiValueMap<String, String>();
        f.add("titleZh", title);
        f.add("titleEn", "Test policy " + title);
        f.add("benefitZh", "一次性补贴 1 万元。");
        f.add("benefitEn", "A one-off subsidy of CNY 10,000.");
        f.add("documents", "《测试政策文件》");
        f.add("serviceItem", item);
        if (automatic) f.add("automatic", "true");
        f.add(
                "validFrom",
                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(2).toString());
        f.add(
                "validTo",
                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusYears(1).toString());
        for (int i = 0; i * 3 < conditions.length; i++) {
            f.add("expression" + i, conditions[i * 3]);
            f.add("wordingZh" + i, conditions[i * 3 + 1]);
            f.add("wordingEn" + i, conditions[i * 3 + 2]);
        }
        return f;
    }
}
