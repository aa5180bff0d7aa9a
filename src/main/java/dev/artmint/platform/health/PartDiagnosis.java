package dev.artmint.platform.health;

import java.util.Map;

/** A part's readiness as administrators see it: beside its status, its address and the error behind a failure. */
public record PartDiagnosis(String name, boolean up, Map<String, Object> details) {}
