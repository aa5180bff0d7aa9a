package dev.artmint.studio;

import dev.artmint.diffusion.ModelInfo;
import dev.artmint.diffusion.scheduler.SchedulerKind;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The models a generation may use, with their defaults and the request limits. */
@Path("/api/models")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "studio")
public class ModelResource {

    private final ModelCatalogue catalogue;
    private final StudioConfig config;

    ModelResource(ModelCatalogue catalogue, StudioConfig config) {
        this.catalogue = catalogue;
        this.config = config;
    }

    /** A model's recommended settings. */
    public record Defaults(int steps, double guidance, int width, int height, String scheduler) {}

    /** What any request may ask for. */
    public record Limits(
            int promptLength,
            int maxSteps,
            int minSide,
            int maxSide,
            int sideMultiple,
            int maxCount,
            double maxGuidance,
            List<String> schedulers) {}

    /** One installed model. */
    public record ModelView(String name, String sha256, boolean isDefault, Defaults defaults, Limits limits) {}

    @GET
    @Operation(summary = "The installed models with their defaults and limits")
    public List<ModelView> models() {
        StudioConfig.Limits limits = config.limits();
        Limits requestLimits = new Limits(
                limits.promptLength(),
                limits.steps(),
                64,
                limits.side(),
                8,
                limits.count(),
                limits.guidance(),
                List.of(SchedulerKind.values()).stream().map(SchedulerKind::id).toList());
        String defaultName = catalogue.defaultModel().map(ModelInfo::name).orElse(null);
        return catalogue.models().stream()
                .map(model -> new ModelView(
                        model.name(),
                        model.sha256(),
                        model.name().equals(defaultName),
                        new Defaults(
                                model.defaults().steps(),
                                model.defaults().guidance(),
                                model.defaults().width(),
                                model.defaults().height(),
                                model.defaults().scheduler().id()),
                        requestLimits))
                .toList();
    }
}
