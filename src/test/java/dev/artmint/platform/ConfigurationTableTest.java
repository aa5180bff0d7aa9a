package dev.artmint.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappingInterface;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * README's configuration table against the {@code @ConfigMapping} interfaces, so that neither drifts from the other.
 *
 * <p>The convention the table follows, per key: a default in backticks is the mapping's {@code @WithDefault};
 * {@code none} is an optional key without a default; any other words (such as {@code local stack}) describe where a
 * required key without a default comes from. What follows in parentheses (what the local stack or the tests set
 * instead) is a note, not the default. A row may name several keys ({@code a.b.c} / {@code d}: the second is
 * {@code a.b.d}), with one default for all or one per key, in the same order.
 */
class ConfigurationTableTest {

    private static final Path README = Path.of("README.md");
    private static final Path APPLICATION_PROPERTIES = Path.of("src/main/resources/application.properties");
    /** Read by the local stack's launcher before the application starts; no mapping carries them. */
    private static final String LAUNCHER_KEYS = "artmint.local.";

    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern NOTE = Pattern.compile("\\s*\\([^()]*\\)");

    private static Map<String, MappedKey> mapped;
    private static Map<String, String> documented;

    /** A key as a mapping reads it. */
    record MappedKey(String name, Optional<String> defaultValue, boolean optional) {}

    @BeforeAll
    static void read() throws IOException {
        mapped = mappedKeys();
        documented = readmeTable();
    }

    @Test
    void theMappingsAreFoundOnTheClasspath() {
        assertTrue(mapped.containsKey("artmint.data-dir"), "PlatformConfig is scanned: " + mapped.keySet());
        assertTrue(mapped.containsKey("artmint.chain.contracts.fee-bps"), "nested groups are walked");
        assertFalse(
                mapped.keySet().stream().anyMatch(key -> key.startsWith(LAUNCHER_KEYS)),
                "artmint.local.* is the launcher's");
    }

    @Test
    void everyMappedKeyIsARowOfTheReadme() {
        List<String> missing = mapped.keySet().stream()
                .filter(key -> !documented.containsKey(key))
                .toList();
        assertEquals(List.of(), missing, "keys the mappings read that README's configuration table lacks");
    }

    @Test
    void everyArtMintRowOfTheReadmeIsAMappedKey() {
        List<String> unknown = documented.keySet().stream()
                .filter(key -> key.startsWith("artmint.") && !key.startsWith(LAUNCHER_KEYS))
                .filter(key -> !mapped.containsKey(key))
                .toList();
        assertEquals(List.of(), unknown, "README documents keys that no mapping reads");
    }

    @Test
    void theReadmesDefaultsAreTheMappingsDefaults() {
        List<String> wrong = new ArrayList<>();
        for (MappedKey key : mapped.values()) {
            String stated = documented.get(key.name());
            if (stated == null) {
                continue;
            }
            String expected = key.defaultValue().map(value -> "`" + value + "`").orElse(key.optional() ? "none" : null);
            if (expected == null) {
                if (stated.equals("none") || CODE.matcher(stated).matches()) {
                    wrong.add(key.name() + ": required without a default, README says " + stated
                            + " instead of where it comes from");
                }
            } else if (!stated.equals(expected)) {
                wrong.add(key.name() + ": README says " + stated + ", the mapping " + expected);
            }
        }
        assertEquals(List.of(), wrong, "README's default column against @WithDefault");
    }

    /** The built-in defaults live on the mappings; application.properties may only override them per profile. */
    @Test
    void applicationPropertiesSetsArtMintKeysOnlyInProfiles() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String line : Files.readAllLines(APPLICATION_PROPERTIES)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                continue;
            }
            String key = trimmed.substring(0, trimmed.indexOf('=')).strip();
            if (key.startsWith("artmint.")) {
                wrong.add(key + " without a profile: its default belongs in @WithDefault");
            } else if (key.startsWith("%")) {
                String unprofiled = key.substring(key.indexOf('.') + 1);
                if (unprofiled.startsWith("artmint.")
                        && !unprofiled.startsWith(LAUNCHER_KEYS)
                        && !mapped.containsKey(unprofiled)) {
                    wrong.add(key + " overrides a key that no mapping reads");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    /** The walk below names keys and finds defaults the way SmallRye Config itself does. */
    @Test
    void theKeysAreTheOnesSmallRyeConfigMaps() {
        Map<String, String> smallRye = new TreeMap<>();
        for (Class<?> mapping : mappingInterfaces()) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            ConfigMappings.getProperties(ConfigMappings.ConfigClass.configClass(mapping, prefix))
                    .forEach((key, property) -> smallRye.put(key, defaultOf(property)));
        }
        // a list may also be given element by element (key[0], key[1], ...): the same key
        smallRye.keySet().removeIf(key -> key.endsWith("[*]"));
        Map<String, String> walked = new TreeMap<>();
        mapped.values().forEach(key -> walked.put(key.name(), key.defaultValue().orElse(null)));
        assertEquals(smallRye, walked);
    }

    private static String defaultOf(ConfigMappingInterface.Property property) {
        return property.hasDefaultValue() ? property.getDefaultValue() : null;
    }

    private static List<Class<?>> mappingInterfaces() {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.artmint").stream()
                        .filter(type -> type.isAnnotatedWith(ConfigMapping.class))
                        .<Class<?>>map(JavaClass::reflect)
                        .toList();
    }

    private static Map<String, MappedKey> mappedKeys() {
        Map<String, MappedKey> keys = new TreeMap<>();
        for (Class<?> mapping : mappingInterfaces()) {
            ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
            walk(annotation.prefix(), mapping, annotation.namingStrategy(), keys);
        }
        return keys;
    }

    /** Every key of a mapping or group: prefix + its method's name in the mapping's naming strategy, or @WithName. */
    private static void walk(
            String prefix, Class<?> group, ConfigMapping.NamingStrategy naming, Map<String, MappedKey> keys) {
        for (Method method : group.getMethods()) {
            if (!Modifier.isAbstract(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            WithName withName = method.getAnnotation(WithName.class);
            String name = withName != null ? withName.value() : naming.apply(method.getName());
            String key = method.isAnnotationPresent(WithParentName.class)
                    ? prefix
                    : prefix.isEmpty() ? name : prefix + "." + name;
            Type type = method.getGenericReturnType();
            boolean optional = false;
            if (raw(type) == Optional.class) {
                optional = true;
                type = ((ParameterizedType) type).getActualTypeArguments()[0];
            } else if (raw(type) == OptionalInt.class
                    || raw(type) == OptionalLong.class
                    || raw(type) == OptionalDouble.class) {
                optional = true;
            }
            Class<?> raw = raw(type);
            if (Map.class.isAssignableFrom(raw) || Collection.class.isAssignableFrom(raw) && isGroup(elementOf(type))) {
                throw new IllegalStateException(key + ": maps and lists of groups need a README convention first");
            }
            if (isGroup(raw)) {
                walk(key, raw, naming, keys);
                continue;
            }
            Optional<String> defaultValue =
                    Optional.ofNullable(method.getAnnotation(WithDefault.class)).map(WithDefault::value);
            if (keys.put(key, new MappedKey(key, defaultValue, optional)) != null) {
                throw new IllegalStateException(key + " is mapped twice");
            }
        }
    }

    /** A group is an interface of the project's own; java.util.List and other JDK interfaces are values. */
    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !type.getName().startsWith("java.");
    }

    private static Class<?> elementOf(Type type) {
        return type instanceof ParameterizedType parameterized
                ? raw(parameterized.getActualTypeArguments()[0])
                : Object.class;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        if (type instanceof ParameterizedType parameterized) {
            return (Class<?>) parameterized.getRawType();
        }
        return Object.class;
    }

    /** README's configuration table: key to its default column without notes in parentheses, one entry per key. */
    private static Map<String, String> readmeTable() throws IOException {
        List<String> lines = Files.readAllLines(README);
        int start = lines.indexOf("## Configuration");
        assertTrue(start >= 0, "README has a ## Configuration section");
        Map<String, String> table = new TreeMap<>();
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
            assertTrue(cells.length >= 3, "a row has key, default and meaning: " + line);
            List<String> keys = keysOf(cells[0], line);
            String[] defaults = NOTE.matcher(cells[1]).replaceAll("").strip().split(" / ");
            assertTrue(
                    defaults.length == 1 || defaults.length == keys.size(),
                    "one default for all keys of a row, or one per key: " + line);
            for (int i = 0; i < keys.size(); i++) {
                String previous = table.put(keys.get(i), defaults[defaults.length == 1 ? 0 : i]);
                assertTrue(previous == null, keys.get(i) + " has two rows in README");
            }
        }
        assertFalse(table.isEmpty(), "README's configuration table has rows");
        return table;
    }

    /** {@code `a.b.c` / `d`} names a.b.c and a.b.d; a part with a dot is a whole key. */
    private static List<String> keysOf(String cell, String line) {
        List<String> keys = new ArrayList<>();
        for (String part : cell.split(" / ")) {
            Matcher code = CODE.matcher(part.strip());
            assertTrue(code.matches(), "a key column holds keys in backticks separated by ' / ': " + line);
            String key = code.group(1);
            if (!keys.isEmpty() && !key.contains(".")) {
                String first = keys.get(0);
                key = first.substring(0, first.lastIndexOf('.') + 1) + key;
            }
            keys.add(key);
        }
        return keys;
    }
}
