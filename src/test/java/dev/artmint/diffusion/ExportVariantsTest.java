package dev.artmint.diffusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.diffusion.onnx.RuntimeOptions;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The pipeline adapts to what an export declares: int32/int64 ids, timestep int64 [batch], float32 [1], float32 scalar
 * or float16 [batch], latent_sample or latent_parameters, float16 inputs and outputs, and weights in an external
 * model.onnx_data file (tiny-float-timestep's UNet).
 */
class ExportVariantsTest {

    @ParameterizedTest
    @CsvSource({
        "tiny, 0.18215, true, false",
        "tiny-float-timestep, 0.13025, true, true",
        "tiny-scalar-timestep, 0.18215, false, false",
        "tiny-fp16, 0.18215, true, false"
    })
    void generatesDeterministicallyAndRoundTripsImages(
            String name, double scaling, boolean imageToImage, boolean externalWeights) {
        try (DiffusionPipeline pipeline = DiffusionPipeline.load(Fixtures.model(name), RuntimeOptions.cpu(1))) {
            assertEquals(scaling, pipeline.model().vaeScalingFactor(), 1e-12);
            assertEquals(imageToImage, Fixtures.takesInitImage(pipeline));
            assertEquals(
                    externalWeights,
                    pipeline.model().fileSha256().containsKey("unet/model.onnx_data"),
                    "external weights are part of the model digest");
            GenerationRequest.Builder request = GenerationRequest.builder(
                            pipeline.model().defaults())
                    .prompt("a cat on a red chair")
                    .negativePrompt("blurry")
                    .seed(5)
                    .count(2)
                    .steps(4);
            GenerationResult first = pipeline.generate(request.build());
            GenerationResult second = pipeline.generate(request.build());
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(
                        first.images().get(i).png(), second.images().get(i).png());
            }
            BufferedImage image = first.images().getFirst().image();
            assertTrue(Arrays.stream(Fixtures.pixels(image)).distinct().count() > 4);
            assertTrue(
                    Fixtures.maxChannelDifference(image, first.images().get(1).image()) > 0);
            if (imageToImage) {
                BufferedImage input = Fixtures.blockImage(64, 64, 3);
                BufferedImage kept = pipeline.generate(
                                request.count(1).initImage(input, 0).build())
                        .images()
                        .getFirst()
                        .image();
                // float16 holds about three significant digits, so allow a little more there
                assertTrue(
                        Fixtures.maxChannelDifference(input, kept) <= (name.contains("fp16") ? 3 : 1),
                        "difference " + Fixtures.maxChannelDifference(input, kept));
            }
        }
    }
}
