package org.tongban.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.IntegrationTest;
import org.tongban.documents.internal.DocumentStatus;
import org.tongban.documents.internal.OfficialDocuments;
import org.tongban.documents.internal.ReceiptStatus;
import org.tongban.identity.internal.AccountStore;
import org.tongban.licenses.LicenseKeyStore;
import org.tongban.shared.Refusal;
import org.tongban.verifier.Sm2;

/**
 * The outgoing flow from draft to dispatch and the incoming flow to its conclusion, with real PostgreSQL, the real
 * key custody and the real renderer, and each refusal: a missing element, the drafter checking their own draft, an
 * uninvited department countersigning, a non-leader signing or instructing, another department reading a draft.
 */
class DocumentFlowTests extends IntegrationTest {

    static final Pattern NUMBER = Pattern.compile("^(\\S+?)〔(\\d{4})〕([1-9]\\d*)号$");

    @Autowired
    OfficialDocuments documents;

    @Autowired
    AccountStore accounts;

    @Autowired
    LicenseKeyStore keys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    UUID id(String login) {
        return accounts.findByIdentifier(login).orElseThrow().id();
    }

    static Map<String, List<String>> form(String type, String title, List<String> main, List<String> countersigners) {
        var f = new HashMap<String, List<String>>();
        f.put("type", List.of(type));
        f.put("issuerMark", List.of("广州市市场监督管理局文件"));
        f.put("title", List.of(title));
        f.put("mainRecipients", main);
        f.put("ccRecipients", List.of("440100-WJ"));
        f.put("countersigners", countersigners);
        f.put("body", List.of("为做好测试工作，现将有关事项通知如下。\n一、按时完成。\n二、认真落实，确保各项工作取得实效。"));
        f.put("attachmentNote", List.of("测试名单"));
        f.put("attachments", List.of("一、测试单位甲\n二、测试单位乙"));
        f.put("issuerSignature", List.of("广州市市场监督管理局"));
        f.put("printedBy", List.of("广州市市场监督管理局办公室"));
        f.put("urgency", List.of("URGENT"));
        return f;
    }

    @Test
    void fromDraftToConcludedWithEveryRefusalOnTheWay() throws Exception {
        var official = id("official");
        var official2 = id("official2");
        var leader = id("deptadmin");
        var tax = id("taxofficial");
        var hr = id("hrofficial");
        var hr2 = id("hrofficial2");

        var doc = documents.draft(official, form("NOTICE", "关于开展测试工作的通知", List.of("440100-RS"), List.of("440100-SW")));
        // Another department does not see a draft.
        assertThatThrownBy(() -> documents.view(tax, doc, false)).isInstanceOf(DocumentNotFoundException.class);
        assertThatThrownBy(() -> documents.pdf(hr, doc)).isInstanceOf(DocumentNotFoundException.class);

        documents.submit(official, doc);
        assertThat(refusal(() -> documents.check(official, doc, true, null)))
                .isEqualTo("documents.error.checkOwnDraft");
        documents.check(official2, doc, true, "同意");
        assertThat(documents.view(official, doc, false).document().status()).isEqualTo(DocumentStatus.COUNTERSIGN);

        // 人社 is a recipient but not invited to countersign: not found, and the attempt is audited.
        assertThatThrownBy(() -> documents.countersign(hr, doc, true, null))
                .isInstanceOf(DocumentNotFoundException.class);
        // The invited 税务 reads it now and countersigns.
        assertThat(documents.view(tax, doc, false).actions()).containsExactly("countersign");
        documents.countersign(tax, doc, true, "同意会签");
        assertThat(refusal(() -> documents.countersign(tax, doc, true, null))).isEqualTo("documents.error.wrongState");

        assertThat(refusal(() -> documents.sign(official2, doc, null))).isEqualTo("documents.error.notLeader");
        assertThat(audited(doc, "documents.error.notLeader")).isTrue();
        var number = documents.sign(leader, doc, "同意");
        var m = NUMBER.matcher(number);
        assertThat(m.matches()).as(number).isTrue();
        assertThat(m.group(1)).isEqualTo("穗市监");
        assertThat(m.group(2))
                .isEqualTo(Integer.toString(
                        LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear()));
        assertThat(refusal(() -> documents.sign(leader, doc, null))).isEqualTo("documents.error.wrongState");

        documents.seal(official, doc);
        var copy = documents.sealedCopy(official, doc);
        // Offline: the detached SM2 signature verifies against the department's published ISSUER key.
        var key = keys.key(copy.keyId()).orElseThrow();
        assertThat(key.owner()).isEqualTo("440100-SCJG");
        assertThat(key.use()).isEqualTo(LicenseKeyStore.ISSUER);
        assertThat(Sm2.verify(Sm2.publicKey(key.publicKey()), copy.pdf(), copy.signature()))
                .isTrue();
        var tampered = copy.pdf().clone();
        tampered[tampered.length / 2] ^= 1;
        assertThat(Sm2.verify(Sm2.publicKey(key.publicKey()), tampered, copy.signature()))
                .isFalse();
        writeAndRender(copy.pdf(), copy.signature(), key.publicKey(), "document-sealed");

        documents.dispatch(official, doc);
        var receipts = documents.view(official, doc, false).receipts();
        assertThat(receipts).extracting(r -> r.department()).containsExactlyInAnyOrder("440100-RS", "440100-WJ");

        var receipt = documents.incoming(hr, ReceiptStatus.DELIVERED).stream()
                .filter(r -> r.documentId().equals(doc))
                .findFirst()
                .orElseThrow()
                .id();
        // 税务 countersigned but received nothing: the receipt of 人社 is not found for it.
        assertThatThrownBy(() -> documents.signFor(tax, receipt)).isInstanceOf(DocumentNotFoundException.class);
        assertThat(documents.signFor(hr, receipt)).matches("收〔\\d{4}〕[1-9]\\d*号");
        documents.propose(hr, receipt, "建议就业促进科承办");
        assertThat(refusal(() -> documents.instruct(hr, receipt, "同意"))).isEqualTo("documents.error.notLeader");
        documents.instruct(hr2, receipt, "同意拟办意见");
        documents.handle(hr, receipt, "已办理");
        documents.conclude(hr, receipt);
        assertThat(documents.receipt(hr, receipt).status()).isEqualTo(ReceiptStatus.DONE);
        var today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var rate = documents.completion(today.minusDays(1), today.plusDays(1)).stream()
                .filter(r -> r.department().equals("440100-RS"))
                .findFirst()
                .orElseThrow();
        assertThat(rate.done()).isPositive();
        assertThat(documents.archive(hr, number, null, null, null, null))
                .extracting(r -> r.id())
                .containsExactly(doc);
    }

    @Test
    void aDraftWithoutItsRequiredElementsIsRefusedFieldByFieldAndNothingIsWritten() {
        var official = id("official");
        long before = jdbc.sql("select count(*) from documents.document")
                .query(Long.class)
                .single();
        var f = form("REQUEST", " ", List.of("440100-RS", "440100-SW"), List.of("NO-SUCH"));
        f.put("body", List.of(""));
        f.put("classification", List.of("SECRET"));
        assertThatThrownBy(() -> documents.draft(official, f))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("title", "documents.error.required")
                                .containsEntry("body", "documents.error.required")
                                .containsEntry("copyNumber", "documents.error.copyNumberClassified")
                                .containsEntry("mainRecipients", "documents.error.requestOneRecipient")
                                .containsEntry("countersigners", "documents.error.unknownDepartment"));
        var g = form("NOTICE", "标题", List.of(), List.of());
        g.put("type", List.of("MEMO"));
        assertThatThrownBy(() -> documents.draft(official, g))
                .isInstanceOfSatisfying(
                        InvalidDocumentException.class,
                        e -> assertThat(e.fieldErrors())
                                .containsEntry("type", "documents.error.type")
                                .containsEntry("mainRecipients", "documents.error.mainRecipients"));
        assertThat(jdbc.sql("select count(*) from documents.document")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    /**
     * Sixteen leaders' signings at the same moment in one series take sixteen consecutive numbers, none twice; a
     * signing that rolls back gives its number back, so the next one takes it and no gap opens.
     */
    @Test
    void sixteenConcurrentSignersTakeConsecutiveNumbersWithoutGapsOrDuplicates() throws Exception {
        var official = id("official");
        var official2 = id("official2");
        var leader = id("deptadmin");
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 17; i++) {
            var doc = documents.draft(official, form("MINUTES", "测试纪要" + i, List.of("440100-RS"), List.of()));
            documents.submit(official, doc);
            documents.check(official2, doc, true, null);
            ids.add(doc);
        }
        // A rolled-back signing takes a number and gives it back.
        var rolledBack = tx.execute(s -> {
            var n = documents.sign(leader, ids.get(16), null);
            s.setRollbackOnly();
            return n;
        });
        assertThat(documents.view(official, ids.get(16), false).document().status())
                .isEqualTo(DocumentStatus.SIGN);

        var pool = Executors.newFixedThreadPool(16);
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<String>>();
        for (int i = 0; i < 16; i++) {
            var doc = ids.get(i);
            futures.add(pool.submit(() -> {
                start.await();
                return documents.sign(leader, doc, null);
            }));
        }
        start.countDown();
        var numbers = new ArrayList<String>();
        for (var f : futures) numbers.add(f.get(60, TimeUnit.SECONDS));
        pool.shutdown();
        var sequences = numbers.stream()
                .map(n -> {
                    var m = NUMBER.matcher(n);
                    assertThat(m.matches()).as(n).isTrue();
                    assertThat(m.group(1)).isEqualTo("穗市监纪");
                    return Integer.parseInt(m.group(3));
                })
                .sorted()
                .toList();
        assertThat(sequences).doesNotHaveDuplicates().hasSize(16);
        assertThat(sequences.getLast() - sequences.getFirst()).isEqualTo(15);
        // The number the rolled-back signing had held is among them: it was given back, not burnt.
        assertThat(numbers).contains(rolledBack);
        // And the next signing continues the series.
        var next = documents.sign(leader, ids.get(16), null);
        var m = NUMBER.matcher(next);
        assertThat(m.matches()).isTrue();
        assertThat(Integer.parseInt(m.group(3))).isEqualTo(sequences.getLast() + 1);
        var duplicates = jdbc.sql("select count(*) from (select number from documents.document where number is not null"
                        + " group by number having count(*) > 1) x")
                .query(Long.class)
                .single();
        assertThat(duplicates).isZero();
    }

    private boolean audited(UUID doc, String reason) {
        return jdbc.sql("select count(*) from audit.audit_event where code = 'DOCUMENT_REFUSED' and subject = :s"
                                + " and details like '%' || :r || '%'")
                        .param("s", doc.toString())
                        .param("r", reason)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static String refusal(Runnable action) {
        try {
            action.run();
        } catch (Refusal r) {
            return r.messageKey();
        }
        throw new AssertionError("not refused");
    }

    /** Writes the PDF, its signature and the key to target/, and a PNG of each page (pdftoppm) to look at. */
    static void writeAndRender(byte[] pdf, byte[] signature, byte[] publicKey, String name) throws Exception {
        var dir = Path.of("target", "documents");
        Files.createDirectories(dir);
        var file = dir.resolve(name + ".pdf");
        Files.write(file, pdf);
        if (signature.length > 0) {
            Files.write(dir.resolve(name + ".sig"), signature);
            Files.writeString(dir.resolve(name + "-key.pem"), Sm2.pem(publicKey));
        }
        var p = new ProcessBuilder(
                        "pdftoppm",
                        "-png",
                        "-r",
                        "60",
                        file.toString(),
                        dir.resolve(name).toString())
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.exists(dir.resolve(name + "-1.png"))).isTrue();
    }
}
