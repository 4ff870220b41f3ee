package io.envforge.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.envforge.error.EnvforgeException;
import io.envforge.error.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Validates a parsed spec against its bundled JSON Schema (draft-07, unknown keys rejected). */
final class SchemaCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final JsonSchema schema;
    private final String example;

    private SchemaCheck(String resource, String example) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled schema " + resource);
            }
            this.document = JSON.readTree(in);
            this.schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                    .getSchema(document, EcmaPatterns.config());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.example = example;
    }

    static final SchemaCheck ENVIRONMENT = new SchemaCheck("environment.schema.json", "environments/dev1.yaml");
    static final SchemaCheck PLATFORM = new SchemaCheck("platform.schema.json", "environments/platform.yaml");
    static final SchemaCheck RESERVATION = new SchemaCheck("reservation.schema.json", "docs/fleet.md, Address ledger");

    /** Throws with one problem per violation, in a stable order. */
    void check(String file, Map<String, Object> doc) {
        JsonNode node = JSON.valueToTree(doc);
        List<ValidationMessage> messages = new ArrayList<>(schema.validate(node));
        if (messages.isEmpty()) {
            return;
        }
        messages.sort(Comparator.comparing(
                        (ValidationMessage m) -> m.getInstanceLocation().toString())
                .thenComparing(ValidationMessage::getMessage));
        List<Problem> problems = new ArrayList<>();
        for (ValidationMessage m : messages) {
            problems.add(toProblem(file, m));
        }
        throw new EnvforgeException(problems);
    }

    private Problem toProblem(String file, ValidationMessage m) {
        String path = dotted(m.getInstanceLocation().toString());
        String type = m.getType();
        if ("additionalProperties".equals(type) && m.getProperty() != null) {
            String key = path.isEmpty() ? m.getProperty() : path + "." + m.getProperty();
            return new Problem(
                    file,
                    key,
                    null,
                    "unknown key",
                    "remove it or check its spelling against docs/spec.md (see " + example + ")");
        }
        if ("required".equals(type) && m.getProperty() != null) {
            String key = path.isEmpty() ? m.getProperty() : path + "." + m.getProperty();
            return new Problem(file, key, null, "is required", "add it; see docs/spec.md and " + example);
        }
        JsonNode value = m.getInstanceNode();
        String shown = value == null || value.isContainerNode() ? null : value.asText();
        if ("enum".equals(type)) {
            return enumProblem(file, path, shown, m);
        }
        String message = m.getMessage();
        int colon = message.indexOf(": ");
        if (colon >= 0 && message.startsWith("$")) {
            message = message.substring(colon + 2);
        }
        return new Problem(file, path, shown, message, "see docs/spec.md for the allowed values");
    }

    /**
     * A value outside an {@code enum}: the allowed values, and as the fix the field's {@code description} when the
     * schema gives one (it says why only those, e.g. spec.database.engine), else a pointer to docs/spec.md.
     */
    private Problem enumProblem(String file, String path, String shown, ValidationMessage m) {
        // The schema location's fragment ends in /enum; its parent is the field's schema, e.g.
        // /properties/spec/properties/database/properties/engine.
        String keyword = m.getSchemaLocation().getFragment().toString();
        JsonNode field = document.at(keyword.substring(0, keyword.length() - "/enum".length()));
        List<String> allowed = new ArrayList<>();
        field.path("enum").forEach(v -> allowed.add(v.asText()));
        String description = field.path("description").asText("");
        return new Problem(
                file,
                path,
                shown,
                "must be one of " + String.join(", ", allowed),
                description.isEmpty() ? "see docs/spec.md for the allowed values" : description);
    }

    private static String dotted(String jsonPath) {
        String p = jsonPath.startsWith("$") ? jsonPath.substring(1) : jsonPath;
        if (p.startsWith(".")) {
            p = p.substring(1);
        }
        return p;
    }
}
