package org.tongban.licenses.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tongban.licenses.LicenseRefusedException;
import org.tongban.licenses.LicenseStatus;
import org.tongban.licenses.internal.LicenseStore.StoredLicense;
import org.tongban.shared.LicenseIdentifier;

/** The license's life as {@link License} guards it, without a database: every transition, allowed and refused. */
class LicenseTransitionTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** Noon in Beijing, so that "today" is the same day whatever the machine's zone. */
    static final Instant NOW =
            LocalDate.of(2026, 6, 1).atTime(12, 0).atZone(CHINA).toInstant();

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final LicenseIdentifier IDENTIFIER =
            LicenseIdentifier.of("11100000000013338W032", "11220000013544541J", "20260000000042", 1);

    static License license(LicenseStatus status, @Nullable LocalDate validTo) {
        return new License(
                new StoredLicense(
                        42,
                        IDENTIFIER.value(),
                        "BUSINESS_LICENCE",
                        1,
                        "440100-SCJG",
                        "11220000013544541J",
                        HolderKind.ENTERPRISE,
                        new byte[32],
                        "广州***公司",
                        "91440106MA5D00010F",
                        new byte[0],
                        new byte[0],
                        "kid-1",
                        TODAY.minusYears(1),
                        TODAY.minusYears(1),
                        validTo,
                        status,
                        null,
                        null,
                        null,
                        null,
                        "official",
                        NOW.minusSeconds(86_400)),
                CHINA);
    }

    static License valid() {
        return license(LicenseStatus.VALID, TODAY.plusYears(1));
    }

    @Test
    void aValidLicenseIsSuspendedRevokedOrSupersededWithItsReasonAndStoredStatus() {
        var suspended = valid().suspend("安全检验不合格", "official-1", NOW);
        assertThat(suspended)
                .isEqualTo(new License.StatusChange(
                        42,
                        IDENTIFIER.value(),
                        LicenseStatus.VALID,
                        LicenseStatus.SUSPENDED,
                        "安全检验不合格",
                        "official-1",
                        NOW));
        assertThat(suspended.event().to()).isEqualTo(LicenseStatus.SUSPENDED);
        assertThat(valid().revoke("吊销", "official-1", NOW).to()).isEqualTo(LicenseStatus.REVOKED);
        var superseded = valid().supersede("official-1", NOW);
        assertThat(superseded.to()).isEqualTo(LicenseStatus.CANCELLED);
        assertThat(superseded.reason()).isEqualTo("licenses.reason.reissued");
    }

    @Test
    void aSuspendedLicenseIsReinstatedOrRevokedButNotSuspendedAgainNorSuperseded() {
        var suspended = license(LicenseStatus.SUSPENDED, TODAY.plusYears(1));
        assertThat(suspended.reinstate("整改完成", "official-1", NOW).to()).isEqualTo(LicenseStatus.VALID);
        assertThat(suspended.revoke("吊销", "official-1", NOW).from()).isEqualTo(LicenseStatus.SUSPENDED);
        assertRefused(() -> suspended.suspend("再次暂扣", "official-1", NOW), "licenses.error.transition.SUSPENDED");
        assertThat(suspended.refusal(LicenseStatus.CANCELLED, TODAY))
                .hasValue(new License.Refusal("NOT_VALID", "licenses.error.notValid"));
    }

    @Test
    void aValidLicenseIsNotReinstated() {
        assertThat(valid().refusal(LicenseStatus.VALID, TODAY))
                .hasValue(new License.Refusal("FROM_VALID", "licenses.error.transition.VALID"));
        assertRefused(() -> valid().reinstate("误操作", "official-1", NOW), "licenses.error.transition.VALID");
    }

    @ParameterizedTest
    @EnumSource(
            value = LicenseStatus.class,
            names = {"REVOKED", "CANCELLED", "EXPIRED"})
    void revokedCancelledAndExpiredAreFinal(LicenseStatus end) {
        var license = license(end, TODAY.plusYears(1));
        for (var to : LicenseStatus.values()) {
            assertThat(license.refusal(to, TODAY)).as("%s → %s", end, to).isPresent();
        }
        assertRefused(() -> license.reinstate("恢复", "official-1", NOW), "licenses.error.transition." + end.name());
        assertRefused(() -> license.revoke("撤销", "official-1", NOW), "licenses.error.transition." + end.name());
    }

    @Test
    void aValidLicensePastItsLastDayReadsExpiredAndOnlyExpires() {
        var lapsed = license(LicenseStatus.VALID, TODAY.minusDays(1));
        assertThat(lapsed.status(TODAY)).isEqualTo(LicenseStatus.EXPIRED);
        assertThat(lapsed.status(TODAY.minusDays(1))).isEqualTo(LicenseStatus.VALID);
        var expired = lapsed.expire(NOW);
        assertThat(expired)
                .isEqualTo(new License.StatusChange(
                        42,
                        IDENTIFIER.value(),
                        LicenseStatus.VALID,
                        LicenseStatus.EXPIRED,
                        "licenses.reason.expired",
                        "system",
                        NOW));
        assertRefused(() -> lapsed.suspend("暂扣", "official-1", NOW), "licenses.error.transition.EXPIRED");
        assertRefused(() -> lapsed.supersede("official-1", NOW), "licenses.error.notValid");
        // One still in its period does not expire.
        assertRefused(() -> valid().expire(NOW), "licenses.error.transition.VALID");
    }

    @Test
    void aSuspensionIsNotLiftedOnceThePeriodHasEnded() {
        var suspended = license(LicenseStatus.SUSPENDED, TODAY.minusDays(1));
        assertThat(suspended.status(TODAY)).isEqualTo(LicenseStatus.SUSPENDED);
        assertThat(suspended.refusal(LicenseStatus.VALID, TODAY))
                .hasValue(new License.Refusal("ENDED", "licenses.error.ended"));
        assertRefused(() -> suspended.reinstate("整改完成", "official-1", NOW), "licenses.error.ended");
        // The last day itself still counts.
        assertThat(license(LicenseStatus.SUSPENDED, TODAY).refusal(LicenseStatus.VALID, TODAY))
                .isEmpty();
    }

    @Test
    void aPermanentLicenseNeverLapses() {
        var permanent = license(LicenseStatus.VALID, null);
        assertThat(permanent.status(TODAY.plusYears(80))).isEqualTo(LicenseStatus.VALID);
        assertRefused(() -> permanent.expire(NOW), "licenses.error.transition.VALID");
    }

    @Test
    @SuppressWarnings("NullAway") // the placement only carries the draft and department; none is needed here
    void theNextVersionKeepsTheSerialAndTakesTheNextVersionNumber() {
        var department = new org.tongban.identity.DepartmentView(
                "440100-SCJG",
                "广州市市场监督管理局",
                "Guangzhou Administration for Market Regulation",
                "11220000013544541J",
                "440100");
        var placement = valid().nextVersion(null, department, "CASE-1", "key-1");
        assertThat(placement.previous()).isEqualTo(IDENTIFIER);
        assertThat(placement.previous().nextVersion().serial()).isEqualTo(IDENTIFIER.serial());
        assertThat(placement.previous().nextVersion().versionNumber()).isEqualTo(2);
        assertThat(placement.caseNumber()).isEqualTo("CASE-1");
        assertThat(placement.requestKey()).isEqualTo("key-1");
        assertThat(License.first(null, department, null, null, "key-2").previous())
                .isNull();
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String key) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LicenseRefusedException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.conflict()).isTrue();
        });
    }
}
