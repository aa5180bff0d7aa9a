/**
 * Stable Diffusion on ONNX Runtime, independent of the rest of ArtMint: {@link dev.artmint.diffusion.DiffusionPipeline}
 * loads a diffusers / optimum ONNX folder once and turns {@link dev.artmint.diffusion.GenerationRequest}s into
 * PNG-ready {@link dev.artmint.diffusion.GeneratedImage}s. Sub-packages: {@code tokenizer} (CLIP BPE),
 * {@code scheduler} (samplers configured from scheduler_config.json), {@code onnx} (one class per model role and the
 * reusable tensor buffers), {@code image} (PNG text chunks, pixel conversions, latent previews) and {@code cli}
 * ({@code artmint generate}).
 */
package dev.artmint.diffusion;
