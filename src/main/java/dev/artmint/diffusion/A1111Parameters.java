package dev.artmint.diffusion;

import java.math.BigDecimal;

/** The AUTOMATIC1111 "parameters" text that image viewers and web UIs read back from a PNG. */
final class A1111Parameters {

    private A1111Parameters() {}

    static String format(GenerationRequest request, long seed, ModelInfo model) {
        StringBuilder text = new StringBuilder(request.prompt());
        // AUTOMATIC1111 leaves the line out when there is no negative prompt
        if (!request.negativePrompt().isBlank()) {
            text.append("\nNegative prompt: ").append(request.negativePrompt());
        }
        text.append("\nSteps: ")
                .append(request.steps())
                .append(", Sampler: ")
                .append(request.scheduler().a1111Name())
                .append(", CFG scale: ")
                .append(number(request.guidance()))
                .append(", Seed: ")
                .append(seed)
                .append(", Size: ")
                .append(request.width())
                .append('x')
                .append(request.height())
                .append(", Model hash: ")
                .append(model.shortHash())
                .append(", Model: ")
                .append(model.name());
        if (request.initImage().isPresent()) {
            text.append(", Denoising strength: ").append(number(request.strength()));
        }
        return text.toString();
    }

    private static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
