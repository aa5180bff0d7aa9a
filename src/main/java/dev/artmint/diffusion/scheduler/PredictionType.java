package dev.artmint.diffusion.scheduler;

import java.util.Locale;

/** What the denoising model predicts: the added noise or the velocity v = alpha * noise - sigma * x0. */
public enum PredictionType {
    EPSILON,
    V_PREDICTION;

    static PredictionType of(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "epsilon" -> EPSILON;
            case "v_prediction" -> V_PREDICTION;
            default -> throw new IllegalArgumentException("unsupported prediction_type: " + value);
        };
    }
}
