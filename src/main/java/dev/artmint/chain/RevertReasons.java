package dev.artmint.chain;

import dev.artmint.chain.contracts.ArtMarket;
import dev.artmint.chain.contracts.ArtMint721;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.web3j.abi.CustomErrorEncoder;
import org.web3j.abi.datatypes.CustomError;
import org.web3j.protocol.core.Response;

/** Names the custom error behind a revert, from the error definitions the generated wrappers carry. */
final class RevertReasons {

    private static final Map<String, String> BY_SELECTOR = selectors();

    private RevertReasons() {}

    static String describe(Response.Error error) {
        String data = error.getData() == null ? "" : error.getData().replace("\"", "");
        String name = name(data);
        return name == null ? error.getMessage() : name;
    }

    /** The error's name for revert data such as 0x8b474e54..., or null when the selector is not one of ours. */
    static String name(String revertData) {
        if (revertData == null || revertData.length() < 10 || !revertData.startsWith("0x")) {
            return null;
        }
        return BY_SELECTOR.get(revertData.substring(0, 10).toLowerCase(Locale.ROOT));
    }

    private static Map<String, String> selectors() {
        Map<String, String> selectors = new HashMap<>();
        Stream.of(ArtMint721.class, ArtMarket.class)
                .flatMap(type -> Stream.of(type.getFields()))
                .filter(field -> field.getType() == CustomError.class && Modifier.isStatic(field.getModifiers()))
                .map(RevertReasons::error)
                .forEach(error -> selectors.put(
                        CustomErrorEncoder.encode(error).substring(0, 10).toLowerCase(Locale.ROOT), error.getName()));
        return Map.copyOf(selectors);
    }

    private static CustomError error(Field field) {
        try {
            return (CustomError) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("generated wrapper field " + field + " is not readable", e);
        }
    }
}
