package dev.artmint.diffusion.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.artmint.diffusion.image.PngCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return GenerateCommand.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
    }

    private static String model() throws URISyntaxException {
        return Path.of(GenerateCommandTest.class
                        .getResource("/diffusion/models/tiny/model_index.json")
                        .toURI())
                .getParent()
                .toString();
    }

    @Test
    void writesOneNumberedPngPerImageAndReportsTimings() throws Exception {
        Path target = dir.resolve("fox.png");
        int code = run(
                "--model",
                model(),
                "--prompt",
                "a fox",
                "--seed",
                "7",
                "--count",
                "2",
                "--steps",
                "3",
                "--scheduler",
                "ddim",
                "--out",
                target.toString(),
                "--threads",
                "1");
        assertEquals(0, code, err.toString());
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("fox-1.png (seed 7)"), printed);
        assertTrue(printed.contains("fox-2.png (seed 8)"), printed);
        assertTrue(printed.contains("ms/step"), printed);
        String parameters =
                PngCodec.readTexts(Files.readAllBytes(dir.resolve("fox-2.png"))).get("parameters");
        assertTrue(
                parameters.startsWith("a fox\nSteps: 3, Sampler: DDIM, CFG scale: 5, Seed: 8, Size: 64x64"),
                parameters);
    }

    @Test
    void sameArgumentsWriteIdenticalFiles() throws Exception {
        Path a = dir.resolve("a.png");
        Path b = dir.resolve("b.png");
        assertEquals(0, run("--model", model(), "--prompt", "a fox", "--seed", "11", "--out", a.toString()));
        assertEquals(0, run("--model", model(), "--prompt", "a fox", "--seed", "11", "--out", b.toString()));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void imageToImageFromAFile() throws Exception {
        Path init = dir.resolve("init.png");
        assertEquals(0, run("--model", model(), "--prompt", "a fox", "--seed", "1", "--out", init.toString()));
        Path varied = dir.resolve("varied.png");
        assertEquals(
                0,
                run(
                        "--model",
                        model(),
                        "--prompt",
                        "a cat",
                        "--init",
                        init.toString(),
                        "--strength",
                        "0.5",
                        "--out",
                        varied.toString()));
        assertTrue(
                PngCodec.readTexts(Files.readAllBytes(varied)).get("parameters").endsWith("Denoising strength: 0.5"));
    }

    @Test
    void invalidValuesNameTheOption() throws URISyntaxException {
        assertEquals(
                2,
                run(
                        "--model",
                        model(),
                        "--prompt",
                        "x",
                        "--width",
                        "100",
                        "--out",
                        dir.resolve("x.png").toString()));
        assertTrue(err.toString().contains("invalid --width: must be a multiple of 8"), err.toString());
        assertEquals(2, run("--model", model(), "--prompt", "x", "--scheduler", "plms"));
        assertTrue(err.toString().contains("invalid --scheduler: unknown scheduler 'plms'"), err.toString());
    }

    @Test
    void helpAndUsageErrors() throws IOException {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("--negative-prompt"));
        assertEquals(2, run("--prompt"));
        assertEquals(2, run("--colour", "red"));
        assertTrue(err.toString().contains("unknown option --colour"));
        assertEquals(1, run("--model", dir.resolve("missing").toString(), "--prompt", "x"));
        assertTrue(err.toString().contains("missing"));
    }

    @Test
    void suffixesGoBeforeThePngExtension() {
        assertEquals("out/img-3.png", GenerateCommand.suffixed("out/img.png", 3));
        assertEquals("img-1", GenerateCommand.suffixed("img", 1));
    }
}
