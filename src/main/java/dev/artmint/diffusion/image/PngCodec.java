package dev.artmint.diffusion.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.NodeList;

/** Writes and reads PNG files with text chunks through javax.imageio's PNG plug-in and its metadata tree. */
public final class PngCodec {

    private static final String FORMAT = "javax_imageio_png_1.0";

    private PngCodec() {}

    /** Encodes an RGB image with the given text entries, in order. Same input, same bytes. */
    public static byte[] write(BufferedImage image, List<PngText> texts) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            IIOMetadata metadata = writer.getDefaultImageMetadata(
                    ImageTypeSpecifier.createFromRenderedImage(image), writer.getDefaultWriteParam());
            metadata.mergeTree(FORMAT, textTree(texts));
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, metadata), writer.getDefaultWriteParam());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding failed", e);
        } finally {
            writer.dispose();
        }
    }

    /** The tEXt and iTXt entries of a PNG, keyword to text, in file order. */
    public static Map<String, String> readTexts(byte[] png) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            try {
                reader.setInput(in);
                IIOMetadataNode root =
                        (IIOMetadataNode) reader.getImageMetadata(0).getAsTree(FORMAT);
                Map<String, String> texts = new LinkedHashMap<>();
                NodeList entries = root.getElementsByTagName("tEXtEntry");
                for (int i = 0; i < entries.getLength(); i++) {
                    IIOMetadataNode entry = (IIOMetadataNode) entries.item(i);
                    texts.put(entry.getAttribute("keyword"), entry.getAttribute("value"));
                }
                NodeList international = root.getElementsByTagName("iTXtEntry");
                for (int i = 0; i < international.getLength(); i++) {
                    IIOMetadataNode entry = (IIOMetadataNode) international.item(i);
                    texts.put(entry.getAttribute("keyword"), entry.getAttribute("text"));
                }
                return texts;
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("PNG decoding failed", e);
        }
    }

    public static BufferedImage read(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException("PNG decoding failed", e);
        }
    }

    private static IIOMetadataNode textTree(List<PngText> texts) throws IIOInvalidTreeException {
        IIOMetadataNode root = new IIOMetadataNode(FORMAT);
        IIOMetadataNode latin = new IIOMetadataNode("tEXt");
        IIOMetadataNode international = new IIOMetadataNode("iTXt");
        for (PngText text : texts) {
            if (text.latin1()) {
                IIOMetadataNode entry = new IIOMetadataNode("tEXtEntry");
                entry.setAttribute("keyword", text.keyword());
                entry.setAttribute("value", text.text());
                latin.appendChild(entry);
            } else {
                IIOMetadataNode entry = new IIOMetadataNode("iTXtEntry");
                entry.setAttribute("keyword", text.keyword());
                entry.setAttribute("compressionFlag", "FALSE");
                entry.setAttribute("compressionMethod", "0");
                entry.setAttribute("languageTag", "");
                entry.setAttribute("translatedKeyword", "");
                entry.setAttribute("text", text.text());
                international.appendChild(entry);
            }
        }
        if (latin.hasChildNodes()) {
            root.appendChild(latin);
        }
        if (international.hasChildNodes()) {
            root.appendChild(international);
        }
        return root;
    }
}
