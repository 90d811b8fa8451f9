package org.tongban.shared;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.LuminanceSource;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.WriterException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;

/**
 * QR codes for licenses and codes shown on a phone: drawn as SVG (sharp at any size, no image library on the page)
 * and read back from a photo or screenshot (PNG, JPEG). Text is UTF-8 with error correction level M.
 */
public final class QrCode {

    /** The largest image read back, in pixels per side: bigger photos are refused rather than decoded slowly. */
    public static final int MAX_IMAGE_SIDE = 4096;

    /** The most pixels decoded from an uploaded image: a 12-megapixel phone photo fits. */
    public static final long MAX_PIXELS = 16_000_000L;

    private QrCode() {}

    /** An SVG drawing of the text as a QR code, with a quiet zone of four modules; {@code label} names it for screen readers. */
    public static String svg(String text, String label) {
        var matrix = matrix(text);
        int w = matrix.getWidth();
        int h = matrix.getHeight();
        var path = new StringBuilder();
        for (int y = 0; y < h; y++) {
            int x = 0;
            while (x < w) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < w && matrix.get(x, y)) x++;
                path.append('M')
                        .append(start)
                        .append(' ')
                        .append(y)
                        .append('h')
                        .append(x - start)
                        .append("v1h-")
                        .append(x - start)
                        .append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h
                + "\" role=\"img\" aria-label=\""
                + escape(label) + "\" shape-rendering=\"crispEdges\"><rect width=\"" + w + "\" height=\"" + h
                + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }

    /** The modules of the text's QR code, {@code [y][x]}, true for dark, with a quiet zone of four modules. */
    public static boolean[][] modules(String text) {
        var matrix = matrix(text);
        var grid = new boolean[matrix.getHeight()][matrix.getWidth()];
        for (int y = 0; y < grid.length; y++) {
            for (int x = 0; x < grid[y].length; x++) grid[y][x] = matrix.get(x, y);
        }
        return grid;
    }

    private static com.google.zxing.common.BitMatrix matrix(String text) {
        try {
            return new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.CHARACTER_SET,
                                    StandardCharsets.UTF_8.name(),
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    4));
        } catch (WriterException e) {
            throw new IllegalArgumentException("text does not fit a QR code", e);
        }
    }

    /**
     * The text of the QR code in an image (PNG or JPEG), or empty when the image holds none, is no image, or is
     * larger than {@link #MAX_IMAGE_SIDE} on a side or {@link #MAX_PIXELS} in all. The size is read from the header
     * before anything is decoded: a small file can declare 40000×40000 pixels, and decoding it costs seconds of
     * CPU and gigabytes of memory.
     */
    public static Optional<String> read(byte[] image) {
        var picture = decodeBounded(image);
        if (picture == null) return Optional.empty();
        int w = picture.getWidth();
        int h = picture.getHeight();
        var pixels = picture.getRGB(0, 0, w, h, null, 0, w);
        LuminanceSource source = new RGBLuminanceSource(w, h, pixels);
        var hints = Map.<DecodeHintType, Object>of(
                DecodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(), DecodeHintType.TRY_HARDER, Boolean.TRUE);
        try {
            return Optional.of(new QRCodeReader()
                    .decode(new BinaryBitmap(new HybridBinarizer(source)), hints)
                    .getText());
        } catch (NotFoundException | ChecksumException | FormatException e) {
            return Optional.empty();
        }
    }

    /** The image, decoded only when its declared size is within bounds; null otherwise or when it is no image. */
    public static @Nullable BufferedImage decodeBounded(byte[] image) {
        try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
            if (in == null) return null;
            var readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return null;
            var reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w > MAX_IMAGE_SIDE || h > MAX_IMAGE_SIDE || w * h > MAX_PIXELS) return null;
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
