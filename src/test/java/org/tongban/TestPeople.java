package org.tongban;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.tongban.shared.IdNumber;

/** Fresh, valid identities for tests, so that tests never depend on each other's data, even on a shared database. */
public final class TestPeople {

    private TestPeople() {}

    public static String idNumber() {
        var random = ThreadLocalRandom.current();
        var birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 50));
        var first17 = "440106" + birth.toString().replace("-", "") + "%03d".formatted(random.nextInt(1000));
        return first17 + IdNumber.checkChar(first17);
    }

    public static String phone() {
        return "139" + "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public static final String PASSWORD = "Strong#Pass2026";
}
