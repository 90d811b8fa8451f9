package org.tongban.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tongban.IntegrationTest;
import org.tongban.cases.internal.CaseDocuments;
import org.tongban.cases.internal.PersonalDataSealing;
import org.tongban.catalog.CatalogManagement;
import org.tongban.shared.IdNumber;

/**
 * Finding 15 of issue 9: ID numbers and phones outside {@code identity.person} were in clear, in case answers,
 * drafts, uploaded files and event payloads. The raw rows must not hold them; every reading path still shows them.
 */
class PersonalDataAtRestTests extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    private static final String ITEM = "440100-GA-005"; // 无犯罪记录证明: answers hold an ID number and a phone

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseHandling handling;

    @Autowired
    CaseDocuments documents;

    @Autowired
    CatalogManagement catalog;

    @Autowired
    PersonalDataSealing sealing;

    @Autowired
    JdbcClient jdbc;

    private static final Map<String, UUID> ACCOUNTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static UUID accountOf(String login) {
        return ACCOUNTS.computeIfAbsent(
                login,
                l -> UUID.fromString(signedIn(l)
                        .json("GET", "/api/v1/me", null)
                        .body()
                        .replaceAll(".*\"accountId\":\"([^\"]+)\".*", "$1")));
    }

    private static String phone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String idNumber() {
        var body = "440106" + (1950 + ThreadLocalRandom.current().nextInt(50)) + "0612"
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        return body + IdNumber.checkChar(body);
    }

    private SubmitCase application(UUID applicant, String phone, String idNumber) {
        var valid = Applications.valid(
                cases, catalog, ITEM, applicant, UUID.randomUUID().toString());
        var form = new java.util.TreeMap<>(valid.formData());
        form.put("phone", phone);
        form.put("idNumber", idNumber);
        return new SubmitCase(ITEM, applicant, valid.idempotencyKey(), form, valid.materials());
    }

    /** Rows of a table that hold the value in clear anywhere: in a text column or inside a bytea column. */
    private long clearIn(String table, String where, String value, Object key) {
        return jdbc.sql("select count(*) from " + table + " t where " + where + " and (row_to_json(t)::text like :like"
                        + " or position(convert_to(:v, 'UTF8') in convert_to(row_to_json(t)::text, 'UTF8')) > 0"
                        + " or exists (select 1 from json_each_text(row_to_json(t)) c where c.value like '\\\\x%'"
                        + " and position(convert_to(:v, 'UTF8') in decode(substr(c.value, 3), 'hex')) > 0))")
                .param("like", "%" + value + "%")
                .param("v", value)
                .param("k", key)
                .query(Long.class)
                .single();
    }

    @Test
    void caseAnswersAreSealedInTheRowAndStillReadOnTheApplicantsAndOfficialsPages() {
        var phone = phone();
        var id = idNumber();
        var applicant = org.tongban.TestRegistration.levelThree(context, id, "封存人");
        var number = cases.submit(application(applicant, phone, id));

        assertThat(clearIn("cases.case_file", "number = :k", phone, number)).isZero();
        assertThat(clearIn("cases.case_file", "number = :k", id, number)).isZero();
        assertThat(cases.mine(number, applicant).formData())
                .containsEntry("phone", phone)
                .containsEntry("idNumber", id);
        var police = accountOf("police");
        assertThat(handling.detail(police, number).kase().formData()).containsEntry("phone", phone);
        var officialPage = signedIn("police").get("/office/cases/" + number);
        assertThat(officialPage.status()).isEqualTo(200);
        assertThat(officialPage.body()).contains(phone);
        var own = new org.tongban.WebClient(BASE);
        own.signIn(id, org.tongban.TestPeople.PASSWORD);
        assertThat(own.get("/citizen/cases/" + number).body()).contains(phone);
    }

    @Test
    void anApprovedCaseLeavesNoPhoneOrIdNumberInTheEventTableAndStillIssuesItsLicense() {
        var phone = phone();
        var id = idNumber();
        var applicant = org.tongban.TestRegistration.levelThree(context, id, "封存人");
        var number = cases.submit(application(applicant, phone, id));
        var police = accountOf("police");
        handling.act(police, number, CaseAction.ACCEPT, "材料齐全");
        handling.act(police, number, CaseAction.REVIEWED, "");
        handling.act(accountOf("police2"), number, CaseAction.APPROVE, "准予出具"); // not the reviewer
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("select count(*) from licenses.license where case_number = :n")
                                .param("n", number)
                                .query(Long.class)
                                .single()
                        == 1);
        for (var table : new String[] {"events.event_publication", "events.event_publication_archive"}) {
            for (var value : new String[] {phone, id}) {
                assertThat(jdbc.sql("select count(*) from " + table + " where serialized_event like :v")
                                .param("v", "%" + value + "%")
                                .query(Long.class)
                                .single())
                        .as(table)
                        .isZero();
            }
        }
        assertThat(jdbc.sql("select count(*) from events.event_publication where serialized_event like :n")
                        .param("n", "%" + number + "%")
                        .query(Long.class)
                        .single())
                .as("the events name the case")
                .isPositive();
        assertThat(documents.forOfficial(number, police)).isNotEmpty();
    }

    @Test
    void draftsAreSealedAndReadBack() {
        var applicant = accountOf("citizen");
        var phone = phone();
        cases.saveDraft(applicant, ITEM, Map.of("phone", phone, "purpose", "EMPLOYMENT"), Map.of());
        assertThat(clearIn("cases.draft", "applicant_id = :k", phone, applicant))
                .isZero();
        assertThat(cases.draft(applicant, ITEM).orElseThrow().formData()).containsEntry("phone", phone);
        cases.saveDraft(applicant, ITEM, Map.of("phone", phone), Map.of());
        assertThat(clearIn("cases.draft", "applicant_id = :k", phone, applicant))
                .isZero();
    }

    @Test
    void uploadedFilesAreSealedAndOpenForTheirOwner() {
        var owner = UUID.randomUUID();
        var id = idNumber();
        // A PDF that opens (uploads are parsed), with the ID number in a comment line.
        var pdf = ("%PDF-1.4\n% 身份证号 " + id + "\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                        + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
        var upload = cases.upload(owner, "id-card.pdf", pdf);
        assertThat(jdbc.sql("""
                select count(*) from cases.upload where id = :id and (content is not null
                    or position(convert_to(:v, 'UTF8') in content_sealed) > 0 or position('%PDF' in encode(content_sealed, 'escape')) > 0)""")
                        .param("id", upload.id())
                        .param("v", id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(cases.uploadContent(upload.id(), owner)).hasValue(pdf);
    }

    @Test
    void rowsWrittenInClearBeforeSealingAreSealedByTheStartUpStepAndStillRead() {
        var phone = phone();
        var id = idNumber();
        var applicant = org.tongban.TestRegistration.levelThree(context, id, "旧行人");
        var number = cases.submit(application(applicant, phone, id));
        var answers = cases.mine(number, applicant).formData();
        // The row as the previous version wrote it: answers in clear, nothing sealed.
        jdbc.sql("update cases.case_file set form_data = cast(:f as jsonb), form_sealed = null where number = :n")
                .param(
                        "f",
                        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(answers))
                .param("n", number)
                .update();
        var upload = cases.upload(applicant, "old.pdf", Applications.PDF);
        jdbc.sql("update cases.upload set content = :c, content_sealed = null where id = :id")
                .param("c", Applications.PDF)
                .param("id", upload.id())
                .update();
        assertThat(cases.mine(number, applicant).formData()).containsEntry("phone", phone);

        assertThat(clearIn("cases.case_file", "number = :k", phone, number))
                .as("the check sees a clear value")
                .isOne();

        assertThat(sealing.run()).isGreaterThanOrEqualTo(2);

        assertThat(clearIn("cases.case_file", "number = :k", phone, number)).isZero();
        assertThat(jdbc.sql("select count(*) from cases.case_file where form_data is not null")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select count(*) from cases.upload where content is not null")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(cases.mine(number, applicant).formData()).isEqualTo(answers);
        assertThat(cases.uploadContent(upload.id(), applicant)).hasValue(Applications.PDF);
    }
}
