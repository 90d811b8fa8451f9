package org.tongban.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.tongban.TongbanApplication;
import org.tongban.identity.Departments;
import org.tongban.licenses.LicenseKeyStore;
import org.tongban.licenses.internal.HolderKind;
import org.tongban.licenses.internal.LicenseDocument;
import org.tongban.licenses.internal.LicenseIssuance;
import org.tongban.licenses.internal.LicenseStore;
import org.tongban.platform.FieldProtection;
import org.tongban.shared.CreditCode;

/**
 * Batch issuance (批量导入) of business licenses per second: a CSV of n rows through {@code LicenseIssuance.importCsv}
 * (parse, check, one-per-holder look-up, identifiers, SM2 signature, SM4 encryption, blind index, insert), beside
 * its two halves measured alone in the same run: the cryptography on every core, and the insert of ready rows.
 * Starts the platform in-process on embedded PostgreSQL (or TONGBAN_DB_URL). Run by {@code bench/licenses.sh}.
 */
public final class LicenseBatchBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        var dir = Files.createTempDirectory("tongban-licensebench");
        // As command-line arguments, which win over application.yml (PORT defaults to 8080 there, maybe taken).
        var context = new SpringApplicationBuilder(TongbanApplication.class)
                .run(
                        "--server.port=0",
                        "--tongban.embedded-db.data-dir=" + dir + "/pg",
                        "--tongban.keys.dev-key-file=" + dir + "/dev-keys.properties",
                        "--tongban.licenses.dev-key-file=" + dir + "/dev-licence-key.properties",
                        "--logging.level.root=WARN");
        try {
            var jdbc = context.getBean(JdbcClient.class);
            var issuance = context.getBean(LicenseIssuance.class);
            var official = jdbc.sql("select id from identity.account where login_name = 'official'")
                    .query(UUID.class)
                    .single();

            // Warm-up: the JIT, the key, the connection pool.
            issuance.importCsv(official, "BUSINESS_LICENCE", "warm-up.csv", csv(5_000, 1));
            var file = csv(n, 2);
            long t0 = System.nanoTime();
            var report = issuance.importCsv(official, "BUSINESS_LICENCE", "bench.csv", file);
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf(
                    "batch import: %d rows, %d issued, %d refused in %.1f s = %.0f licenses/s (%.1f MB CSV)%n",
                    report.rows(),
                    report.issued(),
                    report.refused().size(),
                    seconds,
                    report.issued() / seconds,
                    file.length / 1e6);

            // The same work in halves: cryptography alone (every core), then inserting ready rows alone.
            var keys = context.getBean(LicenseKeyStore.class);
            var protection = context.getBean(FieldProtection.class);
            var key = keys.current("440100-SCJG", LicenseKeyStore.ISSUER);
            var department =
                    context.getBean(Departments.class).department("440100-SCJG").orElseThrow();
            long t1 = System.nanoTime();
            var rows = IntStream.range(0, n)
                    .parallel()
                    .mapToObj(i -> {
                        var holder = creditCode(3, i);
                        var id = "1.2.156.3005.2.11100000MB00010082001." + department.creditCode() + ".BENCH" + i
                                + ".001.0";
                        var doc = new LicenseDocument(
                                        id,
                                        "11100000MB00010082001",
                                        "BUSINESS_LICENCE",
                                        "营业执照",
                                        department.code(),
                                        department.creditCode(),
                                        department.nameZh(),
                                        HolderKind.ENTERPRISE,
                                        "广州基准测试" + i + "有限公司",
                                        holder,
                                        holder,
                                        LocalDate.now(ZoneId.of("Asia/Shanghai")),
                                        LocalDate.now(ZoneId.of("Asia/Shanghai")),
                                        null,
                                        Map.of(
                                                "entityType",
                                                "有限责任公司",
                                                "legalRepresentative",
                                                "张三",
                                                "registeredCapital",
                                                "100万元",
                                                "establishedOn",
                                                "2026-01-01",
                                                "address",
                                                "广州市天河区天河路100号",
                                                "businessScope",
                                                "软件开发；信息技术咨询服务。"),
                                        null,
                                        key.kid())
                                .canonical();
                        var signature = keys.sign(key.kid(), doc);
                        var content = protection.encrypt(
                                new String(doc, StandardCharsets.UTF_8), "licenses.license.content:" + id);
                        return new Object[] {
                            id, holder, signature, content, protection.blindIndex(holder, "licenses.holder")
                        };
                    })
                    .toList();
            double crypto = n / ((System.nanoTime() - t1) / 1e9);
            System.out.printf(
                    "cryptography alone (%d threads): %.0f licenses/s%n",
                    Runtime.getRuntime().availableProcessors(), crypto);

            var store = context.getBean(LicenseStore.class);
            var tx = context.getBean(TransactionTemplate.class);
            long t2 = System.nanoTime();
            for (int from = 0; from < n; from += 1000) {
                int start = from;
                tx.executeWithoutResult(s -> {
                    var ids = store.allocate(Math.min(1000, n - start));
                    var chunk = new ArrayList<LicenseStore.NewLicense>();
                    for (int j = 0; j < ids.length; j++) {
                        var r = rows.get(start + j);
                        chunk.add(new LicenseStore.NewLicense(
                                ids[j],
                                (String) r[0],
                                "BUSINESS_LICENCE",
                                "BENCH" + (start + j),
                                1,
                                "440100-SCJG",
                                department.creditCode(),
                                HolderKind.ENTERPRISE,
                                (byte[]) r[4],
                                "广州基准测试有限公司",
                                (String) r[1],
                                (byte[]) r[3],
                                (byte[]) r[2],
                                key.kid(),
                                LocalDate.now(ZoneId.of("Asia/Shanghai")),
                                LocalDate.now(ZoneId.of("Asia/Shanghai")),
                                null,
                                true,
                                null,
                                null,
                                null,
                                null,
                                "bench",
                                Instant.now()));
                    }
                    store.insertAll(chunk);
                });
            }
            double insert = n / ((System.nanoTime() - t2) / 1e9);
            System.out.printf(
                    "insert of ready rows alone (1 thread, 1,000 a statement and a transaction): %.0f licenses/s%n",
                    insert);
        } finally {
            context.close();
        }
    }

    /** A CSV of business licenses for n distinct new enterprises; {@code series} keeps two files apart. */
    static byte[] csv(int n, int series) {
        var out = new StringBuilder(n * 160);
        out.append(
                "holderName,holderId,entityType,legalRepresentative,registeredCapital,establishedOn,address,businessScope\n");
        for (int i = 0; i < n; i++) {
            out.append("广州批量基准")
                    .append(series)
                    .append('-')
                    .append(i)
                    .append("有限公司,")
                    .append(creditCode(series, i))
                    .append(",有限责任公司,张三,100万元,2026-01-01,广州市天河区天河路100号,软件开发；信息技术咨询服务。\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String creditCode(int series, int i) {
        var first17 = "914401" + series + "0" + "%09d".formatted(i);
        return first17 + CreditCode.checkChar(first17);
    }
}
