package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class QrCodeTests {

    @Test
    void whatIsDrawnIsReadBackFromAPng() throws IOException {
        var text = "TB1.eyJraWQiOiJTQ0pHLTIwMjYifQ.签名-测试";
        var svg = QrCode.svg(text, "营业执照二维码");
        assertThat(svg).startsWith("<svg").contains("aria-label=\"营业执照二维码\"");
        assertThat(QrCode.read(png(svg, 6))).contains(text);
    }

    @Test
    void anImageWithoutACodeOrNoImageAtAllReadsAsNothing() throws IOException {
        var blank = new BufferedImage(200, 200, BufferedImage.TYPE_INT_RGB);
        var out = new ByteArrayOutputStream();
        ImageIO.write(blank, "png", out);
        assertThat(QrCode.read(out.toByteArray())).isEmpty();
        assertThat(QrCode.read("%PDF-1.4 not an image".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(QrCode.read(new byte[0])).isEmpty();
    }

    @Test
    void anImageDeclaringFortyThousandPixelsASideIsRefusedBeforeItIsDecoded() {
        var bomb = pngDeclaring(40_000, 40_000);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                java.time.Duration.ofMillis(500),
                () -> assertThat(QrCode.read(bomb)).isEmpty());
    }

    @Test
    void withinTheSideLimitThePixelCountIsBoundedToo() {
        assertThat(QrCode.decodeBounded(pngDeclaring(4096, 4096))).isNull();
        assertThat(QrCode.decodeBounded(pngDeclaring(4000, 4000))).isNotNull();
    }

    private static final int MAX_ROWS = 4096;

    /** A small PNG (8-bit grey) whose header declares the given size: rows of zeros, all of them up to 4096 rows, 64 beyond. */
    static byte[] pngDeclaring(int width, int height) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        var ihdr = java.nio.ByteBuffer.allocate(13)
                .putInt(width)
                .putInt(height)
                .put((byte) 8)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .put((byte) 0)
                .array();
        chunk(out, "IHDR", ihdr);
        var raw = new ByteArrayOutputStream();
        try (var z = new java.util.zip.DeflaterOutputStream(raw)) {
            var row = new byte[width + 1];
            for (int y = 0; y < (height > MAX_ROWS ? 64 : height); y++) z.write(row);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        chunk(out, "IDAT", raw.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        var crc = new java.util.zip.CRC32();
        var name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        out.writeBytes(
                java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void labelsAreEscaped() {
        assertThat(QrCode.svg("x", "<script>\""))
                .contains("aria-label=\"&lt;script&gt;&quot;\"")
                .doesNotContain("<script>");
    }

    /** Renders the SVG's path (rectangles of whole modules) into a PNG, as a phone's screenshot would hold it. */
    private static byte[] png(String svg, int scale) throws IOException {
        var box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int w = Integer.parseInt(box.group(1));
        int h = Integer.parseInt(box.group(2));
        var image = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w * scale, h * scale);
        g.setColor(Color.BLACK);
        var runs = Pattern.compile("M(\\d+) (\\d+)h(\\d+)").matcher(svg);
        while (runs.find()) {
            g.fillRect(
                    Integer.parseInt(runs.group(1)) * scale,
                    Integer.parseInt(runs.group(2)) * scale,
                    Integer.parseInt(runs.group(3)) * scale,
                    scale);
        }
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
