package dev.artmint.diffusion;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a loaded model is: its name, folder, recommended settings, the VAE scaling factor, and the SHA-256 of every file
 * plus one digest over them all (see {@link ModelFiles}) for provenance.
 */
public record ModelInfo(
        String name,
        Path directory,
        ModelDefaults defaults,
        double vaeScalingFactor,
        String sha256,
        Map<String, String> fileSha256) {

    /** AUTOMATIC1111's short model hash: the first ten hex digits of the SHA-256. */
    public String shortHash() {
        return sha256.substring(0, 10);
    }
}
