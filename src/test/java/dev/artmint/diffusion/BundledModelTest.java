package dev.artmint.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.artmint.diffusion.image.PngCodec;
import dev.artmint.diffusion.onnx.RuntimeOptions;
import dev.artmint.diffusion.tokenizer.ClipTokenizer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The promises of the pipeline on the real bundled model; skipped until models/artmint-tiny is present. */
class BundledModelTest {

    static final Path BUNDLED = Path.of("models/artmint-tiny");

    private static DiffusionPipeline pipeline;

    @BeforeAll
    static void load() {
        assumeTrue(Files.isRegularFile(BUNDLED.resolve("model_index.json")), "bundled model not present");
        pipeline = DiffusionPipeline.load(BUNDLED, RuntimeOptions.cpu(0));
    }

    @AfterAll
    static void close() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    private static GenerationRequest.Builder request() {
        return GenerationRequest.builder(pipeline.model().defaults())
                .prompt("a red circle above a blue sea at sunset, watercolor")
                .negativePrompt("blurry")
                .seed(1234);
    }

    @Test
    void followsTheModelContract() {
        ModelDefaults defaults = pipeline.model().defaults();
        assertTrue(
                defaults.steps() > 0 && defaults.width() % 8 == 0 && defaults.height() % 8 == 0, defaults.toString());
        assertTrue(Fixtures.takesInitImage(pipeline), "artmint-tiny ships a vae_encoder");
        assertTrue(
                pipeline.model()
                        .fileSha256()
                        .keySet()
                        .containsAll(List.of(
                                "model_index.json",
                                "unet/model.onnx",
                                "text_encoder/model.onnx",
                                "vae_decoder/model.onnx",
                                "vae_encoder/model.onnx",
                                "tokenizer/vocab.json")),
                pipeline.model().fileSha256().keySet().toString());
        assertTrue(ClipTokenizer.load(BUNDLED.resolve("tokenizer"))
                        .tokenIds("a red circle")
                        .size()
                >= 3);
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherImage() {
        GeneratedImage first = pipeline.generate(request().build()).images().getFirst();
        GeneratedImage again = pipeline.generate(request().build()).images().getFirst();
        GeneratedImage other =
                pipeline.generate(request().seed(1235).build()).images().getFirst();
        assertArrayEquals(first.png(), again.png());
        assertTrue(Fixtures.maxChannelDifference(first.image(), other.image()) > 0);
        assertEquals(first.parameters(), PngCodec.readTexts(first.png()).get("parameters"));
    }

    @Test
    void batchOfTwoEqualsTheSingleRuns() {
        GenerationResult batch = pipeline.generate(request().count(2).build());
        for (int i = 0; i < 2; i++) {
            GeneratedImage single =
                    pipeline.generate(request().seed(1234 + i).build()).images().getFirst();
            assertArrayEquals(single.png(), batch.images().get(i).png(), "image " + i);
        }
    }

    @Test
    void guidanceChangesTheImageAndOffIgnoresTheNegativePrompt() {
        BufferedImage off = pipeline.generate(request().guidance(1).build())
                .images()
                .getFirst()
                .image();
        BufferedImage offOther = pipeline.generate(
                        request().guidance(1).negativePrompt("green").build())
                .images()
                .getFirst()
                .image();
        BufferedImage on = pipeline.generate(request().guidance(7).build())
                .images()
                .getFirst()
                .image();
        assertArrayEquals(Fixtures.pixels(off), Fixtures.pixels(offOther));
        assertTrue(Fixtures.maxChannelDifference(off, on) > 0);
    }

    @Test
    void strengthZeroReturnsTheInputUpToTheVaeRoundTrip() {
        BufferedImage input = scene(
                pipeline.model().defaults().width(), pipeline.model().defaults().height());
        BufferedImage kept = pipeline.generate(request().initImage(input, 0).build())
                .images()
                .getFirst()
                .image();
        int[] a = Fixtures.pixels(input);
        int[] b = Fixtures.pixels(kept);
        long total = 0;
        for (int i = 0; i < a.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                total += Math.abs(((a[i] >> shift) & 0xff) - ((b[i] >> shift) & 0xff));
            }
        }
        double meanDifference = (double) total / (3.0 * a.length);
        assertTrue(meanDifference < 16, "mean channel difference after the VAE round trip: " + meanDifference);
    }

    /** A picture like the model's training data: a red disc above a blue sea under a yellow sky. */
    private static BufferedImage scene(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(240, 200, 80));
            g.fillRect(0, 0, width, height / 2);
            g.setColor(new Color(30, 60, 170));
            g.fillRect(0, height / 2, width, height - height / 2);
            g.setColor(new Color(210, 30, 30));
            g.fillOval(width / 3, height / 8, width / 3, height / 3);
        } finally {
            g.dispose();
        }
        return image;
    }
}
