package dev.artmint.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.artmint.diffusion.scheduler.SchedulerKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class A1111ParametersTest {

    private static final ModelDefaults DEFAULTS =
            new ModelDefaults("artmint-tiny", 20, 7.0, 256, 256, SchedulerKind.DPMPP_2M_KARRAS);
    private static final ModelInfo MODEL = new ModelInfo(
            "artmint-tiny",
            Path.of("m"),
            DEFAULTS,
            0.18215,
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            Map.of());

    @Test
    void leavesOutAnEmptyNegativePromptAndWritesWholeNumbersPlainly() {
        GenerationRequest request =
                GenerationRequest.builder(DEFAULTS).prompt("a fox").seed(5).build();
        assertEquals(
                "a fox\nSteps: 20, Sampler: DPM++ 2M Karras, CFG scale: 7, Seed: 5, Size: 256x256,"
                        + " Model hash: 0123456789, Model: artmint-tiny",
                A1111Parameters.format(request, 5, MODEL));
    }

    @Test
    void writesTheNegativePromptLineAndEachImagesSeed() {
        GenerationRequest request = GenerationRequest.builder(DEFAULTS)
                .prompt("a fox\non snow")
                .negativePrompt("blurry")
                .guidance(6.5)
                .size(512, 320)
                .seed(5)
                .count(2)
                .build();
        assertEquals(
                "a fox\non snow\nNegative prompt: blurry\nSteps: 20, Sampler: DPM++ 2M Karras, CFG scale: 6.5,"
                        + " Seed: 6, Size: 512x320, Model hash: 0123456789, Model: artmint-tiny",
                A1111Parameters.format(request, 6, MODEL));
    }
}
