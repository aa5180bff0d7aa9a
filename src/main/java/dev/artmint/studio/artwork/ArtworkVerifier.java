package dev.artmint.studio.artwork;

import dev.artmint.diffusion.DiffusionPipeline;
import dev.artmint.diffusion.GeneratedImage;
import dev.artmint.diffusion.GenerationRequest;
import dev.artmint.diffusion.ModelInfo;
import dev.artmint.diffusion.image.PngCodec;
import dev.artmint.diffusion.onnx.ExecutionProvider;
import dev.artmint.provenance.PixelDigest;
import dev.artmint.provenance.ProvenanceRecord;
import dev.artmint.provenance.VerificationReport;
import dev.artmint.storage.ObjectStore;
import dev.artmint.storage.StoredObject;
import dev.artmint.studio.ModelCatalogue;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks an artwork against its provenance. The byte checks are cheap and run at once: the stored objects are the bytes
 * their keys name, the PNG carries the parameters and the very record, the pixels hash to the recorded value, the
 * record hashes to the stored hash. The reproduction re-runs the recipe where it can be repeated exactly and compares
 * the pixels: a full generation, which {@link Verifications} queues for the workers.
 */
@ApplicationScoped
public class ArtworkVerifier {

    private final ObjectStore store;
    private final ModelCatalogue catalogue;

    ArtworkVerifier(ObjectStore store, ModelCatalogue catalogue) {
        this.store = store;
        this.catalogue = catalogue;
    }

    /** The byte checks of the artwork, in the order they run; the reproduction is left to {@link #reproduce}. */
    public VerificationReport.Builder byteChecks(Artwork artwork) {
        ProvenanceRecord record = ProvenanceRecord.parse(artwork.provenanceJson);
        VerificationReport.Builder report = new VerificationReport.Builder(artwork.provenanceHash);
        report.check(
                "record-hash",
                record.hash().equals(artwork.provenanceHash),
                "the record's canonical JSON hashes to " + artwork.provenanceHash,
                "the record hashes to " + record.hash() + ", not to the stored " + artwork.provenanceHash);
        byte[] provenanceObject = store.get(artwork.provenanceKey);
        report.check(
                "provenance-object",
                StoredObject.matchesKey(artwork.provenanceKey, provenanceObject)
                        && new String(provenanceObject, StandardCharsets.UTF_8).equals(record.canonicalJson()),
                "the stored provenance JSON is the record",
                "the stored provenance JSON differs from the record");
        byte[] png = store.get(artwork.imageKey);
        report.check(
                "image-object",
                StoredObject.matchesKey(artwork.imageKey, png)
                        && StoredObject.sha256(png).equals(artwork.imageSha256),
                "the PNG's SHA-256 is " + artwork.imageSha256,
                "the stored PNG is not the file that was written");
        Map<String, String> texts = PngCodec.readTexts(png);
        report.check(
                "parameters-chunk",
                texts.containsKey(GeneratedImage.PARAMETERS_KEY)
                        && texts.get(GeneratedImage.PARAMETERS_KEY).startsWith(record.prompt()),
                "the PNG carries the AUTOMATIC1111 parameters",
                "the PNG lacks its parameters chunk");
        report.check(
                "embedded-record",
                record.canonicalJson().equals(texts.get(ProvenanceRecord.PNG_KEYWORD)),
                "the PNG carries the record",
                "the PNG's embedded record differs from the stored one");
        String pixels = PixelDigest.sha256(PngCodec.read(png));
        report.check(
                "image-sha256",
                pixels.equals(record.imageSha256()),
                "the pixels hash to the recorded " + record.imageSha256(),
                "the pixels hash to " + pixels + ", the record says " + record.imageSha256());
        return report;
    }

    /** Why the recipe cannot be repeated bit for bit here, or empty when {@link #reproduce} can re-run it. */
    public Optional<String> whyNotReproducible(ProvenanceRecord record) {
        Optional<ModelInfo> model = catalogue.find(record.modelId());
        if (model.isEmpty()) {
            return Optional.of("model " + record.modelId() + " is not installed here");
        } else if (!model.get().sha256().equals(record.modelSha256())) {
            return Optional.of("the installed " + record.modelId() + " files hash to "
                    + model.get().sha256() + ", not to the recorded " + record.modelSha256());
        } else if (!ExecutionProvider.CPU.id().equals(record.executionProvider())) {
            return Optional.of("the image was made on " + record.executionProvider()
                    + ", which is not bit-for-bit reproducible; only cpu runs are re-run");
        }
        return Optional.empty();
    }

    /** Re-runs the recipe on this process's pipeline and compares the pixels; {@code step} is told of every step. */
    public VerificationReport.Check reproduce(ProvenanceRecord record, Runnable step) {
        DiffusionPipeline pipeline = catalogue.pipeline(record.modelId());
        GenerationRequest.Builder request = GenerationRequest.builder(
                        pipeline.model().defaults())
                .prompt(record.prompt())
                .negativePrompt(record.negativePrompt())
                .seed(record.seed() - record.batchIndex())
                .steps(record.steps())
                .guidance(record.guidance())
                .size(record.width(), record.height())
                .count(record.batchSize())
                .scheduler(record.scheduler());
        if (record.parentArtworkId() != null) {
            request.initImage(parentImage(record.parentArtworkId()), record.strength());
        }
        BufferedImage image = pipeline.generate(request.build(), progress -> step.run(), () -> false)
                .images()
                .get(record.batchIndex())
                .image();
        String pixels = PixelDigest.sha256(image);
        return pixels.equals(record.imageSha256())
                ? new VerificationReport.Check(
                        VerificationReport.Builder.REPRODUCTION,
                        VerificationReport.Outcome.PASSED,
                        "re-running the recipe on the cpu gives the same pixels")
                : new VerificationReport.Check(
                        VerificationReport.Builder.REPRODUCTION,
                        VerificationReport.Outcome.FAILED,
                        "re-running the recipe gives pixels hashing to " + pixels);
    }

    private BufferedImage parentImage(String parentId) {
        String key = QuarkusTransaction.joiningExisting()
                .call(() -> Artwork.<Artwork>findByIdOptional(UUID.fromString(parentId))
                        .orElseThrow()
                        .imageKey);
        return PngCodec.read(store.get(key));
    }
}
