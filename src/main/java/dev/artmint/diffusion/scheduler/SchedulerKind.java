package dev.artmint.diffusion.scheduler;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The samplers a generation can ask for, with their API id and the name AUTOMATIC1111 writes. */
public enum SchedulerKind {
    EULER_A("euler_a", "Euler a"),
    EULER("euler", "Euler"),
    DDIM("ddim", "DDIM"),
    DPMPP_2M("dpmpp_2m", "DPM++ 2M"),
    DPMPP_2M_KARRAS("dpmpp_2m_karras", "DPM++ 2M Karras"),
    LCM("lcm", "LCM");

    private final String id;
    private final String a1111Name;

    SchedulerKind(String id, String a1111Name) {
        this.id = id;
        this.a1111Name = a1111Name;
    }

    public String id() {
        return id;
    }

    public String a1111Name() {
        return a1111Name;
    }

    /** Accepts the id or the AUTOMATIC1111 name, case-insensitively. */
    public static Optional<SchedulerKind> find(String name) {
        if (name != null) {
            String wanted = name.trim();
            for (SchedulerKind kind : values()) {
                if (kind.id.equalsIgnoreCase(wanted) || kind.a1111Name.equalsIgnoreCase(wanted)) {
                    return Optional.of(kind);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The kind a diffusers scheduler_config.json names, so a model runs with the sampler it shipped with. A class
     * ArtMint has no sampler for (PNDM, Heun, UniPC...) is refused rather than swapped for another one silently.
     *
     * @throws IllegalArgumentException naming the class and how to choose a sampler for the model
     */
    public static SchedulerKind ofDiffusersClass(String className, boolean karras) {
        return switch (className == null ? "" : className) {
            case "EulerAncestralDiscreteScheduler" -> EULER_A;
            case "EulerDiscreteScheduler" -> EULER;
            case "DDIMScheduler" -> DDIM;
            case "DPMSolverMultistepScheduler" -> karras ? DPMPP_2M_KARRAS : DPMPP_2M;
            case "LCMScheduler" -> LCM;
            default ->
                throw new IllegalArgumentException("scheduler_config.json names " + className
                        + ", which ArtMint has no sampler for; set \"artmint\": {\"scheduler\": ...} in "
                        + "model_index.json"
                        + " to one of " + ids());
        };
    }

    public static String ids() {
        return Arrays.stream(values()).map(SchedulerKind::id).collect(Collectors.joining(", "));
    }
}
