package org.tongban.healthcode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.TestPeople;
import org.tongban.TestRegistration;
import org.tongban.WebClient;
import org.tongban.licenses.LicenseKeyStore;
import org.tongban.platform.FieldProtection;
import org.tongban.verifier.Compact;
import org.tongban.verifier.ShowToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The health code end to end on the real platform: the colour of each rule from records in the health department's
 * source, read through the exchange (the call log entry the citizen sees on /citizen/data); the token verified, and
 * altered, forged and expired tokens refused with words and audited; the offline card and another person's card;
 * the window's card by ID number; and a venue's code recording a visit whose venue sees a count, not a name.
 */
class HealthCodeTests extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FieldProtection protection;

    @Autowired
    ApplicationContext context;

    @Autowired
    LicenseKeyStore keys;

    static JsonNode json(WebClient.Page page) {
        return JSON.readTree(page.body());
    }

    /** A new citizen of trust level 3, signed in, with the records the test gives them. */
    record Person(String idNumber, String name, UUID account, WebClient web) {}

    Person person() {
        var id = TestPeople.idNumber();
        var name = "健康" + (char) ('甲' + (int) (System.nanoTime() % 20));
        var account = TestRegistration.levelThree(context, id, name);
        var web = new WebClient(BASE);
        assertThat(web.signIn(id, TestPeople.PASSWORD).location()).isEqualTo("/home");
        web.get("/citizen"); // the CSRF token of the signed-in session
        return new Person(id, name, account, web);
    }

    byte[] idx(String id) {
        return protection.blindIndex(id, "exchange.subject");
    }

    void test(Person p, String kind, String result, Duration ago) {
        jdbc.sql("""
                insert into src_health.test_result (subject_idx, kind, result, sampled_at, institution)
                values (:i, :k, :r, :at, '测试医院')""")
                .param("i", idx(p.idNumber()))
                .param("k", kind)
                .param("r", result)
                .param("at", Timestamp.from(Instant.now().minus(ago)))
                .update();
    }

    void exposure(Person p, String kind, int daysAgo) {
        jdbc.sql("""
                insert into src_health.exposure (subject_idx, kind, exposed_on, place) values (:i, :k, :on, '测试商场')""")
                .param("i", idx(p.idNumber()))
                .param("k", kind)
                .param("on", LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(daysAgo))
                .update();
    }

    JsonNode code(Person p) {
        var page = p.web().json("GET", "/api/v1/citizen/healthcode", null);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return json(page);
    }

    JsonNode verify(String token) {
        var page = new WebClient(BASE)
                .json("POST", "/api/v1/healthcode/verify", JSON.writeValueAsString(Map.of("token", token)));
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return json(page);
    }

    long audited(String code, String subject) {
        return jdbc.sql("select count(*) from audit.audit_event where code = :c and subject = :s")
                .param("c", code)
                .param("s", subject)
                .query(Long.class)
                .single();
    }

    @Test
    void noRecordsAndANegativeTestAreGreen() {
        var p = person();
        var none = code(p);
        assertThat(none.get("status").asString()).isEqualTo("GREEN");
        assertThat(none.get("reasons").toString()).contains("无风险记录");
        test(p, "PCR", "NEGATIVE", Duration.ofHours(10));
        // A close contact eight days ago is past the rule's seven days.
        exposure(p, "CLOSE_CONTACT", 7);
        assertThat(code(p).get("status").asString()).isEqualTo("GREEN");
    }

    @Test
    void aCloseContactWithinSevenDaysIsYellowWithTheReasonInWords() {
        var p = person();
        test(p, "PCR", "NEGATIVE", Duration.ofHours(10));
        exposure(p, "CLOSE_CONTACT", 3);
        var c = code(p);
        assertThat(c.get("status").asString()).isEqualTo("YELLOW");
        assertThat(c.get("reasons").toString()).contains("7 天内有密接记录", "测试商场");
        var page = p.web().get("/citizen/healthcode");
        assertThat(page.body()).contains("黄码", "7 天内有密接记录");
        assertThat(p.web().english().get("/citizen/healthcode").body()).contains("Yellow code", "close contact");
    }

    @Test
    void aPositiveTestWithinFourteenDaysIsRedUntilALaterNegativePcr() {
        var p = person();
        exposure(p, "SECONDARY_CONTACT", 1);
        test(p, "ANTIGEN", "POSITIVE", Duration.ofDays(2));
        var red = code(p);
        assertThat(red.get("status").asString()).isEqualTo("RED");
        assertThat(red.get("reasons").toString()).contains("14 天内抗原检测阳性", "7 天内有次密接记录");
        test(p, "PCR", "NEGATIVE", Duration.ofHours(5));
        assertThat(code(p).get("status").asString()).isEqualTo("YELLOW");
    }

    @Test
    void everyReadGoesThroughTheExchangeAndShowsOnMyData() {
        var p = person();
        code(p);
        var entries =
                jdbc.sql("""
                select count(*) from exchange.call_log where client_id = 'platform:healthcode'
                   and resource_code = 'HEALTH_RECORDS' and subject_idx = :i and requester_department = '440100-WJ'
                   and purpose = '本人查看健康码'""").param("i", idx(p.idNumber())).query(Long.class).single();
        assertThat(entries).isGreaterThanOrEqualTo(1);
        var data = p.web().get("/citizen/data");
        assertThat(data.body()).contains("广州市卫生健康委员会", "健康监测记录", "本人查看健康码");
    }

    @Test
    void theTokenVerifiesOnlineAndAlteredForgedOrExpiredOnesAreRefusedInWords() throws Exception {
        var p = person();
        exposure(p, "CLOSE_CONTACT", 2);
        var token = code(p).get("token").asString();
        var ok = verify(token);
        assertThat(ok.get("valid").asBoolean()).isTrue();
        assertThat(ok.get("status").asString()).isEqualTo("YELLOW");
        assertThat(ok.get("message").asString()).contains("健康码真实有效");
        // The licences' verification answers the same token through the health code's register.
        var licences = new WebClient(BASE)
                .json("POST", "/api/v1/licenses/verify", JSON.writeValueAsString(Map.of("token", token)));
        assertThat(json(licences).get("outcome").asString()).isEqualTo("VALID");
        var page = new WebClient(BASE);
        page.get("/verify");
        assertThat(page.post("/verify", Map.of("token", token)).body()).contains("健康码真实有效", "黄码");

        // Altered: the colour changed to green, the signature kept.
        var parts = token.split("\\.");
        var payload = new String(Compact.decode(parts[1]), StandardCharsets.UTF_8).replace("黄码", "绿码");
        var altered = parts[0] + "." + Compact.encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        var a = verify(altered);
        assertThat(a.get("valid").asBoolean()).isFalse();
        assertThat(a.get("outcome").asString()).isEqualTo("INVALID_SIGNATURE");
        assertThat(a.get("message").asString()).contains("篡改或伪造");
        // Forged: a key the trust list does not hold.
        var forged = Compact.sign("forged-key", ShowToken.TYPE, Map.of("v", 1L), data -> new byte[] {1, 2, 3});
        assertThat(verify(forged).get("outcome").asString()).isEqualTo("UNKNOWN_ISSUER");
        assertThat(verify("not a token").get("outcome").asString()).isEqualTo("MALFORMED");
        // Expired: signed by the health department's key, its minute over.
        var expired = expired("HC-test");
        var e = verify(expired);
        assertThat(e.get("outcome").asString()).isEqualTo("EXPIRED");
        assertThat(e.get("message").asString()).contains("已过期");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where code = 'HEALTHCODE_VERIFY_REFUSED'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(4);
    }

    /** A health-code token signed with the health department's key, issued at {@code iat}, living a minute. */
    String signed(String id, Instant iat) {
        return signed(id, iat, iat.plusSeconds(60));
    }

    /**
     * A token signed by the health department's key while the key was valid (from its first second, or ten minutes
     * ago) and expired a second later; returns once that is past the online verifier's two seconds of skew.
     */
    String expired(String prefix) throws InterruptedException {
        var key = keys.current("440100-WJ", LicenseKeyStore.ISSUER);
        var first = key.notBefore().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        var tenMinutes = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        var issued = first.isAfter(tenMinutes) ? first : tenMinutes;
        var token = signed(prefix + System.nanoTime(), issued, issued.plusSeconds(1));
        while (Instant.now().isBefore(issued.plusSeconds(4))) Thread.sleep(200);
        return token;
    }

    /** A health-code token signed with the health department's key, valid from {@code iat} until {@code exp}. */
    String signed(String id, Instant iat, Instant exp) {
        var key = keys.current("440100-WJ", LicenseKeyStore.ISSUER);
        var at = iat.truncatedTo(ChronoUnit.SECONDS);
        var claims = new ShowToken(
                key.kid(),
                id,
                "440100-WJ",
                "HEALTH_CODE",
                "健康码",
                Map.of("status", "绿码", "name", "张*"),
                at,
                exp.truncatedTo(ChronoUnit.SECONDS),
                LocalDate.ofInstant(at, ZoneId.of("Asia/Shanghai")),
                null,
                -1,
                "n" + System.nanoTime());
        return Compact.sign(key.kid(), ShowToken.TYPE, claims.payload(), data -> keys.sign(key.kid(), data));
    }

    @Test
    void theCodeAndAnExpiredCardVerifyOfflineWithThePublishedTrustList() throws Exception {
        var p = person();
        var token = code(p).get("token").asString();
        var anyone = new WebClient(BASE);
        var trust = anyone.get("/api/v1/licenses/trust-list").body();
        var root = anyone.get("/api/v1/licenses/trust-list/root.pem").body();
        var verifier = new org.tongban.verifier.OfflineVerifier(
                org.tongban.verifier.TrustList.verify(trust, org.tongban.verifier.Sm2.fromPem(root)), null);
        var now = Instant.now();
        var v = verifier.verify(token, now);
        assertThat(v.outcome()).isEqualTo(org.tongban.verifier.Outcome.VALID);
        assertThat(v.token().fields()).containsEntry("status", "绿码");
        assertThat(v.key().nameZh()).isEqualTo("广州市卫生健康委员会");
        // An offline card whose validity is over verifies as expired, offline as online (signed by the department's
        // key while it was valid: the key is as old as this platform, so the card lives one second from then).
        var expiredCard = expired("HCC-old");
        var strict = new org.tongban.verifier.OfflineVerifier(
                org.tongban.verifier.TrustList.verify(trust, org.tongban.verifier.Sm2.fromPem(root)),
                null,
                Duration.ZERO);
        assertThat(strict.verify(expiredCard, Instant.now()).outcome()).isEqualTo(org.tongban.verifier.Outcome.EXPIRED);
        assertThat(verify(expiredCard).get("outcome").asString()).isEqualTo("EXPIRED");
    }

    @Test
    void theOfflineCardIsTheOwnersAloneAndItsTokenVerifies() {
        var p = person();
        var made = p.web().json("POST", "/api/v1/citizen/healthcode/cards", "{}");
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        var card = json(made);
        var id = card.get("id").asString();
        assertThat(Duration.between(
                        Instant.parse(card.get("issuedAt").asString()),
                        Instant.parse(card.get("validUntil").asString())))
                .isEqualTo(Duration.ofDays(7));
        var pdf = p.web().get("/citizen/healthcode/cards/" + id + "/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        var token = jdbc.sql("select token from healthcode.card where id = :id")
                .param("id", UUID.fromString(id))
                .query(String.class)
                .single();
        var v = verify(token);
        assertThat(v.get("valid").asBoolean()).isTrue();
        assertThat(v.get("card").asBoolean()).isTrue();
        // Another person: not found, audited.
        var other = person();
        assertThat(other.web().get("/citizen/healthcode/cards/" + id).status()).isEqualTo(404);
        assertThat(other.web().get("/citizen/healthcode/cards/" + id + "/pdf").status())
                .isEqualTo(404);
        assertThat(other.web()
                        .json("GET", "/api/v1/citizen/healthcode/cards/" + id + "/pdf", null)
                        .status())
                .isEqualTo(404);
        assertThat(audited("HEALTHCODE_REFUSED", id)).isGreaterThanOrEqualTo(3);
        // A card the platform never printed is unknown, though signed by the right key.
        var unknown = signed("HCC-never" + System.nanoTime(), Instant.now());
        assertThat(verify(unknown).get("outcome").asString()).isEqualTo("UNKNOWN_LICENCE");
    }

    @Test
    void theHealthDepartmentsOfficialPrintsACardAtTheWindowByIdNumber() {
        var p = person();
        var health = signedIn("healthofficial");
        var wrong = health.post("/office/healthcode/cards", Map.of("idNumber", p.idNumber(), "name", "不是本人"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("姓名与身份证号码不符", p.idNumber());
        assertThat(health.post("/office/healthcode/cards", Map.of("idNumber", "123", "name", p.name()))
                        .body())
                .contains("请输入有效的 18 位居民身份证号码");
        var ok = health.post("/office/healthcode/cards", Map.of("idNumber", p.idNumber(), "name", p.name()));
        assertThat(ok.status()).as(ok.body()).isEqualTo(302);
        var cardPage = health.get(ok.location());
        assertThat(cardPage.body()).contains("离线健康码卡", "绿码");
        assertThat(health.get(ok.location() + "/pdf").body()).startsWith("%PDF");
        // The read shows on the person's own page; the card is the official's, not the market official's.
        assertThat(p.web().get("/citizen/data").body()).contains("窗口工作人员");
        var market = signedIn("official");
        assertThat(market.get(ok.location()).status()).isEqualTo(404);
        market.get("/office/healthcode/cards");
        var refused = market.post("/office/healthcode/cards", Map.of("idNumber", p.idNumber(), "name", p.name()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("只有卫生健康部门的工作人员");
        assertThat(p.web().get("/office/healthcode/cards").status()).isEqualTo(403);
    }

    @Test
    void aVenueScanRecordsAVisitAndTheVenueSeesCountsNotNames() {
        var health = signedIn("healthofficial");
        var name = "测试场所" + System.nanoTime() % 100000;
        assertThat(health.post("/office/healthcode/venues", Map.of("name", "", "address", "x"))
                        .body())
                .contains("请输入场所名称");
        var made = health.post("/office/healthcode/venues", Map.of("name", name, "address", "广州市越秀区测试路1号"));
        assertThat(made.status()).isEqualTo(302);
        var venuePage = health.get(made.location()).body();
        var m = java.util.regex.Pattern.compile("/healthcode/venues/([A-Za-z0-9]{12})")
                .matcher(venuePage);
        assertThat(m.find()).isTrue();
        var code = m.group(1);

        var p = person();
        assertThat(p.web().get("/healthcode/venues/" + code).body()).contains(name, "登记到访");
        var scanned = p.web().post("/healthcode/venues/" + code, Map.of());
        assertThat(scanned.body()).contains("已于", "绿码");
        var api = p.web().json("POST", "/api/v1/citizen/healthcode/visits", "{\"venue\":\"" + code + "\"}");
        assertThat(api.status()).as(api.body()).isEqualTo(201);
        assertThat(p.web().get("/citizen/healthcode/visits").body()).contains(name);
        assertThat(p.web()
                        .json("GET", "/api/v1/citizen/healthcode/visits", null)
                        .body())
                .contains(name);
        assertThat(p.web().get("/healthcode/venues/NOSUCHVENUE1").status()).isEqualTo(404);

        var counted = health.get(made.location()).body();
        assertThat(counted).contains("累计到访 2 人次").doesNotContain(p.name());
        // Another department's official does not find it.
        assertThat(signedIn("official").get(made.location()).status()).isEqualTo(404);
    }

    @Test
    void theDemoPeopleHaveTheirCodes() {
        assertThat(json(signedIn("citizen").json("GET", "/api/v1/citizen/healthcode", null))
                        .get("status")
                        .asString())
                .isEqualTo("GREEN");
        assertThat(json(signedIn("citizen2").json("GET", "/api/v1/citizen/healthcode", null))
                        .get("status")
                        .asString())
                .isEqualTo("YELLOW");
        assertThat(signedIn("official")
                        .json("GET", "/api/v1/citizen/healthcode", null)
                        .status())
                .isEqualTo(403);
    }
}
