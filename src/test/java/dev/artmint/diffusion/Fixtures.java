package dev.artmint.diffusion;

import java.awt.image.BufferedImage;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Random;

/** Locations of the tiny fixture models under src/test/resources/diffusion/models and test images. */
final class Fixtures {

    private Fixtures() {}

    static Path model(String name) {
        try {
            return Path.of(Fixtures.class
                            .getResource("/diffusion/models/" + name + "/model_index.json")
                            .toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a pipeline takes an init image (its model has a VAE encoder): it answers a strength-0 variation. */
    static boolean takesInitImage(DiffusionPipeline pipeline) {
        ModelDefaults defaults = pipeline.model().defaults();
        GenerationRequest request = GenerationRequest.builder(defaults)
                .prompt("x")
                .count(1)
                .initImage(blockImage(defaults.width(), defaults.height(), 1), 0)
                .build();
        try {
            pipeline.generate(request);
            return true;
        } catch (InvalidRequestException e) {
            if ("initImage".equals(e.field())) {
                return false;
            }
            throw e;
        }
    }

    /** An image of flat 8x8 blocks, which the fixtures' average-pool VAE reproduces exactly. */
    static BufferedImage blockImage(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int by = 0; by < height; by += 8) {
            for (int bx = 0; bx < width; bx += 8) {
                int rgb = random.nextInt(0x1000000);
                for (int y = by; y < by + 8; y++) {
                    for (int x = bx; x < bx + 8; x++) {
                        image.setRGB(x, y, rgb);
                    }
                }
            }
        }
        return image;
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** The largest difference of any colour channel between two same-sized images. */
    static int maxChannelDifference(BufferedImage a, BufferedImage b) {
        int[] pa = pixels(a);
        int[] pb = pixels(b);
        int max = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                max = Math.max(max, Math.abs(((pa[i] >> shift) & 0xff) - ((pb[i] >> shift) & 0xff)));
            }
        }
        return max;
    }
}
