package dev.artmint.diffusion.scheduler;

import java.util.Locale;

/** How inference timesteps are spread over the training schedule (diffusers' timestep_spacing). */
public enum TimestepSpacing {
    LEADING,
    TRAILING,
    LINSPACE;

    static TimestepSpacing of(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "leading" -> LEADING;
            case "trailing" -> TRAILING;
            case "linspace" -> LINSPACE;
            default -> throw new IllegalArgumentException("unsupported timestep_spacing: " + value);
        };
    }
}
