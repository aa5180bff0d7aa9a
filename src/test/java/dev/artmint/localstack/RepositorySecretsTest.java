package dev.artmint.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The repository holds no secret but the clearly marked throwaway values of the local stack: Anvil's development keys
 * (derived from its public mnemonic), the local database password and the local object store's secret. Every tracked
 * text file is read: a private key block, a hex key where a key is named, a password, secret or key assigned in a
 * configuration file, or a client secret in a realm file is a finding.
 */
@Tag("unit")
class RepositorySecretsTest {

    private static final Pattern HEX_256 = Pattern.compile("(?<![0-9a-fA-F/])(?:0x)?([0-9a-fA-F]{64})(?![0-9a-fA-F])");
    private static final Pattern NAMES_A_KEY =
            Pattern.compile("(?i)private[ _-]?key|secret|credential|mnemonic|signing|\\bkey\\b|_key\\b|-key\\b");
    private static final Pattern PEM_PRIVATE_KEY = Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----");
    private static final Pattern CONFIG_SECRET = Pattern.compile(
            "(?i)^\\s*[\"']?([\\w.%\\-]*(?:password|secret|private[-_.]?key|master[-_.]?key|admin[-_.]key"
                    + "|minter[-_.]key|faucet[-_.]key|credential)[\\w.\\-]*)[\"']?\\s*[:=]\\s*(.*)$");
    private static final Pattern PLACEHOLDER = Pattern.compile("^[\"']?(\\$\\{[^}]+}|\\.\\.\\.|<[^>]+>)?[\"']?,?$");
    private static final Set<String> CONFIG_SUFFIXES = Set.of(".properties", ".yaml", ".yml", ".env", ".conf");
    /** The local stack's throwaway credentials (PostgresPart, ObjectStorePart), which name themselves as such. */
    private static final Set<String> THROWAWAY_VALUES = Set.of(PostgresPart.PASSWORD, ObjectStorePart.SECRET_KEY);

    private static Set<String> anvilKeys;
    private static List<Path> files;

    @BeforeAll
    static void readTheRepository() throws IOException, InterruptedException {
        anvilKeys = IntStream.range(0, 20)
                .mapToObj(index -> AnvilPart.privateKey(index).substring(2).toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Process git = new ProcessBuilder("git", "ls-files", "-z")
                .redirectErrorStream(true)
                .start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, git.waitFor(), listing);
        files = List.of(listing.split("\0")).stream()
                .filter(name -> !name.isEmpty() && !name.endsWith("package-lock.json"))
                .map(Path::of)
                .filter(Files::isRegularFile)
                .toList();
        assertTrue(files.size() > 300, "tracked files: " + files.size());
    }

    @Test
    void noPrivateKeyIsInTheRepositoryButAnvilsDevelopmentKeys() throws IOException {
        List<String> findings = new ArrayList<>();
        int hexValues = 0;
        for (Path file : files) {
            List<String> lines = text(file);
            for (int i = 0; i < lines.size(); i++) {
                if (PEM_PRIVATE_KEY.matcher(lines.get(i)).find()) {
                    findings.add(file + ":" + (i + 1) + " a private key block");
                }
                Matcher hex = HEX_256.matcher(lines.get(i));
                while (hex.find()) {
                    hexValues++;
                    String context = String.join("\n", lines.subList(Math.max(0, i - 2), i + 1));
                    if (NAMES_A_KEY.matcher(context).find()
                            && !anvilKeys.contains(hex.group(1).toLowerCase(Locale.ROOT))) {
                        findings.add(file + ":" + (i + 1) + " a 256-bit hex value named as a key");
                    }
                }
            }
        }
        System.out.printf(
                "repository secrets: %d files, %d 256-bit hex values read, %d findings%n",
                files.size(), hexValues, findings.size());
        assertTrue(hexValues >= 10, "the scan reads hex values: " + hexValues);
        assertEquals(List.of(), findings);
    }

    @Test
    void configurationFilesTakeSecretsFromTheEnvironment() throws IOException {
        List<String> findings = new ArrayList<>();
        int assignments = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (CONFIG_SUFFIXES.stream().noneMatch(name::endsWith)) {
                continue;
            }
            List<String> lines = text(file);
            for (int i = 0; i < lines.size(); i++) {
                Matcher secret = CONFIG_SECRET.matcher(lines.get(i));
                if (secret.find() && !lines.get(i).strip().startsWith("#")) {
                    assignments++;
                    String value = secret.group(2).strip();
                    if (!PLACEHOLDER.matcher(value).matches() && !THROWAWAY_VALUES.contains(unquoted(value))) {
                        findings.add(file + ":" + (i + 1) + " " + secret.group(1) + " has a literal value");
                    }
                }
            }
        }
        System.out.printf("repository secrets: %d secret settings in configuration files%n", assignments);
        assertTrue(assignments >= 5, "the compose files' secret settings are read: " + assignments);
        assertEquals(List.of(), findings);
    }

    @Test
    void realmFilesHoldNoClientSecretAndNoPlainPassword() throws IOException {
        List<String> findings = new ArrayList<>();
        for (Path file : files) {
            if (!file.getFileName().toString().endsWith("realm.json")) {
                continue;
            }
            String realm = Files.readString(file);
            if (Pattern.compile("\"secret\"\\s*:").matcher(realm).find()) {
                findings.add(file + " holds a client secret");
            }
            if (Pattern.compile("\"type\"\\s*:\\s*\"password\"\\s*,\\s*\"value\"")
                    .matcher(realm)
                    .find()) {
                findings.add(file + " holds a plain password");
            }
        }
        assertEquals(List.of(), findings);
    }

    private static String unquoted(String value) {
        return value.replaceAll("^[\"']|[\"'],?$", "");
    }

    /** The file's lines, or none for a binary file. */
    private static List<String> text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return List.of();
            }
        }
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}
