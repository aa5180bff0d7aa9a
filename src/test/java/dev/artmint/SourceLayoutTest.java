package dev.artmint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the formatter (Spotless with palantir-java-format, checked in the verify phase) leaves to people: lines it
 * cannot break, such as long string literals, text blocks and comments, stay within 120 columns too.
 */
@Tag("unit")
class SourceLayoutTest {

    private static final int MAX_COLUMNS = 120;

    @Test
    void everyJavaLineFitsIn120Columns() throws IOException {
        List<String> tooLong = new ArrayList<>();
        for (Path root : List.of(Path.of("src/main/java"), Path.of("src/test/java"), Path.of("src/localstack/java"))) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file -> {
                    List<String> lines = read(file);
                    for (int i = 0; i < lines.size(); i++) {
                        int columns =
                                lines.get(i).codePointCount(0, lines.get(i).length());
                        if (columns > MAX_COLUMNS) {
                            tooLong.add(file + ":" + (i + 1) + " has " + columns + " columns");
                        }
                    }
                });
            }
        }
        assertEquals(List.of(), tooLong, "lines longer than " + MAX_COLUMNS + " columns");
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
