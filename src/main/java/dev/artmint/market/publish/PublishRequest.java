package dev.artmint.market.publish;

import dev.artmint.studio.artwork.Licence;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a creator says about an artwork they publish. An absent licence or royalty keeps the one published before
 * (PERSONAL and 0 on the first publication).
 */
public record PublishRequest(
        @NotBlank @Size(max = 120) String title,
        @Size(max = 5000) String description,
        Licence licence,
        @Min(0) @Max(1000) Integer royaltyBps) {}
