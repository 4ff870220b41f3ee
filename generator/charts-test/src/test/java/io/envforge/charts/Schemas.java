package io.envforge.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** JSON Schemas read from the shared folder (never copied into the repository). */
final class Schemas {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory DRAFT7 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final Map<Path, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private Schemas() {}

    /** The strict Kubernetes 1.32.2 schema of a kind: {@code <kind>-<group>-<version>.json}, group left out for core. */
    static Path kubernetes(String apiVersion, String kind) {
        String[] gv = apiVersion.split("/");
        String group = gv.length == 1 ? "" : gv[0].split("\\.")[0] + "-";
        String version = gv[gv.length - 1];
        String file = (kind + "-" + group + version + ".json").toLowerCase(Locale.ROOT);
        return Repo.shared()
                .resolve("schemas/kubernetes/v1.32.2-standalone-strict")
                .resolve(file);
    }

    static Path shared(String relative) {
        return Repo.shared().resolve("schemas").resolve(relative);
    }

    /** Validation messages, one per line; empty when the instance is valid. */
    static String validate(Path schemaFile, Object instance) {
        JsonSchema schema = CACHE.computeIfAbsent(schemaFile, Schemas::load);
        JsonNode node = instance instanceof JsonNode n ? n : JSON.valueToTree(instance);
        Set<ValidationMessage> errors = schema.validate(node);
        return errors.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n"));
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JsonSchema load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no schema " + file + "; see " + Repo.shared() + "/schemas/SOURCES.md");
        }
        JsonNode node = readJson(file);
        if (node instanceof ObjectNode o) {
            // The Kubernetes schemas name the generic "http://json-schema.org/schema#"; they are draft-07 documents.
            o.remove("$schema");
        }
        return DRAFT7.getSchema(node);
    }
}
