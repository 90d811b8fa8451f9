package org.tongban.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.tongban.documents.DocumentType;
import org.tongban.documents.internal.DocumentPdf;
import org.tongban.documents.internal.Draft;

/**
 * 公文 PDF rendering throughput (issue 13: ≥ 20 documents/s on 2 cores): renders a two-page sealed notice on as many
 * threads as the machine has cores, after a warm-up, and prints documents per second. Run with
 * {@code bench/documents.sh [documents]}.
 */
public final class DocumentPdfBench {

    private DocumentPdfBench() {}

    public static void main(String[] args) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        var draft = new Draft(
                DocumentType.NOTICE,
                null,
                null,
                null,
                Draft.Urgency.URGENT,
                "广州市市场监督管理局文件",
                "关于开展2027年元旦春节期间食品安全专项检查的通知",
                List.of("440100-WJ"),
                "为切实保障元旦春节期间全市食品安全，经研究，决定在全市范围内开展食品安全专项检查。现将有关事项通知如下。\n".repeat(6),
                "检查分工表",
                "广州市市场监督管理局",
                LocalDate.of(2026, 12, 2),
                Draft.SealKind.SEALED,
                null,
                null,
                List.of("440100-GA"),
                "广州市市场监督管理局办公室",
                List.of());
        var content = new DocumentPdf.Content(
                draft,
                "广州市市场监督管理局",
                "穗市监〔2026〕12号",
                null,
                List.of("广州市卫生健康委员会"),
                List.of("广州市公安局"),
                LocalDate.of(2026, 12, 2),
                true);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        run(pool, content, threads * 10); // warm-up
        long start = System.nanoTime();
        long bytes = run(pool, content, count);
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        System.out.printf(
                "%d documents on %d threads in %.2f s: %.1f documents/s, %d KB each%n",
                count, threads, seconds, count / seconds, bytes / count / 1024);
    }

    private static long run(ExecutorService pool, DocumentPdf.Content content, int n) throws Exception {
        var futures = new java.util.ArrayList<Future<Integer>>();
        for (int i = 0; i < n; i++) futures.add(pool.submit(() -> DocumentPdf.render(content).length));
        long total = 0;
        for (var f : futures) total += f.get();
        return total;
    }
}
