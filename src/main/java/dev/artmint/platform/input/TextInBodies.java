package dev.artmint.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.artmint.platform.problem.Refusal;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Every string of a JSON request body is checked for control characters as it is read, so that no feature needs to: a
 * string that holds one is refused with a 400 naming the field (such as {@code title}). The fields of multi-line text
 * may hold tab, line feed and carriage return.
 */
@Singleton
class TextInBodies implements ObjectMapperCustomizer {

    /** Fields whose text may run over several lines; a SIWE {@code message} is several lines by definition. */
    static final Set<String> MULTILINE = Set.of("prompt", "negativePrompt", "description", "bio", "message");

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("artmint-text").addDeserializer(String.class, new CheckedString()));
    }

    private static final class CheckedString extends StdScalarDeserializer<String> {

        CheckedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (value == null) {
                return null;
            }
            JsonStreamContext where = parser.getParsingContext();
            boolean multiline = where.inObject() && MULTILINE.contains(where.getCurrentName());
            ControlCharacters.find(value, multiline).ifPresent(found -> {
                throw Refusal.invalid(field(where), ControlCharacters.message(found));
            });
            return value;
        }

        /** The field's path in the body, such as {@code title} or {@code items[2].name}. */
        private static String field(JsonStreamContext where) {
            Deque<JsonStreamContext> outward = new ArrayDeque<>();
            for (JsonStreamContext at = where; at != null && !at.inRoot(); at = at.getParent()) {
                outward.push(at);
            }
            StringBuilder path = new StringBuilder();
            for (JsonStreamContext at : outward) {
                if (at.inArray()) {
                    path.append('[').append(Math.max(0, at.getCurrentIndex())).append(']');
                } else if (at.getCurrentName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(at.getCurrentName());
                }
            }
            return path.isEmpty() ? "body" : ControlCharacters.printable(path.toString());
        }
    }
}
