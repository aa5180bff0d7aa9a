package dev.artmint.diffusion.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Compares every scheduler with src/test/python/scheduler_reference.py: the same fake model and noise drive both, so
 * timesteps, sigmas, each step's sample and add_noise must agree to 1e-5.
 */
@Tag("unit")
class SchedulerReferenceTest {

    private static final double TOLERANCE = 1e-5;
    private static final int N = 8;

    @TestFactory
    List<DynamicTest> matchesNumpyReference() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/diffusion/scheduler_reference.json")) {
            cases = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode reference : cases) {
            String name = reference.get("kind").asText() + " "
                    + reference.get("steps").asInt() + " steps " + reference.get("config");
            tests.add(DynamicTest.dynamicTest(name, () -> check(reference)));
        }
        assertTrue(tests.size() >= 12, "reference file lists every scheduler");
        return tests;
    }

    private static void check(JsonNode reference) {
        SchedulerKind kind = SchedulerKind.find(reference.get("kind").asText()).orElseThrow();
        SchedulerConfig config = SchedulerConfig.of(reference.get("config"));
        int steps = reference.get("steps").asInt();
        Scheduler scheduler = Scheduler.create(kind, config, steps);

        assertEquals(reference.get("timesteps").size(), scheduler.stepCount(), "step count");
        for (int i = 0; i < scheduler.stepCount(); i++) {
            assertClose(reference.get("timesteps").get(i).asDouble(), scheduler.timestep(i), "timestep " + i);
        }
        assertClose(reference.get("init_noise_sigma").asDouble(), scheduler.initNoiseSigma(), "init noise sigma");

        float[] x = new float[N];
        for (int k = 0; k < N; k++) {
            x[k] = (float) (Math.sin(0.7 * k + 0.3) * scheduler.initNoiseSigma());
        }
        float[] output = new float[N];
        for (int i = 0; i < scheduler.stepCount(); i++) {
            double t = scheduler.timestep(i);
            double scale = scheduler.modelInputScale(i);
            for (int k = 0; k < N; k++) {
                float input = (float) (x[k] * scale);
                output[k] = (float) (0.3 * input + 0.1 * Math.cos(0.01 * t + k));
            }
            int step = i;
            scheduler.step(i, output, x, target -> {
                for (int k = 0; k < target.length; k++) {
                    target[k] = (float) Math.cos(1.3 * k + 0.7 * step);
                }
            });
            JsonNode expected = reference.get("samples").get(i);
            for (int k = 0; k < N; k++) {
                assertClose(expected.get(k).asDouble(), x[k], "sample[" + k + "] after step " + i);
            }
        }

        Scheduler fresh = Scheduler.create(kind, config, steps);
        float[] latents = new float[N];
        float[] noise = new float[N];
        for (int k = 0; k < N; k++) {
            latents[k] = (float) Math.sin(0.4 * k);
            noise[k] = (float) Math.cos(0.9 * k);
        }
        fresh.addNoise(latents, noise, reference.get("add_noise_index").asInt());
        for (int k = 0; k < N; k++) {
            assertClose(reference.get("add_noise").get(k).asDouble(), latents[k], "add_noise[" + k + "]");
        }
    }

    @Test
    void karrasGridRunsFromSigmaMaxToSigmaMin() {
        Scheduler karras = Scheduler.create(SchedulerKind.DPMPP_2M_KARRAS, SchedulerConfig.stableDiffusion(), 8);
        assertEquals(999, karras.timestep(0), 0.0);
        assertTrue(karras.timestep(7) < 50, "Karras spacing ends near t = 0, got " + karras.timestep(7));
    }

    private static void assertClose(double expected, double actual, String what) {
        if (Math.abs(expected - actual) > TOLERANCE * Math.max(1, Math.abs(expected))) {
            fail(what + ": expected " + expected + " but was " + actual);
        }
    }
}
