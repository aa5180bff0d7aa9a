package dev.artmint.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.diffusion.onnx.RuntimeOptions;
import dev.artmint.diffusion.scheduler.SchedulerKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Invalid requests fail with an exception that names the field, for the HTTP layer's 400 problem. */
class GenerationRequestValidationTest {

    private static final ModelDefaults DEFAULTS = new ModelDefaults("m", 20, 7.5, 512, 512, SchedulerKind.EULER_A);

    private static GenerationRequest.Builder valid() {
        return GenerationRequest.builder(DEFAULTS).prompt("a fox");
    }

    @Test
    void defaultsMakeAValidRequest() {
        GenerationRequest request = valid().build();
        assertEquals(20, request.steps());
        assertEquals(512, request.width());
        assertEquals(SchedulerKind.EULER_A, request.scheduler());
        assertTrue(request.guided());
    }

    @Test
    void zeroStepsNamesSteps() {
        assertField("steps", "between 1 and", () -> valid().steps(0).build());
    }

    @Test
    void sizeNotAMultipleOfEightNamesTheSide() {
        assertField("width", "multiple of 8", () -> valid().size(500, 512).build());
        assertField("height", "multiple of 8", () -> valid().size(512, 100).build());
    }

    @Test
    void unknownSchedulerNamesScheduler() {
        InvalidRequestException e =
                assertField("scheduler", "unknown scheduler 'k_heun'", () -> valid().scheduler("k_heun"));
        assertTrue(e.getMessage().contains("euler_a"), "lists the valid choices: " + e.getMessage());
    }

    @Test
    void schedulerIsFoundByIdOrA1111Name() {
        assertEquals(
                SchedulerKind.DPMPP_2M_KARRAS,
                valid().scheduler("DPM++ 2M Karras").build().scheduler());
        assertEquals(SchedulerKind.DDIM, valid().scheduler("ddim").build().scheduler());
    }

    @Test
    void negativeGuidanceNamesGuidance() {
        assertField("guidance", "between 0 and", () -> valid().guidance(-0.5).build());
    }

    @Test
    void otherFieldsAreCheckedToo() {
        assertField("count", "between 1 and", () -> valid().count(0).build());
        assertField(
                "strength",
                "between 0 and 1",
                () -> valid().initImage(Fixtures.blockImage(64, 64, 1), 1.5).build());
        assertField("prompt", "required", () -> valid().prompt(null).build());
    }

    @Test
    void modelLimitsAreCheckedAgainstTheLoadedModel() {
        try (DiffusionPipeline noEncoder =
                DiffusionPipeline.load(Fixtures.model("tiny-scalar-timestep"), RuntimeOptions.cpu(1))) {
            GenerationRequest.Builder base =
                    GenerationRequest.builder(noEncoder.model().defaults()).prompt("x");
            assertField(
                    "initImage",
                    "no vae_encoder",
                    () -> noEncoder.generate(
                            base.initImage(Fixtures.blockImage(64, 64, 1), 0.5).build()));
            assertField(
                    "steps",
                    "LCM runs at most 50",
                    () -> noEncoder.generate(base.initImage(null, 0)
                            .scheduler(SchedulerKind.LCM)
                            .steps(60)
                            .build()));
        }
    }

    private static InvalidRequestException assertField(String field, String fragment, Executable action) {
        InvalidRequestException e = assertThrows(InvalidRequestException.class, action);
        assertEquals(field, e.field());
        assertTrue(e.getMessage().startsWith(field + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        return e;
    }
}
