package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
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
        assertThat(QrCode.read("%PDF-1.4 not an image".getBytes())).isEmpty();
        assertThat(QrCode.read(new byte[0])).isEmpty();
    }

    @Test
    void labelsAreEscaped() {
        assertThat(QrCode.svg("x", "<script>\"")).contains("aria-label=\"&lt;script&gt;&quot;\"").doesNotContain("<script>");
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
            g.fillRect(Integer.parseInt(runs.group(1)) * scale, Integer.parseInt(runs.group(2)) * scale,
                    Integer.parseInt(runs.group(3)) * scale, scale);
        }
        g.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
