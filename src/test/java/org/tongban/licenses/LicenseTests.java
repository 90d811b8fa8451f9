package org.tongban.licenses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.audit.AuditManagement;
import org.tongban.cases.Applications;
import org.tongban.cases.CaseAction;
import org.tongban.cases.CaseConcluded;
import org.tongban.cases.CaseHandling;
import org.tongban.cases.CaseManagement;
import org.tongban.catalog.CatalogManagement;
import org.tongban.licenses.internal.BatchReport;
import org.tongban.licenses.internal.HolderKind;
import org.tongban.licenses.internal.IssueLicense;
import org.tongban.licenses.internal.LicenseIssuance;
import org.tongban.licenses.internal.LicenseManagement;
import org.tongban.licenses.internal.LicenseSummary;
import org.tongban.licenses.internal.LicenseTypeView;
import org.tongban.licenses.internal.LicenseTypes;
import org.tongban.licenses.internal.LicenseVerification;
import org.tongban.licenses.internal.LicenseWallet;
import org.tongban.shared.LicenseIdentifier;
import org.tongban.verifier.Compact;
import org.tongban.verifier.OfflineVerifier;
import org.tongban.verifier.Outcome;
import org.tongban.verifier.ShowToken;
import org.tongban.verifier.Sm2;
import org.tongban.verifier.StatusList;
import org.tongban.verifier.TrustList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Electronic licenses end to end on the real platform: seeded types and licenses, issuing by officials (and the
 * refusals), SM2 signatures checked by OpenSSL, show tokens verified online and offline, revocation and suspension
 * seen by both, key rotation, batch import with bad rows, issuance when a case is approved on the real engine,
 * pages, and who may do what.
 */
class LicenseTests extends IntegrationTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Map<String, UUID> ACCOUNTS = new ConcurrentHashMap<>();
    /** 广州通办示范科技有限公司, the demo enterprise whose legal representative signs in as "enterprise". */
    static final String DEMO_COMPANY = "91440106MA5D00010F";

    @Autowired
    LicenseIssuance issuance;

    @Autowired
    LicenseManagement management;

    @Autowired
    LicenseWallet wallet;

    @Autowired
    LicenseVerification verification;

    @Autowired
    LicenseTypes types;

    @Autowired
    LicenseKeyStore keys;

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    AuditManagement audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.tongban.identity.Departments departments;

    static UUID accountOf(String login) {
        return ACCOUNTS.computeIfAbsent(
                login,
                l -> UUID.fromString(JSON.readTree(
                                signedIn(l).json("GET", "/api/v1/me", null).body())
                        .get("accountId")
                        .asString()));
    }

    /** A signed-in browser that has opened a page, so that it holds the CSRF token its API calls need. */
    static org.tongban.WebClient session(String login) {
        var web = signedIn(login);
        web.get("/account");
        return web;
    }

    static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    /** An anonymous HTTP call, as a verifier app or a third party makes it (no session, no CSRF token). */
    static HttpResponse<String> anonymous(String method, String path, String body) {
        try {
            var request = HttpRequest.newBuilder(URI.create(BASE + path))
                    .header("Content-Type", "application/json")
                    .method(
                            method,
                            body == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(body));
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode verifyOnline(String token) {
        var response = anonymous("POST", "/api/v1/licenses/verify", JSON.writeValueAsString(Map.of("token", token)));
        assertThat(response.statusCode()).isEqualTo(200);
        return tree(response.body());
    }

    /** The published trust list and status list, fetched anonymously, in an offline verifier. */
    static OfflineVerifier offlineVerifier() throws Exception {
        var root = Sm2.fromPem(
                anonymous("GET", "/api/v1/licenses/trust-list/root.pem", null).body());
        var trust = TrustList.verify(
                anonymous("GET", "/.well-known/tongban/licenses/trust-list", null)
                        .body(),
                root);
        var status = StatusList.verify(
                anonymous("GET", "/api/v1/licenses/status-list", null).body(), trust, Instant.now());
        return new OfflineVerifier(trust, status);
    }

    static IssueLicense businessLicense(String creditCode, String name) {
        return new IssueLicense(
                "BUSINESS_LICENCE",
                name,
                creditCode,
                Map.of(
                        "entityType",
                        "有限责任公司",
                        "legalRepresentative",
                        "赵六",
                        "registeredCapital",
                        "100万元人民币",
                        "establishedOn",
                        "2026-11-01",
                        "address",
                        "广州市天河区华夏路8号",
                        "businessScope",
                        "软件开发"),
                null,
                null,
                null);
    }

    static IssueLicense equipment(String creditCode) {
        return new IssueLicense(
                "SPECIAL_EQUIPMENT_USE",
                "广州通办示范科技有限公司",
                creditCode,
                Map.of(
                        "equipmentType",
                        "电梯",
                        "equipmentCode",
                        "3110440106" + (System.nanoTime() % 100000),
                        "location",
                        "广州市天河区天河路100号"),
                null,
                null,
                null);
    }

    // Seeds

    @Test
    void moreThanThirtyRealTypesAreSeededWithDemoLicensesForPeopleAndEnterprises() {
        var all = types.all();
        assertThat(all).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all)
                .extracting(LicenseTypeView::nameZh)
                .contains(
                        "居民身份证电子凭证",
                        "社会保障卡",
                        "机动车驾驶证",
                        "结婚证",
                        "出生医学证明",
                        "广东省居住证",
                        "无犯罪记录证明",
                        "不动产权证书",
                        "营业执照",
                        "食品经营许可证",
                        "道路运输经营许可证",
                        "建筑业企业资质证书");
        assertThat(all).allSatisfy(t -> {
            assertThat(t.typeCode()).matches("[0-9A-Z]{18}\\d{3}");
            assertThat(t.issuers()).isNotEmpty();
            assertThat(t.face())
                    .allSatisfy(
                            f -> assertThat(t.knows(f)).as(t.code() + "." + f).isTrue());
        });
        assertThat(all).extracting(LicenseTypeView::holderKind).contains(HolderKind.PERSON, HolderKind.ENTERPRISE);

        var mine = wallet.mine(accountOf("citizen"), null, 50).licenses();
        assertThat(mine)
                .extracting(LicenseSummary::type)
                .contains("CN_ID", "DRIVING_LICENCE", "SOCIAL_SECURITY_CARD", "REAL_ESTATE");
        assertThat(mine)
                .allSatisfy(l ->
                        assertThat(LicenseIdentifier.isValid(l.identifier())).isTrue());
        assertThat(wallet.mine(accountOf("citizen2"), null, 50).licenses())
                .filteredOn(l -> l.type().equals("DRIVING_LICENCE"))
                .extracting(LicenseSummary::status)
                .containsExactly(LicenseStatus.SUSPENDED);
        // The legal representative sees his own licenses and his company's.
        assertThat(wallet.mine(accountOf("enterprise"), null, 50).licenses())
                .extracting(LicenseSummary::type)
                .contains("CN_ID", "BUSINESS_LICENCE", "HOUSING_FUND_UNIT");
        // Keyset paging: two pages of 2 hold four distinct licenses, newest first.
        var first = wallet.mine(accountOf("citizen"), null, 2);
        var second = wallet.mine(accountOf("citizen"), first.next(), 2);
        assertThat(first.licenses().getFirst().id())
                .isGreaterThan(second.licenses().getFirst().id());
        assertThat(second.licenses())
                .extracting(LicenseSummary::id)
                .doesNotContainAnyElementsOf(
                        first.licenses().stream().map(LicenseSummary::id).toList());
    }

    // Issuing

    @Test
    void anOfficialIssuesALicenseWithAGbt36904IdentifierAndAValidSignatureOnce() {
        var official = accountOf("official");
        var code = LicenseIssuance.newCreditCode("440100");
        var key = UUID.randomUUID().toString();
        var issued = issuance.issue(official, key, businessLicense(code, "广州测试发证科技有限公司"));
        var id = LicenseIdentifier.parse(issued.identifier());
        assertThat(id.typeCode())
                .isEqualTo(types.find("BUSINESS_LICENCE").orElseThrow().typeCode());
        assertThat(id.issuerCode())
                .isEqualTo(departments.department("440100-SCJG").orElseThrow().creditCode());
        assertThat(id.version()).isEqualTo("001");
        assertThat(id.serial())
                .startsWith(Integer.toString(
                        LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear()));
        assertThat(issued.status()).isEqualTo(LicenseStatus.VALID);
        assertThat(issued.validTo()).isNull();

        // The same request again answers with the same license, whatever it says now.
        assertThat(issuance.issue(official, key, businessLicense(LicenseIssuance.newCreditCode("440100"), "别的公司"))
                        .identifier())
                .isEqualTo(issued.identifier());
        // A second business license for the same enterprise is refused: one per holder.
        assertThatThrownBy(() ->
                        issuance.issue(official, UUID.randomUUID().toString(), businessLicense(code, "广州测试发证科技有限公司")))
                .isInstanceOfSatisfying(LicenseRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("licenses.error.alreadyHolds");
                    assertThat(e.conflict()).isTrue();
                });

        var view = management.license(official, issued.identifier());
        assertThat(view.signatureValid()).isTrue();
        assertThat(view.holderId()).isEqualTo(code);
        assertThat(view.data()).containsEntry("legalRepresentative", "赵六");
        assertThat(view.canonical())
                .startsWith("{\"data\":{")
                .contains("\"kid\":\"" + view.keyId() + "\"")
                .doesNotContain(" \"")
                .doesNotContain("\n");
    }

    @Test
    void theTypesRulesAreCheckedFieldByField() {
        var official = accountOf("official");
        var bad = new IssueLicense(
                "FOOD_LICENCE",
                " ",
                "91440106MA5D00010X",
                Map.of("premises", "x".repeat(201), "unknown", "1"),
                null,
                LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 4, 1));
        assertThatThrownBy(() -> issuance.issue(official, UUID.randomUUID().toString(), bad))
                .isInstanceOfSatisfying(
                        InvalidLicenseException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("holderName", "licenses.error.required")
                                .containsEntry("holderId", "validation.creditCode.checksum")
                                .containsEntry("premises", "licenses.error.tooLong")
                                .containsEntry("operator", "licenses.error.required")
                                .containsEntry("unknown", "licenses.error.unknownField")
                                .containsEntry("validTo", "licenses.error.validToBeforeFrom"));
        // A period rule gives the last day: five years from 1 March 2026 end on 28 February 2031.
        var food = issuance.issue(
                official,
                UUID.randomUUID().toString(),
                new IssueLicense(
                        "FOOD_LICENCE",
                        "广州测试餐饮有限公司",
                        LicenseIssuance.newCreditCode("440100"),
                        Map.of(
                                "operator",
                                "广州测试餐饮有限公司",
                                "premises",
                                "广州市天河区",
                                "mainBusiness",
                                "餐饮服务经营者",
                                "scope",
                                "热食类食品制售"),
                        null,
                        LocalDate.of(2026, 3, 1),
                        null));
        assertThat(food.validTo()).isEqualTo(LocalDate.of(2031, 2, 28));
    }

    @Test
    void anOfficialCannotIssueATypeHisDepartmentDoesNotIssue() {
        assertThatThrownBy(() -> issuance.issue(
                        accountOf("taxofficial"),
                        UUID.randomUUID().toString(),
                        businessLicense(LicenseIssuance.newCreditCode("440100"), "广州越权测试有限公司")))
                .isInstanceOfSatisfying(LicenseRefusedException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("licenses.error.notIssuer");
                    assertThat(e.forbidden()).isTrue();
                });
        var body = JSON.writeValueAsString(Map.of(
                "type",
                "BUSINESS_LICENCE",
                "holderName",
                "广州越权测试有限公司",
                "holderId",
                LicenseIssuance.newCreditCode("440100"),
                "data",
                businessLicense("x", "y").data()));
        var tax = session("taxofficial").jsonWithHeader("POST", "/api/v1/licenses", body, "Idempotency-Key", "k1");
        assertThat(tax.status()).isEqualTo(403);
        assertThat(tree(tax.body()).get("code").asString()).isEqualTo("licenses.error.notIssuer");
        // A citizen has no issuing permission at all; an anonymous caller is not signed in.
        assertThat(session("citizen")
                        .jsonWithHeader("POST", "/api/v1/licenses", body, "Idempotency-Key", "k2")
                        .status())
                .isEqualTo(403);
        // Without a session a caller needs a bearer token: a bad one is 401; without any, the CSRF check refuses first.
        assertThat(anonymous("POST", "/api/v1/licenses", body).statusCode()).isEqualTo(403);
        try {
            var bearer = HTTP.send(
                    HttpRequest.newBuilder(URI.create(BASE + "/api/v1/licenses"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer not-a-token")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(bearer.statusCode()).isEqualTo(401);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(audit.recent(
                                50,
                                "LICENCE_ISSUE_REFUSED",
                                accountOf("taxofficial").toString()))
                        .isNotEmpty());
        // The official's own department issues it through the API: 201, then the same key answers the same license.
        var official = session("official");
        var created = official.jsonWithHeader(
                "POST", "/api/v1/licenses", body, "Idempotency-Key", "api-" + UUID.randomUUID());
        assertThat(created.status()).isEqualTo(201);
        assertThat(LicenseIdentifier.isValid(
                        tree(created.body()).get("identifier").asString()))
                .isTrue();
        var invalid = official.jsonWithHeader(
                "POST", "/api/v1/licenses", "{\"type\":\"BUSINESS_LICENCE\"}", "Idempotency-Key", "x");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(tree(invalid.body()).get("errors").get("holderId").asString())
                .isNotBlank();
        assertThat(official.json("POST", "/api/v1/licenses", body).status()).isEqualTo(400);
    }

    @Test
    void openSslVerifiesTheIssuersSm2SignatureOfAnIssuedLicense() throws Exception {
        var official = accountOf("official");
        var issued = issuance.issue(
                official,
                UUID.randomUUID().toString(),
                businessLicense(LicenseIssuance.newCreditCode("440100"), "广州开放验签科技有限公司"));
        var view = management.license(official, issued.identifier());
        var dir = Files.createTempDirectory("license-openssl");
        var data = dir.resolve("license.json");
        var sig = dir.resolve("license.sig");
        var pub = dir.resolve("issuer.pem");
        Files.write(data, view.canonical().getBytes(StandardCharsets.UTF_8));
        Files.write(sig, Base64.getDecoder().decode(view.signature()));
        // The public key as the trust list publishes it.
        var trust = TrustList.verify(verification.trustList(), Sm2.fromPem(verification.rootKey()));
        Files.writeString(pub, Sm2.pem(trust.key(view.keyId()).orElseThrow().subjectPublicKeyInfo()));

        var ok = openssl(pub, data, sig);
        assertThat(ok.output()).contains("Signature Verified Successfully");
        assertThat(ok.exitCode()).isZero();

        var bytes = Files.readAllBytes(data);
        bytes[bytes.length / 2] ^= 1;
        Files.write(data, bytes);
        var tampered = openssl(pub, data, sig);
        assertThat(tampered.exitCode()).isNotZero();
        assertThat(tampered.output()).contains("Signature Verification Failure");
    }

    @Test
    void theDocumentedShellRecipeVerifiesAShowTokenWithStandardTools() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(onPath("jq") && onPath("basenc"), "jq and basenc are needed");
        var dir = Files.createTempDirectory("license-recipe");
        var cnId = wallet.mine(accountOf("citizen"), null, 50).licenses().stream()
                .filter(l -> l.type().equals("CN_ID"))
                .findFirst()
                .orElseThrow();
        var token =
                wallet.show(accountOf("citizen"), cnId.identifier(), null, null).token();
        Files.writeString(dir.resolve("token.txt"), token + "\n");
        Files.writeString(
                dir.resolve("trust-list.jws"),
                anonymous("GET", "/.well-known/tongban/licenses/trust-list", null)
                        .body());
        Files.writeString(
                dir.resolve("root.pem"),
                anonymous("GET", "/.well-known/tongban/licenses/root.pem", null).body());
        var ok = recipe(dir);
        assertThat(ok.exitCode()).as(ok.output()).isZero();
        assertThat(ok.output()).contains("Signature Verified Successfully", cnId.identifier(), "\"expired\": false");

        var parts = token.split("\\.");
        var forged = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("张*", "王*");
        Files.writeString(
                dir.resolve("token.txt"),
                parts[0] + "." + Compact.encode(forged.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
        var tampered = recipe(dir);
        assertThat(tampered.exitCode()).isNotZero();
        assertThat(tampered.output()).contains("Signature Verification Failure");
    }

    static Run recipe(java.nio.file.Path dir) throws Exception {
        var script = java.nio.file.Path.of("docs/licenses-verify.sh")
                .toAbsolutePath()
                .toString();
        var process = new ProcessBuilder("bash", script, "token.txt", "trust-list.jws", "root.pem")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    static boolean onPath(String tool) {
        try {
            return new ProcessBuilder("sh", "-c", "command -v " + tool).start().waitFor() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    record Run(int exitCode, String output) {}

    static Run openssl(java.nio.file.Path pub, java.nio.file.Path data, java.nio.file.Path sig) throws Exception {
        var process = new ProcessBuilder(
                        "openssl",
                        "pkeyutl",
                        "-verify",
                        "-pubin",
                        "-inkey",
                        pub.toString(),
                        "-rawin",
                        "-digest",
                        "sm3",
                        "-pkeyopt",
                        "distid:1234567812345678",
                        "-in",
                        data.toString(),
                        "-sigfile",
                        sig.toString())
                .redirectErrorStream(true)
                .start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(process.waitFor(), output);
    }

    // Showing and verifying

    @Test
    void theHolderShowsALicenseAndAnyoneVerifiesItOnlineAndOfflineWithMaskedData() throws Exception {
        var citizen = session("citizen");
        var cnId = wallet.mine(accountOf("citizen"), null, 50).licenses().stream()
                .filter(l -> l.type().equals("CN_ID"))
                .findFirst()
                .orElseThrow();
        var shown = citizen.json("POST", "/api/v1/licenses/" + cnId.identifier() + "/show", "{}");
        assertThat(shown.status()).isEqualTo(200);
        var token = tree(shown.body()).get("token").asString();
        assertThat(Duration.between(
                        Instant.parse(tree(shown.body()).get("issuedAt").asString()),
                        Instant.parse(tree(shown.body()).get("expiresAt").asString())))
                .isEqualTo(Duration.ofSeconds(60));

        var result = verifyOnline(token);
        assertThat(result.get("outcome").asString()).isEqualTo("VALID");
        assertThat(result.get("valid").asBoolean()).isTrue();
        assertThat(result.get("identifier").asString()).isEqualTo(cnId.identifier());
        assertThat(result.get("fields").get("holderName").get("value").asString())
                .isEqualTo("张*");
        assertThat(result.get("fields").get("holderId").get("value").asString()).isEqualTo("4401**********1231");
        assertThat(result.get("fields").get("holderName").get("label").asString())
                .isEqualTo("持证主体");

        var offline = offlineVerifier().verify(token, Instant.now());
        assertThat(offline.outcome()).isEqualTo(Outcome.VALID);
        assertThat(offline.statusChecked()).isTrue();

        // The holder may disclose chosen fields unmasked.
        var chosen = wallet.show(
                accountOf("citizen"), cnId.identifier(), List.of("holderName", "address"), List.of("holderName"));
        assertThat(chosen.fields()).containsEntry("holderName", "张三").containsEntry("address", "广州市天河区****");
        assertThatThrownBy(() -> wallet.show(accountOf("citizen"), cnId.identifier(), List.of("salary"), null))
                .isInstanceOf(InvalidLicenseException.class);
    }

    @Test
    void tamperedExpiredUnknownAndGarbageTokensSayWhichCheckFailed() {
        var token = wallet.show(
                        accountOf("citizen"),
                        wallet.mine(accountOf("citizen"), null, 1)
                                .licenses()
                                .getFirst()
                                .identifier(),
                        null,
                        null)
                .token();
        var parts = token.split("\\.");
        var payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("张*", "李*");
        var tampered = parts[0] + "." + Compact.encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        var r = verifyOnline(tampered);
        assertThat(r.get("outcome").asString()).isEqualTo("INVALID_SIGNATURE");
        assertThat(r.get("check").asString()).isEqualTo("invalid signature");
        assertThat(r.get("valid").asBoolean()).isFalse();

        // A token whose time is up: signed by the issuer's real key, but it expired a minute ago.
        var license = management
                .status(
                        parts.length == 3
                                ? tree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                                        .get("lid")
                                        .asString()
                                : "")
                .orElseThrow();
        var key = keys.current("440100-GA", LicenseKeyStore.ISSUER);
        // Made while the key was valid, and good for one second; past the 30 seconds of clock skew a verifier allows.
        var issuedAt = key.notBefore().plusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var wait = Duration.between(Instant.now(), issuedAt.plusSeconds(33));
        if (!wait.isNegative())
            Awaitility.await().pollDelay(wait).atMost(wait.plusSeconds(5)).until(() -> true);
        var old = new ShowToken(
                key.kid(),
                license.identifier(),
                "440100-GA",
                "CN_ID",
                "居民身份证电子凭证",
                Map.of(),
                issuedAt,
                issuedAt.plusSeconds(1),
                LocalDate.of(2020, 1, 1),
                null,
                license.statusIndex(),
                "n");
        var expired = Compact.sign(key.kid(), ShowToken.TYPE, old.payload(), d -> keys.sign(key.kid(), d));
        assertThat(verifyOnline(expired).get("check").asString()).isEqualTo("expired");

        // A key the trust list has never held.
        var unknown =
                Compact.sign("440100-GA-19990101-000000", ShowToken.TYPE, old.payload(), d -> keys.sign(key.kid(), d));
        assertThat(verifyOnline(unknown).get("check").asString()).isEqualTo("unknown issuer");

        var garbage = verifyOnline("this is not a license");
        assertThat(garbage.get("outcome").asString()).isEqualTo("MALFORMED");
        assertThat(garbage.get("message").asString()).isEqualTo("这不是电子证照亮证码，无法识别。");
        assertThat(anonymous("POST", "/api/v1/licenses/verify", "{\"token\":").statusCode())
                .isEqualTo(400);
        assertThat(anonymous("POST", "/api/v1/licenses/verify", "{}").statusCode())
                .isEqualTo(200);
    }

    @Test
    void revocationAndSuspensionAreSeenOnlineAndOfflineAndAudited() throws Exception {
        var official = accountOf("official");
        var issued = issuance.issue(official, UUID.randomUUID().toString(), equipment(DEMO_COMPANY));
        // The company's legal representative shows it.
        var token = wallet.show(accountOf("enterprise"), issued.identifier(), null, null)
                .token();
        assertThat(verifyOnline(token).get("outcome").asString()).isEqualTo("VALID");
        assertThat(offlineVerifier().verify(token, Instant.now()).outcome()).isEqualTo(Outcome.VALID);

        assertThatThrownBy(() -> management.suspend(official, issued.identifier(), " "))
                .isInstanceOf(InvalidLicenseException.class);
        assertThat(management
                        .suspend(official, issued.identifier(), "安全检验不合格，暂停使用")
                        .status())
                .isEqualTo(LicenseStatus.SUSPENDED);
        assertThat(verifyOnline(token).get("check").asString()).isEqualTo("suspended");
        assertThat(offlineVerifier().verify(token, Instant.now()).outcome()).isEqualTo(Outcome.SUSPENDED);
        assertThat(anonymous("GET", "/api/v1/licenses/" + issued.identifier() + "/status", null)
                        .body())
                .contains("\"SUSPENDED\"", "\"02\"");

        assertThat(management
                        .reinstate(official, issued.identifier(), "整改完成，复检合格")
                        .status())
                .isEqualTo(LicenseStatus.VALID);
        assertThat(verifyOnline(token).get("outcome").asString()).isEqualTo("VALID");
        assertThat(offlineVerifier().verify(token, Instant.now()).outcome()).isEqualTo(Outcome.VALID);

        var revoked = session("official")
                .json("POST", "/api/v1/licenses/" + issued.identifier() + "/revoke", "{\"reason\":\"设备已报废\"}");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(verifyOnline(token).get("check").asString()).isEqualTo("revoked");
        assertThat(offlineVerifier().verify(token, Instant.now()).outcome()).isEqualTo(Outcome.REVOKED);
        // Revocation is final.
        assertThatThrownBy(() -> management.reinstate(official, issued.identifier(), "误操作"))
                .isInstanceOfSatisfying(
                        LicenseRefusedException.class,
                        e -> assertThat(e.conflict()).isTrue());
        assertThat(management.history(official, issued.identifier()))
                .extracting(h -> h[1])
                .containsExactly("SUSPENDED", "VALID", "REVOKED");
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(audit.recent(100, "LICENCE_STATUS_CHANGED", official.toString()))
                        .filteredOn(e -> e.subject().equals(issued.identifier()))
                        .hasSize(3));
        assertThat(audit.recent(100, "LICENCE_STATUS_REFUSED", official.toString()))
                .isNotEmpty();
    }

    @Test
    void aCitizenCannotShowReadOrRevokeAnothersLicense() {
        var theirs = wallet.mine(accountOf("citizen2"), null, 50)
                .licenses()
                .getFirst()
                .identifier();
        var citizen = accountOf("citizen");
        assertThatThrownBy(() -> wallet.show(citizen, theirs, null, null)).isInstanceOf(LicenseNotFoundException.class);
        assertThatThrownBy(() -> wallet.license(citizen, theirs)).isInstanceOf(LicenseNotFoundException.class);
        var web = session("citizen");
        assertThat(web.json("POST", "/api/v1/licenses/" + theirs + "/show", "{}")
                        .status())
                .isEqualTo(404);
        assertThat(web.json("GET", "/api/v1/licenses/" + theirs, null).status()).isEqualTo(404);
        assertThat(web.json("POST", "/api/v1/licenses/" + theirs + "/revoke", "{\"reason\":\"x\"}")
                        .status())
                .isEqualTo(403);
        // An official of another department does not find a license his department did not issue.
        assertThatThrownBy(() -> management.revoke(accountOf("official"), theirs, "越权"))
                .isInstanceOf(LicenseNotFoundException.class);
        assertThat(session("official")
                        .json("GET", "/api/v1/licenses/issued/" + theirs, null)
                        .status())
                .isEqualTo(404);
        assertThat(audit.recent(100, "LICENCE_ACCESS_DENIED", citizen.toString()))
                .isNotEmpty();
        // The holder reads her own in full, with the signature checked.
        var own = wallet.license(accountOf("citizen2"), theirs);
        assertThat(own.signatureValid()).isTrue();
        assertThat(session("citizen2")
                        .json("GET", "/api/v1/licenses/mine", null)
                        .body())
                .contains(theirs);
    }

    @Test
    void afterRotationNewLicensesUseTheNewKeyAndOldOnesStillVerify() throws Exception {
        var official = accountOf("official");
        var before = issuance.issue(official, UUID.randomUUID().toString(), equipment(DEMO_COMPANY));
        var oldKid = management.license(official, before.identifier()).keyId();
        var oldToken = wallet.show(accountOf("enterprise"), before.identifier(), null, null)
                .token();

        var rotated = session("operator").json("POST", "/api/v1/licenses/keys/440100-SCJG/ISSUER/rotate", null);
        assertThat(rotated.status()).isEqualTo(201);
        var newKid = tree(rotated.body()).get("kid").asString();
        assertThat(newKid).isNotEqualTo(oldKid).startsWith("440100-SCJG-");
        assertThat(session("official")
                        .json("POST", "/api/v1/licenses/keys/440100-SCJG/ISSUER/rotate", null)
                        .status())
                .isEqualTo(403);

        var after = issuance.issue(official, UUID.randomUUID().toString(), equipment(DEMO_COMPANY));
        assertThat(management.license(official, after.identifier()).keyId()).isEqualTo(newKid);
        assertThat(management.license(official, before.identifier())).satisfies(v -> {
            assertThat(v.keyId()).isEqualTo(oldKid);
            assertThat(v.signatureValid()).isTrue();
        });
        var trust = TrustList.verify(verification.trustList(), Sm2.fromPem(verification.rootKey()));
        assertThat(trust.key(oldKid)).isPresent();
        assertThat(trust.key(newKid)).isPresent();
        assertThat(keys.key(oldKid).orElseThrow().retiredAt()).isNotNull();
        // A token made before the rotation still verifies; a new one is signed with the new key.
        assertThat(verifyOnline(oldToken).get("outcome").asString()).isEqualTo("VALID");
        var newToken = wallet.show(accountOf("enterprise"), before.identifier(), null, null);
        assertThat(newToken.keyId()).isEqualTo(newKid);
        assertThat(offlineVerifier().verify(newToken.token(), Instant.now()).outcome())
                .isEqualTo(Outcome.VALID);
    }

    // Batch import

    @Test
    void aBatchIssuesTheGoodRowsAndReportsEveryRefusedRowWithItsReasons() {
        var official = accountOf("official");
        var a = LicenseIssuance.newCreditCode("440100");
        var b = LicenseIssuance.newCreditCode("440100");
        var csv = String.join(
                "\r\n",
                "holderName,持证主体代码,entityType,legalRepresentative,注册资本,establishedOn,address,businessScope,validTo",
                "广州批量一号有限公司," + a + ",有限责任公司,甲,100万元,2026-01-02,广州市天河区,软件开发,",
                "\"广州批量二号有限公司\"," + b + ",有限责任公司,乙,\"1,000万元\",2026-01-03,广州市天河区,\"咨询, 服务\",",
                "广州坏代码有限公司,91440106MA5D00010X,有限责任公司,丙,100万元,2026-01-02,广州市天河区,软件开发,",
                "广州缺人有限公司," + LicenseIssuance.newCreditCode("440100") + ",有限责任公司,,100万元,2026-01-02,广州市天河区,软件开发,",
                "广州坏日期有限公司," + LicenseIssuance.newCreditCode("440100") + ",有限责任公司,丁,100万元,2026-13-01,广州市天河区,软件开发,",
                "",
                "广州批量一号有限公司," + a + ",有限责任公司,甲,100万元,2026-01-02,广州市天河区,软件开发,",
                "广州通办示范科技有限公司," + DEMO_COMPANY + ",有限责任公司,王五,500万元,2020-06-08,广州市天河区,软件开发,",
                "广州长期有限公司," + LicenseIssuance.newCreditCode("440100")
                        + ",有限责任公司,戊,100万元,2026-01-02,广州市天河区,软件开发,2030-01-01",
                "");
        var bytes = csv.getBytes(StandardCharsets.UTF_8);
        var report = issuance.importCsv(official, "BUSINESS_LICENCE", "licenses.csv", bytes);
        assertThat(report.rows()).isEqualTo(8);
        assertThat(report.issued()).isEqualTo(2);
        assertThat(report.refused()).extracting(BatchReport.RefusedRow::row).containsExactly(4, 5, 6, 8, 9, 10);
        var reasons = report.refused().stream()
                .collect(
                        java.util.stream.Collectors.toMap(BatchReport.RefusedRow::row, BatchReport.RefusedRow::errors));
        assertThat(reasons.get(4)).containsEntry("holderId", "validation.creditCode.checksum");
        assertThat(reasons.get(5)).containsEntry("legalRepresentative", "licenses.error.required");
        assertThat(reasons.get(6)).containsEntry("establishedOn", "licenses.error.date");
        assertThat(reasons.get(8)).containsEntry("holderId", "licenses.batch.error.duplicateInFile");
        assertThat(reasons.get(9)).containsEntry("holderId", "licenses.error.alreadyHolds");
        assertThat(reasons.get(10)).containsEntry("validTo", "licenses.error.permanent");
        assertThat(LicenseIdentifier.isValid(report.firstIdentifier())).isTrue();
        var second = management.license(official, report.lastIdentifier());
        assertThat(second.data())
                .containsEntry("registeredCapital", "1,000万元")
                .containsEntry("businessScope", "咨询, 服务");
        assertThat(second.signatureValid()).isTrue();

        // The same file again issues nothing twice.
        var again = issuance.importCsv(official, "BUSINESS_LICENCE", "licenses.csv", bytes);
        assertThat(again.issued()).isZero();
        assertThat(again.refused())
                .filteredOn(r -> r.row() == 2)
                .first()
                .satisfies(r -> assertThat(r.errors()).containsEntry("row", "licenses.batch.error.alreadyImported"));

        assertThatThrownBy(() -> issuance.importCsv(
                        official, "BUSINESS_LICENCE", "x.csv", "name,id\n甲,1\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        LicenseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("licenses.batch.error.columns"));
        assertThatThrownBy(() -> issuance.importCsv(
                        official,
                        "BUSINESS_LICENCE",
                        "x.csv",
                        "holderName,holderId\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(
                        LicenseRefusedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("licenses.batch.error.empty"));
        assertThatThrownBy(() -> issuance.importCsv(accountOf("taxofficial"), "BUSINESS_LICENCE", "x.csv", bytes))
                .isInstanceOfSatisfying(
                        LicenseRefusedException.class,
                        e -> assertThat(e.forbidden()).isTrue());
    }

    @Test
    void aBatchThroughTheApiAndInGbkAsExcelSavesIt() throws Exception {
        var code = LicenseIssuance.newCreditCode("440100");
        var csv = "持证主体名称,持证主体代码,设备类别,设备代码,使用地点\r\n广州编码测试有限公司," + code + ",电梯,31104401,广州市天河区\r\n";
        var response = session("official")
                .multipart(
                        "/api/v1/licenses/batches?type=SPECIAL_EQUIPMENT_USE",
                        Map.of(),
                        "file",
                        "设备.csv",
                        "text/csv",
                        csv.getBytes(java.nio.charset.Charset.forName("GBK")));
        assertThat(response.status()).isEqualTo(200);
        var report = tree(response.body());
        assertThat(report.get("issued").asInt()).isEqualTo(1);
        var view = management.license(
                accountOf("official"), report.get("firstIdentifier").asString());
        assertThat(view.holderName()).isEqualTo("广州编码测试有限公司");
        assertThat(view.data()).containsEntry("equipmentType", "电梯");
    }

    // Cases

    @Test
    void anApprovedCaseIssuesItsLicenseOnceThroughTheRealEngine() {
        var applicant = accountOf("citizen");
        var item = "440100-GA-005"; // 无犯罪记录证明
        var number = cases.submit(Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString()));
        var police = accountOf("police");
        handling.act(police, number, CaseAction.ACCEPT, "材料齐全");
        handling.act(police, number, CaseAction.REVIEWED, "");
        handling.act(accountOf("police2"), number, CaseAction.APPROVE, "准予出具");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from licenses.license where case_number = :n")
                                .param("n", number)
                                .query(Long.class)
                                .single()
                        == 1);
        var identifier = jdbc.sql("select identifier from licenses.license where case_number = :n")
                .param("n", number)
                .query(String.class)
                .single();
        var license = wallet.license(applicant, identifier);
        assertThat(license.type().code()).isEqualTo("NO_CRIMINAL_RECORD");
        assertThat(license.holderName()).isEqualTo("张三");
        assertThat(license.data()).containsEntry("purpose", "就业");
        assertThat(license.caseNumber()).isEqualTo(number);
        assertThat(license.signatureValid()).isTrue();

        // The event delivered again (a restart, a second node) issues nothing more.
        var again = issuance.issueForCase(new CaseConcluded(
                number,
                item,
                1,
                "无犯罪记录证明",
                "Certificate",
                "440100-GA",
                "广州市公安局",
                "Guangzhou PSB",
                applicant,
                "APPROVED",
                "CERTIFICATE",
                null,
                police.toString(),
                Instant.now(),
                Instant.now()));
        assertThat(again.orElseThrow().identifier()).isEqualTo(identifier);
        assertThat(jdbc.sql("select count(*) from licenses.license where case_number = :n")
                        .param("n", number)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // A denied case issues nothing.
        assertThat(issuance.issueForCase(new CaseConcluded(
                        number + "-X",
                        item,
                        1,
                        "无犯罪记录证明",
                        "Certificate",
                        "440100-GA",
                        "广州市公安局",
                        "Guangzhou PSB",
                        applicant,
                        "DENIED",
                        "CERTIFICATE",
                        null,
                        police.toString(),
                        Instant.now(),
                        Instant.now())))
                .isEmpty();
    }

    @Test
    void aReplacementCaseIssuesTheNextVersionAndCancelsTheOldOne() {
        var applicant = accountOf("enterprise");
        var item = "440100-SCJG-008"; // 营业执照补领
        var current = wallet.mine(applicant, null, 100).licenses().stream()
                .filter(l -> l.type().equals("BUSINESS_LICENCE") && l.status() == LicenseStatus.VALID)
                .findFirst()
                .orElseThrow();
        var number = cases.submit(Applications.valid(
                cases, catalog, item, applicant, UUID.randomUUID().toString()));
        var official = accountOf("official");
        handling.act(official, number, CaseAction.ACCEPT, "");
        handling.act(official, number, CaseAction.REVIEWED, "");
        handling.act(accountOf("official2"), number, CaseAction.APPROVE, "准予补领");
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("select count(*) from licenses.license where case_number = :n")
                                .param("n", number)
                                .query(Long.class)
                                .single()
                        == 1);
        var next = jdbc.sql("select identifier from licenses.license where case_number = :n")
                .param("n", number)
                .query(String.class)
                .single();
        var previous = LicenseIdentifier.parse(current.identifier());
        var replacement = LicenseIdentifier.parse(next);
        assertThat(replacement.serial()).isEqualTo(previous.serial());
        assertThat(replacement.versionNumber()).isEqualTo(previous.versionNumber() + 1);
        var view = wallet.license(applicant, next);
        assertThat(view.previous()).isEqualTo(current.identifier());
        assertThat(view.data()).containsEntry("legalRepresentative", "王五");
        assertThat(management.status(current.identifier()).orElseThrow().status())
                .isEqualTo(LicenseStatus.CANCELLED);
    }

    // Pages and publications

    @Test
    void theOfficialsDeskIssuesOnAFormAndTheManagerListsTypes() {
        var official = signedIn("official");
        var desk = official.get("/office/licenses");
        assertThat(desk.status()).isEqualTo(200);
        assertThat(desk.body()).contains("issue-BUSINESS_LICENCE").doesNotContain("issue-CN_ID");
        assertThat(official.get("/office/licenses/new?type=BUSINESS_LICENCE").status())
                .isEqualTo(200);
        var form = new java.util.HashMap<String, String>(Map.of(
                "type",
                "BUSINESS_LICENCE",
                "requestKey",
                UUID.randomUUID().toString(),
                "holderName",
                "广州表单发证有限公司",
                "holderId",
                LicenseIssuance.newCreditCode("440100"),
                "number",
                "",
                "validFrom",
                "",
                "entityType",
                "有限责任公司",
                "legalRepresentative",
                "己",
                "registeredCapital",
                "10万元"));
        form.put("establishedOn", "2026-11-02");
        form.put("address", "广州市天河区");
        form.put("businessScope", "软件开发");
        var issued = official.post("/office/licenses", form);
        assertThat(issued.status()).isEqualTo(302);
        assertThat(issued.location()).startsWith("/office/licenses/1.2.156.3005.2.");
        var page = official.get(issued.location());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("广州表单发证有限公司", "验证通过");
        form.put("requestKey", UUID.randomUUID().toString());
        form.put("holderId", "91440106MA5D00010X");
        var refused = official.post("/office/licenses", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("统一社会信用代码校验位不正确");
        assertThat(signedIn("taxofficial")
                        .get("/office/licenses/new?type=BUSINESS_LICENCE")
                        .status())
                .isEqualTo(404);
        assertThat(signedIn("citizen").get("/office/licenses").status()).isEqualTo(403);

        var manager = signedIn("manager").get("/console/licenses");
        assertThat(manager.status()).isEqualTo(200);
        assertThat(manager.body()).contains("营业执照", "11100000000013338W032", "license-types");
        assertThat(signedIn("operator").get("/console/licenses").status()).isEqualTo(403);
    }

    @Test
    void theTrustListRootKeyAndStatusListArePublicAtStableAddresses() throws Exception {
        var api = anonymous("GET", "/api/v1/licenses/trust-list", null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/jose");
        assertThat(anonymous("GET", "/.well-known/tongban/licenses/trust-list", null)
                        .body())
                .isEqualTo(api.body());
        var pem =
                anonymous("GET", "/.well-known/tongban/licenses/root.pem", null).body();
        assertThat(pem)
                .isEqualTo(anonymous("GET", "/api/v1/licenses/trust-list/root.pem", null)
                        .body())
                .startsWith("-----BEGIN PUBLIC KEY-----");
        var trust = TrustList.verify(api.body(), Sm2.fromPem(pem));
        assertThat(trust.keys()).anySatisfy(k -> {
            assertThat(k.department()).isEqualTo("440100-SCJG");
            assertThat(k.nameZh()).isEqualTo("广州市市场监督管理局");
            assertThat(k.use()).isEqualTo("ISSUER");
        });
        assertThat(trust.keys()).anySatisfy(k -> assertThat(k.use()).isEqualTo("STATUS"));
        var status = StatusList.verify(
                anonymous("GET", "/.well-known/tongban/licenses/status-list", null)
                        .body(),
                trust,
                Instant.now());
        assertThat(status.size()).isPositive();
        assertThat(anonymous("GET", "/api/v1/licenses/types", null).statusCode())
                .isEqualTo(200);
        assertThat(anonymous("GET", "/api/v1/licenses/1.2.156.3005.2.X.Y.1.001.0/status", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(anonymous("GET", "/api/v1/licenses/mine", null).statusCode()).isEqualTo(401);
    }
}
