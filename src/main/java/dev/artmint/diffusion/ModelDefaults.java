package dev.artmint.diffusion;

import dev.artmint.diffusion.scheduler.SchedulerKind;

/** The settings a model recommends, from the "artmint" object of its model_index.json. */
public record ModelDefaults(String name, int steps, double guidance, int width, int height, SchedulerKind scheduler) {}
