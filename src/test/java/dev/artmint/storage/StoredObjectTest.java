package dev.artmint.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class StoredObjectTest {

    @Test
    void keyIsTheSha256OfTheBytes() {
        byte[] bytes = "abc".getBytes(StandardCharsets.US_ASCII);
        StoredObject object = StoredObject.of("images", "png", bytes, "image/png");
        // SHA-256("abc") from FIPS 180-2
        assertEquals("images/ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.png", object.key());
        assertEquals(3, object.size());
        assertTrue(StoredObject.matchesKey(object.key(), bytes));
        assertFalse(StoredObject.matchesKey(object.key(), "abd".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(StoredObject.matchesKey("no-hash-here", bytes));
    }

    @Test
    void thumbnailsShrinkToTheMaximumSideAndNeverGrow() throws IOException {
        BufferedImage wide = ImageIO.read(
                new ByteArrayInputStream(Thumbnails.png(new BufferedImage(1024, 512, BufferedImage.TYPE_INT_RGB))));
        assertEquals(256, wide.getWidth());
        assertEquals(128, wide.getHeight());
        BufferedImage small = ImageIO.read(
                new ByteArrayInputStream(Thumbnails.png(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB))));
        assertEquals(64, small.getWidth());
    }
}
