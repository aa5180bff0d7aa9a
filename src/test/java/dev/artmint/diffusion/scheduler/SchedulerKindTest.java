package dev.artmint.diffusion.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SchedulerKindTest {

    @Test
    void diffusersClassesMapToTheirOwnSampler() {
        assertEquals(SchedulerKind.EULER_A, SchedulerKind.ofDiffusersClass("EulerAncestralDiscreteScheduler", false));
        assertEquals(SchedulerKind.EULER, SchedulerKind.ofDiffusersClass("EulerDiscreteScheduler", false));
        assertEquals(SchedulerKind.DDIM, SchedulerKind.ofDiffusersClass("DDIMScheduler", false));
        assertEquals(SchedulerKind.DPMPP_2M, SchedulerKind.ofDiffusersClass("DPMSolverMultistepScheduler", false));
        assertEquals(
                SchedulerKind.DPMPP_2M_KARRAS, SchedulerKind.ofDiffusersClass("DPMSolverMultistepScheduler", true));
        assertEquals(SchedulerKind.LCM, SchedulerKind.ofDiffusersClass("LCMScheduler", false));
    }

    @Test
    void anUnknownClassIsRefusedWithTheWayOut() {
        var refused = assertThrows(
                IllegalArgumentException.class, () -> SchedulerKind.ofDiffusersClass("PNDMScheduler", false));
        assertTrue(refused.getMessage().contains("PNDMScheduler"), refused.getMessage());
        assertTrue(refused.getMessage().contains("model_index.json"), refused.getMessage());
        assertTrue(refused.getMessage().contains("euler_a"), refused.getMessage());
    }
}
